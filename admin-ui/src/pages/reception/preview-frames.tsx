import {
  PREVIEW_READY,
  PREVIEW_SETTINGS,
  type GuestLanguage,
  type PreviewSettingsMessage,
  type ReceptionSettings,
} from "@innbox/protocol/reception-view";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";

/** The sizes the preview shows the page at, in CSS pixels. */
export const DEVICES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 820, height: 1180 },
  { name: "desktop", width: 1440, height: 900 },
] as const;

/** How long typing may pause before the frames follow. */
const TYPING_PAUSE_MS = 150;

interface PreviewProps {
  slug: string;
  /** The unsaved settings the frames show. */
  settings: ReceptionSettings;
}

/**
 * The real guest page (`/r/<slug>?preview=<language>`) in three frames, scaled down to
 * fit. Each frame says when it can take settings; it is then sent the unsaved ones, and
 * again on every change.
 */
export function PreviewFrames({ slug, settings }: PreviewProps) {
  const id = useId();
  const frames = useRef<Array<HTMLIFrameElement | null>>([]);
  const latest = useRef(settings);
  latest.current = settings;
  const [language, setLanguage] = useState<GuestLanguage>(settings.defaultLanguage);
  const shown = settings.languages.includes(language) ? language : settings.defaultLanguage;

  const send = (frame: HTMLIFrameElement | null) => {
    const message: PreviewSettingsMessage = { type: PREVIEW_SETTINGS, settings: latest.current };
    frame?.contentWindow?.postMessage(message, window.location.origin);
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const frame = frames.current.find((candidate) => candidate?.contentWindow && candidate.contentWindow === event.source);
      if (!frame) return;
      if ((event.data as { type?: unknown } | null)?.type === PREVIEW_READY) send(frame);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => frames.current.forEach(send), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [settings]);

  const src = `/r/${encodeURIComponent(slug)}?preview=${shown}`;
  return (
    <section class="card editor-card preview" aria-labelledby={`${id}-title`}>
      <div class="preview-head">
        <div>
          <h2 id={`${id}-title`}>{t.editor.previewTitle}</h2>
          <p class="muted">{t.editor.previewLead}</p>
        </div>
        {settings.languages.length > 1 ? (
          <label class="preview-language">
            <span>{t.editor.previewLanguage}</span>
            <select value={shown} onChange={(event) => setLanguage(event.currentTarget.value as GuestLanguage)}>
              {settings.languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div class="preview-devices">
        {DEVICES.map((device, index) => (
          <ScaledFrame
            key={device.name}
            device={device}
            src={src}
            title={t.editor.previewFrame(t.editor.devices[device.name])}
            frameRef={(frame) => (frames.current[index] = frame)}
          />
        ))}
      </div>
    </section>
  );
}

interface ScaledFrameProps {
  device: (typeof DEVICES)[number];
  src: string;
  title: string;
  frameRef: (frame: HTMLIFrameElement | null) => void;
}

/** A frame laid out at the device's size and scaled down to the width it is given. */
function ScaledFrame({ device, src, title, frameRef }: ScaledFrameProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => setScale(element.clientWidth / device.width || 0.25);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [device.width]);

  return (
    <figure class={`preview-device preview-${device.name}`}>
      <div ref={box} class="preview-box" style={{ height: `${Math.round(device.height * scale)}px` }}>
        <iframe
          ref={frameRef}
          src={src}
          title={title}
          data-device={device.name}
          width={device.width}
          height={device.height}
          style={{ transform: `scale(${scale})` }}
        />
      </div>
      <figcaption>
        {t.editor.devices[device.name]} · {device.width}×{device.height}
      </figcaption>
    </figure>
  );
}
