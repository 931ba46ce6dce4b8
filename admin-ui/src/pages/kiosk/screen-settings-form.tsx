import type { KioskSettings, KioskSettingsInput, WifiSecurity } from "@innbox/protocol";
import { wifiQrText } from "@innbox/protocol/wifi-qr";
import { useId, useState } from "preact/hooks";
import { Alert } from "../../components/alert";
import { Checkbox, described, FieldShell, SelectField, TextAreaField, TextField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";
import { useQrDataUrl } from "./qr-image";
import { useSession } from "../../app-context";

const LANGUAGES = ["en", "de", "fr", "it", "es", "nl", "pt", "pl", "cs", "sk", "sl", "hr", "hu", "ro", "el", "tr", "ru", "uk", "sv", "da", "no", "fi", "zh", "ja", "ko", "ar", "he"];

interface Form {
  ssid: string;
  password: string;
  security: WifiSecurity;
  hidden: boolean;
  phone: string;
  emergency: Array<{ language: string; text: string }>;
}

function toForm(settings: KioskSettings): Form {
  return {
    ssid: settings.wifi?.ssid ?? "",
    password: settings.wifi?.password ?? "",
    security: settings.wifi?.security ?? "WPA",
    hidden: settings.wifi?.hidden ?? false,
    phone: settings.phone ?? "",
    emergency: Object.entries(settings.emergencyText ?? {}).map(([language, text]) => ({ language, text })),
  };
}

function toSettings(form: Form): KioskSettingsInput {
  const emergency = form.emergency.filter((e) => e.text.trim() !== "");
  return {
    ...(form.ssid ? { wifi: { ssid: form.ssid, password: form.security === "nopass" ? "" : form.password, security: form.security, ...(form.hidden ? { hidden: true } : {}) } } : {}),
    ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    ...(emergency.length ? { emergencyText: Object.fromEntries(emergency.map((e) => [e.language, e.text])) } : {}),
  };
}

/** Where the appliance's field names go in this form. */
function place(field: string) {
  if (field === "wifi.ssid") return { key: "ssid", label: t.kiosk.ssidLabel };
  if (field === "wifi.password") return { key: "password", label: t.kiosk.passwordLabel };
  if (field === "wifi.security") return { key: "security", label: t.kiosk.securityLabel };
  if (field === "phone") return { key: "phone", label: t.kiosk.phoneLabel };
  const language = /^emergencyText\.(.+)$/.exec(field)?.[1];
  if (language) return { key: `emergency.${language}`, label: t.kiosk.emergencyLabel(languageName(language)) };
  return undefined;
}

/** The idle screen's Wi-Fi, phone and emergency texts, with a live preview of the Wi-Fi QR code. */
export function ScreenSettingsForm({ settings, onSaved }: { settings: KioskSettings; onSaved: (saved: KioskSettings) => void }) {
  const { api } = useSession();
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [showPassword, setShowPassword] = useState(false);
  const [adding, setAdding] = useState("");
  const [saved, setSaved] = useState(false);
  const request = useFormRequest(place);
  const passwordId = useId();
  const wifi = form.ssid ? { ssid: form.ssid, password: form.password, security: form.security, hidden: form.hidden } : null;
  const qr = useQrDataUrl(wifi ? wifiQrText(wifi) : null);
  const update = (patch: Partial<Form>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const unused = LANGUAGES.filter((code) => !form.emergency.some((e) => e.language === code));
  const addChoice = adding || unused[0] || "";

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (!request.check({})) return;
    void request.send(async () => {
      const stored = await api.setKioskSettings(toSettings(form));
      setForm(toForm(stored));
      setSaved(true);
      onSaved(stored);
    });
  };

  const passwordError = request.fieldErrors.password;
  return (
    <form class="form kiosk-screen-form" onSubmit={onSubmit} noValidate>
      {request.alert ? <Alert kind="error">{request.alert}</Alert> : null}
      {saved ? <Alert kind="success">{t.kiosk.saved}</Alert> : null}
      <fieldset class="fieldset">
        <legend>{t.kiosk.wifiLegend}</legend>
        <div class="kiosk-wifi">
          <div class="kiosk-wifi-fields">
            <TextField label={t.kiosk.ssidLabel} name="ssid" value={form.ssid} onValue={(ssid) => update({ ssid })} hint={t.kiosk.ssidHint} error={request.fieldErrors.ssid} verbatim />
            <SelectField label={t.kiosk.securityLabel} name="security" value={form.security} onValue={(security) => update({ security: security as WifiSecurity })} error={request.fieldErrors.security}>
              <option value="WPA">{t.kiosk.securityWpa}</option>
              <option value="WEP">{t.kiosk.securityWep}</option>
              <option value="nopass">{t.kiosk.securityNone}</option>
            </SelectField>
            {form.security !== "nopass" ? (
              <FieldShell id={passwordId} label={t.kiosk.passwordLabel} error={passwordError}>
                <div class="copy-row">
                  <input
                    id={passwordId}
                    name="password"
                    type={showPassword ? "text" : "password"}
                    value={form.password}
                    onInput={(event) => update({ password: event.currentTarget.value })}
                    autoComplete="off"
                    autoCapitalize="none"
                    autoCorrect="off"
                    spellcheck={false}
                    {...described(passwordId, null, passwordError)}
                  />
                  <button type="button" class="button" aria-pressed={showPassword} onClick={() => setShowPassword(!showPassword)}>
                    {showPassword ? t.kiosk.passwordHide : t.kiosk.passwordShow}
                  </button>
                </div>
              </FieldShell>
            ) : null}
            <Checkbox label={t.kiosk.hiddenLabel} name="hidden" checked={form.hidden} onChecked={(hidden) => update({ hidden })} hint={t.kiosk.hiddenHint} />
          </div>
          <figure class="kiosk-wifi-preview">
            <figcaption>{t.kiosk.qrPreviewHeading}</figcaption>
            {qr && wifi ? (
              <>
                <img class="kiosk-qr" src={qr} alt={t.kiosk.qrPreviewAlt(wifi.ssid)} width="180" height="180" data-testid="wifi-qr" />
                <p class="field-hint">{t.kiosk.qrPreviewHint}</p>
              </>
            ) : (
              <p class="field-hint">{t.kiosk.qrPreviewEmpty}</p>
            )}
          </figure>
        </div>
      </fieldset>
      <TextField label={t.kiosk.phoneLabel} name="phone" value={form.phone} onValue={(phone) => update({ phone })} hint={t.kiosk.phoneHint} error={request.fieldErrors.phone} inputMode="text" />
      <fieldset class="fieldset">
        <legend>{t.kiosk.emergencyLegend}</legend>
        <p class="field-hint">{t.kiosk.emergencyHint}</p>
        {form.emergency.map((entry, index) => (
          <div class="kiosk-emergency" key={entry.language}>
            <TextAreaField
              label={t.kiosk.emergencyLabel(languageName(entry.language))}
              name={`emergency-${entry.language}`}
              value={entry.text}
              lang={entry.language}
              maxLength={500}
              onValue={(text) => update({ emergency: form.emergency.map((e, i) => (i === index ? { ...e, text } : e)) })}
              error={request.fieldErrors[`emergency.${entry.language}`]}
            />
            <button type="button" class="button button-small button-danger-quiet" onClick={() => update({ emergency: form.emergency.filter((_, i) => i !== index) })}>
              {t.kiosk.removeLanguage(languageName(entry.language))}
            </button>
          </div>
        ))}
        {unused.length ? (
          <div class="kiosk-inline kiosk-add-language">
            <SelectField label={t.kiosk.addLanguageLabel} name="add-language" value={addChoice} onValue={setAdding}>
              {unused.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              class="button"
              onClick={() => {
                update({ emergency: [...form.emergency, { language: addChoice, text: "" }] });
                setAdding("");
              }}
            >
              {t.kiosk.addLanguage}
            </button>
          </div>
        ) : null}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={request.busy}>
          {request.busy ? t.kiosk.saving : t.kiosk.save}
        </button>
      </div>
    </form>
  );
}
