import type { KioskPairing } from "@innbox/protocol";
import { useEffect, useRef } from "preact/hooks";
import { useTimeFormat } from "../../format/use-time-format";
import { t } from "../../messages";
import { useQrDataUrl } from "./qr-image";

/** A kiosk's one-time code, large and grouped, with the QR code of its pairing link. */
export function PairingPanel({ pairing, onClose }: { pairing: KioskPairing; onClose: () => void }) {
  const time = useTimeFormat();
  const qr = useQrDataUrl(pairing.pairingLink);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [pairing.pairingCode]);
  return (
    <section class="kiosk-pairing" aria-labelledby="kiosk-pairing-title">
      <h3 id="kiosk-pairing-title" ref={heading} tabIndex={-1}>
        {t.kiosk.codeHeading(pairing.kiosk.name)}
      </h3>
      <div class="kiosk-pairing-body">
        <div class="kiosk-qr-frame">{qr ? <img class="kiosk-qr" src={qr} alt={t.kiosk.codeQrAlt(pairing.kiosk.name)} width="200" height="200" /> : null}</div>
        <div class="kiosk-pairing-text">
          <p class="kiosk-code-label">{t.kiosk.codeLabel}</p>
          <p class="kiosk-code" data-testid="pairing-code" aria-label={pairing.pairingCode.split("").join(" ")}>
            {pairing.pairingCode}
          </p>
          <p>{t.kiosk.codeInstruction}</p>
          <p class="muted">{t.kiosk.codeExpires(time.dateTime(pairing.expiresAt))}</p>
          <p class="kiosk-link">
            <span class="muted">{t.kiosk.codeLinkLabel}: </span>
            <a href={pairing.pairingLink} target="_blank" rel="noopener noreferrer">
              {pairing.pairingLink}
            </a>
          </p>
        </div>
      </div>
      <div class="actions">
        <button type="button" class="button" onClick={onClose}>
          {t.kiosk.codeClose}
        </button>
      </div>
    </section>
  );
}
