import type { TlsStatus } from "@innbox/protocol";
import { Alert } from "../../components/alert";
import { RichText } from "../../components/rich-text";
import { LoadState, useLoad } from "../../components/use-load";
import { t } from "../../messages";

/** HTTPS on the LAN: the local certificate authority to download, what the certificate covers, and how to install it on each kind of device. */
export function SecureConnectionSettings() {
  const [status, , loadError] = useLoad((api) => api.getTls());
  if (!status) return <LoadState error={loadError} />;
  return (
    <>
      <section class="card secure-connection" aria-labelledby="https-title">
        <h2 id="https-title">{t.secure.heading}</h2>
        <p>{t.secure.intro}</p>
        {status.enabled ? <HttpsOn status={status} /> : <HttpsOff />}
      </section>
      {status.enabled ? <InstallSteps /> : null}
    </>
  );
}

function HttpsOff() {
  return (
    <>
      <Alert kind="info">{t.secure.off}</Alert>
      <p>
        <RichText text={t.secure.howToTurnOn} />
      </p>
    </>
  );
}

function HttpsOn({ status }: { status: TlsStatus }) {
  const httpsUrl = `https://${location.hostname.includes(":") ? `[${location.hostname}]` : location.hostname}:${status.port}/admin/`;
  const day = new Intl.DateTimeFormat(t.app.locale, { day: "numeric", month: "long", year: "numeric" });
  return (
    <>
      <p class="secure-state">{t.secure.on}</p>
      <div class="actions secure-actions">
        <a class="button button-primary" href={status.caUrl} download="innbox-local-ca.crt">
          {t.secure.download}
        </a>
        {location.protocol === "https:" ? null : (
          <a class="button" href={httpsUrl}>
            {t.secure.openHttps}
          </a>
        )}
      </div>
      <p class="muted">{t.secure.downloadHint}</p>
      <dl class="secure-facts">
        <dt>{t.secure.address}</dt>
        <dd>
          <code>{httpsUrl}</code>
        </dd>
        <dt>{t.secure.caName}</dt>
        <dd>{status.caName}</dd>
        <dt>{t.secure.fingerprint}</dt>
        <dd>
          <code class="fingerprint">
            {/* Lines break only between the pairs of hex digits. */}
            {(status.caFingerprint ?? "").split(":").map((pair, index) => (
              <>
                {index ? ":" : ""}
                {index ? <wbr /> : null}
                {pair}
              </>
            ))}
          </code>
          <span class="muted">{t.secure.fingerprintHint}</span>
        </dd>
        <dt>{t.secure.names}</dt>
        <dd>
          <ul class="secure-names">
            {status.names.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.secure.expires}</dt>
        <dd>{status.notAfter ? day.format(new Date(status.notAfter)) : null}</dd>
        <dt>{t.secure.caExpires}</dt>
        <dd>{status.caNotAfter ? day.format(new Date(status.caNotAfter)) : null}</dd>
      </dl>
    </>
  );
}

function InstallSteps() {
  return (
    <section class="card secure-install" aria-labelledby="install-title">
      <h2 id="install-title">{t.secure.installHeading}</h2>
      <p>{t.secure.installIntro}</p>
      {t.secure.systems.map((system) => (
        <details key={system.name} class="secure-system">
          <summary>{system.name}</summary>
          <ol class="steps">
            {system.steps.map((step, index) => (
              <li key={index}>
                <StepText text={step} />
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}

/** A step: **words on the device's screen** in bold, `typed things` as code. */
function StepText({ text }: { text: string }) {
  return (
    <>
      {text.split("**").map((part, index) =>
        index % 2 === 1 ? (
          <strong key={index}>{part}</strong>
        ) : (
          <RichText key={index} text={part} />
        ),
      )}
    </>
  );
}
