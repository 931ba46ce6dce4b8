import type { Device } from "@innbox/protocol";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { TextAreaField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { t } from "../../messages";

interface ImportPanelProps {
  onImported: (devices: Device[]) => void;
  onClose: () => void;
}

/** Tuya's tools' device list (tinytuya's devices.json, tuya-cli's list), from a file or pasted, sent as it is. */
export function ImportPanel({ onImported, onClose }: ImportPanelProps) {
  const { api } = useSession();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ added: string[]; skipped: Array<{ name: string; reason: string }> } | null>(null);
  const { fieldErrors, alert, busy, check, send } = useFormRequest({});
  const fileId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    if (!text.trim()) return void check({ list: t.devices.importEmpty });
    let exported: unknown;
    try {
      exported = JSON.parse(text);
    } catch {
      return void check({ list: t.devices.importNotJson });
    }
    check({});
    await send(async () => {
      const answer = await api.importDevices(exported);
      setResult({ added: answer.devices.map((device) => device.name), skipped: answer.skipped });
      setText("");
      onImported(answer.devices);
    });
  };

  return (
    <form class="form device-panel" onSubmit={onSubmit} noValidate aria-labelledby="import-title">
      <h2 id="import-title" ref={heading} tabIndex={-1}>
        {t.devices.importHeading}
      </h2>
      <p class="muted">{t.devices.importLead}</p>
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      <div class="field">
        <label for={fileId}>{t.devices.importFile}</label>
        <input id={fileId} type="file" accept=".json,application/json,text/plain" onChange={onFile} />
      </div>
      <TextAreaField label={t.devices.importPaste} name="list" value={text} onValue={setText} rows={6} error={fieldErrors.list} />
      {result ? (
        <div class="import-result" role="status">
          <p>{t.devices.importAdded(result.added.length)}</p>
          {result.added.length ? (
            <ul class="import-added">
              {result.added.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          ) : null}
          {result.skipped.length ? (
            <>
              <p>{t.devices.importSkipped(result.skipped.length)}</p>
              <ul class="import-skipped">
                {result.skipped.map((entry, index) => (
                  <li key={index}>{t.devices.importSkippedItem(entry.name, entry.reason)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.devices.importing : t.devices.importSubmit}
        </button>
        <button type="button" class="button button-quiet" onClick={onClose}>
          {t.devices.closePanel}
        </button>
      </div>
    </form>
  );
}
