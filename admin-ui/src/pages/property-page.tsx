import { ARRIVAL_INSTRUCTIONS_MAX } from "@innbox/protocol/rules";
import { useState } from "preact/hooks";
import { useSession } from "../app-context";
import { Alert } from "../components/alert";
import { TextAreaField, TextField, fieldsFor } from "../components/field";
import { Page } from "../components/page";
import { TimezoneField } from "../components/timezone-field";
import { useFormRequest } from "../components/use-form-request";
import { LoadState, useLoad } from "../components/use-load";
import { browserTimeZone } from "../format/time-format";
import { t } from "../messages";
import { ReceptionLinksPanel } from "./reception-links-panel";
import { StickersEntry } from "./stickers/stickers-entry";
import { PROPERTY_FIELDS, checkPropertyForm, toPropertyForm, type PropertyForm } from "./property-validation";
import { timeIn } from "./timezones";

function timezoneHint(zone: string): string {
  const time = timeIn(zone);
  return [t.property.timezoneHint, time ? t.property.timezoneNow(time) : "", t.timezone.searchHint].filter(Boolean).join(" ");
}

export function PropertyPage() {
  const { api, setProperty } = useSession();
  const [saved, setSaved, loadError] = useLoad((api) => api.getProperty());
  // The form as edited since the last load or save; null while it shows the saved property.
  const [edited, setEdited] = useState<PropertyForm | null>(null);
  const [success, setSuccess] = useState(false);
  const { fieldErrors, alert, busy, check, send } = useFormRequest(PROPERTY_FIELDS, {
    conflict: { key: "slug", message: t.property.slugTaken },
  });
  const deviceZone = browserTimeZone();

  const form = edited ?? (saved ? toPropertyForm(saved) : null);
  if (!form || !saved) {
    return (
      <Page title={t.property.title}>
        <LoadState error={loadError} />
      </Page>
    );
  }

  const change = (next: PropertyForm) => {
    setEdited(next);
    setSuccess(false);
  };
  const field = fieldsFor(form, fieldErrors, change);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSuccess(false);
    const { errors, changes } = checkPropertyForm(form, saved);
    if (!check(errors)) return;
    await send(async () => {
      const updated = await api.updateProperty(changes);
      setSaved(updated);
      setEdited(null);
      setProperty(updated);
      setSuccess(true);
    });
  };

  const receptionUrl = saved.receptionUrl ?? `${window.location.origin}/r/${saved.slug}`;

  return (
    <Page title={t.property.title} lead={t.property.lead}>
      <form class="card form" onSubmit={onSubmit} noValidate>
        {alert ? <Alert kind="error">{alert}</Alert> : null}
        <TextField label={t.property.name} {...field("name")} autoComplete="organization" required />
        <TextField
          label={t.property.slug}
          {...field("slug")}
          onValue={(slug) => change({ ...form, slug: slug.toLowerCase() })}
          hint={
            <>
              {t.property.slugHint} {t.property.receptionLink}{" "}
              <a href={receptionUrl} target="_blank" rel="noopener">
                {receptionUrl}
              </a>
            </>
          }
          required
          verbatim
        />
        <TimezoneField label={t.property.timezone} {...field("timezone")} hint={timezoneHint(form.timezone)} />
        {deviceZone && deviceZone !== form.timezone ? (
          <p class="field-aside">
            <button type="button" class="button button-link" onClick={() => change({ ...form, timezone: deviceZone })}>
              {t.property.useBrowserTimezone(deviceZone)}
            </button>
          </p>
        ) : null}

        <fieldset class="fieldset">
          <legend>{t.property.locationHeading}</legend>
          <TextField label={t.property.city} {...field("city")} hint={t.property.cityHint} autoComplete="address-level2" />
          <p class="field-hint">{t.property.locationHint}</p>
          <div class="field-row">
            <TextField label={t.property.latitude} {...field("latitude")} inputMode="decimal" verbatim />
            <TextField label={t.property.longitude} {...field("longitude")} inputMode="decimal" verbatim />
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend>{t.property.arrivalHeading}</legend>
          <p class="field-hint">{t.property.stayTimesHint}</p>
          <div class="field-row">
            <TextField label={t.property.checkInTime} {...field("checkInTime")} type="time" verbatim />
            <TextField label={t.property.checkOutTime} {...field("checkOutTime")} type="time" verbatim />
          </div>
          <TextAreaField label={t.property.arrivalInstructions} {...field("arrivalInstructions")} hint={t.property.arrivalHint} maxLength={ARRIVAL_INSTRUCTIONS_MAX} rows={5} />
        </fieldset>

        {success ? <Alert kind="success">{t.property.saved}</Alert> : null}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t.property.saving : t.property.save}
          </button>
        </div>
      </form>
      <ReceptionLinksPanel slug={saved.slug} />
      <StickersEntry />
    </Page>
  );
}
