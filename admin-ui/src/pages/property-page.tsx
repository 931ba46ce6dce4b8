import type { Property, UpdatePropertyBody } from "@innbox/protocol";
import { useMemo, useState } from "preact/hooks";
import { useSession } from "../app-context";
import { Alert } from "../components/alert";
import { SelectField, TextField, fieldsFor } from "../components/field";
import { Page } from "../components/page";
import { useFormRequest } from "../components/use-form-request";
import { LoadState, useLoad } from "../components/use-load";
import { t } from "../messages";
import { parseCoordinate } from "./coordinates";
import { browserTimezone, timeIn, timezoneGroups, zoneLabel } from "./timezones";

interface Form {
  name: string;
  slug: string;
  timezone: string;
  latitude: string;
  longitude: string;
}

function toForm(property: Property): Form {
  return {
    name: property.name,
    slug: property.slug,
    timezone: property.timezone,
    latitude: property.latitude == null ? "" : String(property.latitude),
    longitude: property.longitude == null ? "" : String(property.longitude),
  };
}

function timezoneHint(zone: string): string {
  const time = timeIn(zone);
  return time ? `${t.property.timezoneHint} ${t.property.timezoneNow(time)}` : t.property.timezoneHint;
}

export function PropertyPage() {
  const { api, setProperty } = useSession();
  const [saved, setSaved, loadError] = useLoad((api) => api.getProperty());
  // The form as edited since the last load or save; null while it shows the saved property.
  const [edited, setEdited] = useState<Form | null>(null);
  const [success, setSuccess] = useState(false);
  const { fieldErrors, error, busy, check, send } = useFormRequest();

  const groups = useMemo(() => timezoneGroups(saved?.timezone ?? "", t.property.otherTimezones), [saved?.timezone]);
  const deviceZone = browserTimezone();

  const form = edited ?? (saved ? toForm(saved) : null);
  if (!form || !saved) {
    return (
      <Page title={t.property.title}>
        <LoadState error={loadError} />
      </Page>
    );
  }

  const change = (next: Form) => {
    setEdited(next);
    setSuccess(false);
  };
  const field = fieldsFor(form, fieldErrors, change);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSuccess(false);

    const errors: Record<string, string> = {};
    if (!form.name.trim()) errors.name = t.validation.required(t.property.name);
    if (!form.slug.trim()) errors.slug = t.validation.required(t.property.slug);
    const latitude = parseCoordinate(form.latitude);
    const longitude = parseCoordinate(form.longitude);
    if (latitude === "invalid") errors.latitude = t.validation.notANumber(t.property.latitude);
    if (longitude === "invalid") errors.longitude = t.validation.notANumber(t.property.longitude);
    if (!check(errors) || latitude === "invalid" || longitude === "invalid") return;

    // Send only what changed, so an untouched slug is never re-checked against itself.
    const changes: UpdatePropertyBody = {};
    if (form.name.trim() !== saved.name) changes.name = form.name.trim();
    if (form.slug.trim() !== saved.slug) changes.slug = form.slug.trim();
    if (form.timezone !== saved.timezone) changes.timezone = form.timezone;
    if (latitude !== (saved.latitude ?? null)) changes.latitude = latitude;
    if (longitude !== (saved.longitude ?? null)) changes.longitude = longitude;

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
        {error ? <Alert kind="error">{error.message}</Alert> : null}
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
        <SelectField label={t.property.timezone} {...field("timezone")} hint={timezoneHint(form.timezone)}>
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneLabel(zone)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {deviceZone && deviceZone !== form.timezone ? (
          <p class="field-aside">
            <button type="button" class="button button-link" onClick={() => change({ ...form, timezone: deviceZone })}>
              {t.property.useBrowserTimezone(deviceZone)}
            </button>
          </p>
        ) : null}

        <fieldset class="fieldset">
          <legend>{t.property.locationHeading}</legend>
          <p class="field-hint">{t.property.locationHint}</p>
          <div class="field-row">
            <TextField label={t.property.latitude} {...field("latitude")} inputMode="decimal" verbatim />
            <TextField label={t.property.longitude} {...field("longitude")} inputMode="decimal" verbatim />
          </div>
        </fieldset>

        {success ? <Alert kind="success">{t.property.saved}</Alert> : null}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t.property.saving : t.property.save}
          </button>
        </div>
      </form>
    </Page>
  );
}
