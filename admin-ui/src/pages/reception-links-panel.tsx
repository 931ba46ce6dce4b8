import type { ReceptionLink } from "@innbox/protocol";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { receptionQrUrl, toApiError } from "../api/client";
import { useSession } from "../app-context";
import { Alert } from "../components/alert";
import { TextField } from "../components/field";
import { Icon } from "../components/icon";
import { checkTag } from "../forms/checks";
import { t } from "../messages";

/** How long typing may pause before the link and QR code follow. */
const TYPING_PAUSE_MS = 250;

/**
 * A room's or place's reception link (`/r/<slug>?t=Room 12`) with a Copy button, its QR
 * code and downloads. `slug` is the saved one: a new slug makes a new link and code.
 */
export function ReceptionLinksPanel({ slug }: { slug: string }) {
  const { api } = useSession();
  const [tag, setTag] = useState("");
  const [link, setLink] = useState<ReceptionLink | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "selected" | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const problem = checkTag(tag, t.property.tag);
  const wanted = problem ? null : tag.trim();

  // The link comes from the appliance (its publicUrl and slug), then its QR code.
  useEffect(() => {
    if (wanted === null) return;
    let cancelled = false;
    let objectUrl: string | null = null;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getReceptionLink(wanted || undefined);
        const res = await fetch(receptionQrUrl(wanted, "png"), { credentials: "same-origin" });
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (cancelled) return;
        // The link and its code change together: the image never shows another link's code.
        objectUrl = URL.createObjectURL(blob);
        setLink(next);
        setQr(objectUrl);
        setCopied(null);
        setError(null);
      } catch (caught) {
        if (!cancelled) setError(caught instanceof Error && /^\d+$/.test(caught.message) ? t.property.qrFailed : toApiError(caught).message);
      }
    }, TYPING_PAUSE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, wanted, slug]);

  const current = link && (link.tag ?? "") === wanted ? link : null;

  const copy = async () => {
    if (!current) return;
    try {
      // The clipboard API exists only on HTTPS pages (and loopback); elsewhere select it for Ctrl+C.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(current.url);
      setCopied("copied");
    } catch {
      linkField.current?.focus();
      linkField.current?.select();
      setCopied("selected");
    }
  };

  return (
    <section class="card reception-links" aria-labelledby="reception-links-title">
      <h2 id="reception-links-title">{t.property.linksTitle}</h2>
      <p class="muted">{t.property.linksLead}</p>
      <TextField
        label={t.property.tag}
        name="tag"
        value={tag}
        onValue={setTag}
        hint={t.property.tagHint}
        error={problem}
        placeholder={t.property.tagPlaceholder}
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <label class="reception-link-label" for={linkId}>
        {t.property.link}
      </label>
      <div class="copy-row">
        <input
          ref={linkField}
          id={linkId}
          class="copy-field"
          type="text"
          readOnly
          value={current?.url ?? ""}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button" onClick={() => void copy()} disabled={!current}>
          <Icon name="copy" />
          <span>{t.property.copy}</span>
        </button>
      </div>
      <p class="field-hint" role="status">
        {copied === "copied" ? t.property.copied : copied === "selected" ? t.property.copySelected : null}
      </p>
      <div class="reception-links-body">
        <div class="reception-qr-frame">
          {qr && current ? (
            <img class="reception-qr" src={qr} alt={t.property.qrAlt(current.tag ?? "")} width="200" height="200" />
          ) : (
            <p class="muted" role="status">
              {problem ? null : t.property.qrLoading}
            </p>
          )}
        </div>
        {current ? (
          <div class="reception-downloads">
            {/* The appliance names the file (innbox-qr-Room-12.png). */}
            <div class="actions">
              <a class="button" href={receptionQrUrl(wanted ?? "", "png")} download>
                {t.property.downloadPng}
              </a>
              <a class="button" href={receptionQrUrl(wanted ?? "", "svg")} download>
                {t.property.downloadSvg}
              </a>
            </div>
            <p class="field-hint">{t.property.downloadHint}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
