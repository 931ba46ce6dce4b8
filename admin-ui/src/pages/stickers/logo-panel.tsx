import type { ReceptionLogoInfo } from "@innbox/protocol";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { t } from "../../messages";

export interface LogoState {
  info: ReceptionLogoInfo | null;
  /** An object URL of the stored logo, and the image loaded from it (its natural size). */
  url: string | null;
  image: HTMLImageElement | null;
  busy: boolean;
  message: { kind: "success" | "error"; text: string } | null;
  upload(file: File, maxBytes: number): Promise<void>;
  remove(): Promise<void>;
}

/** The stored logo, fetched with the session and kept as an object URL for the preview and PNG. */
export function useLogo(initial: ReceptionLogoInfo | null): LogoState {
  const { api } = useSession();
  const [info, setInfo] = useState<ReceptionLogoInfo | null>(initial);
  const [version, setVersion] = useState(0);
  const [url, setUrl] = useState<string | null>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<LogoState["message"]>(null);

  useEffect(() => setInfo(initial), [initial?.updatedAt]);

  useEffect(() => {
    if (!info) {
      setUrl(null);
      setImage(null);
      return;
    }
    let objectUrl: string | null = null;
    let cancelled = false;
    (async () => {
      const res = await fetch("/api/reception/logo", { credentials: "same-origin", cache: "no-store" });
      if (!res.ok || cancelled) return;
      objectUrl = URL.createObjectURL(await res.blob());
      const img = new Image();
      img.src = objectUrl;
      await img.decode().catch(() => undefined);
      if (cancelled) return;
      setUrl(objectUrl);
      setImage(img.naturalWidth ? img : null);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [info?.updatedAt, version]);

  return {
    info,
    url,
    image,
    busy,
    message,
    async upload(file, maxBytes) {
      if (file.size > maxBytes) {
        setMessage({ kind: "error", text: t.stickers.logoTooLarge });
        return;
      }
      setBusy(true);
      setMessage(null);
      try {
        const saved = await api.uploadLogo(file);
        setInfo(saved);
        setVersion((v) => v + 1);
        setMessage({ kind: "success", text: saved.cleaned ? t.stickers.logoCleaned : t.stickers.logoSaved });
      } catch (caught) {
        setMessage({ kind: "error", text: toApiError(caught).message });
      } finally {
        setBusy(false);
      }
    },
    async remove() {
      setBusy(true);
      setMessage(null);
      try {
        await api.deleteLogo();
        setInfo(null);
        setMessage({ kind: "success", text: t.stickers.logoRemoved });
      } catch (caught) {
        setMessage({ kind: "error", text: toApiError(caught).message });
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Upload, preview and remove the logo; the appliance's sentence when it refuses a file. */
export function LogoPanel({ logo, maxBytes }: { logo: LogoState; maxBytes: number }) {
  const words = t.stickers;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <fieldset class="fieldset logo-panel">
      <legend>{words.logoHeading}</legend>
      <div class="logo-row">
        <div class="logo-frame">{logo.url ? <img src={logo.url} alt={words.logoAlt} /> : <span class="muted">{words.logoNone}</span>}</div>
        <div class="logo-actions">
          <label class="button" for={id}>
            {logo.busy ? words.logoUploading : logo.info ? words.logoReplace : words.logoChoose}
          </label>
          <input
            ref={input}
            id={id}
            class="visually-hidden"
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
            disabled={logo.busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void logo.upload(file, maxBytes);
              if (input.current) input.current.value = "";
            }}
          />
          {logo.info ? (
            <button type="button" class="button button-danger-quiet" onClick={() => void logo.remove()} disabled={logo.busy}>
              {words.logoRemove}
            </button>
          ) : null}
        </div>
      </div>
      <p class="field-hint">{words.logoHint}</p>
      {logo.message ? <Alert kind={logo.message.kind}>{logo.message.text}</Alert> : null}
    </fieldset>
  );
}
