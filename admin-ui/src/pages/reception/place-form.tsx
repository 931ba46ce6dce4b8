import type { CreatePlaceBody, Place, UpdatePlaceBody } from "@innbox/protocol";
import { LATITUDE, LONGITUDE, PLACE_ADDRESS_MAX, PLACE_DESCRIPTION_MAX, PLACE_NAME_MAX } from "@innbox/protocol/rules";
import { useId, useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { FieldShell, TextAreaField, TextField, described, fieldsFor } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { checkBetween, checkName, checkText, problems } from "../../forms/checks";
import { t } from "../../messages";
import { parseCoordinate } from "../coordinates";

interface PlaceFormValues {
  name: string;
  category: string;
  description: string;
  address: string;
  phone: string;
  website: string;
  latitude: string;
  longitude: string;
}

const EMPTY: PlaceFormValues = { name: "", category: "", description: "", address: "", phone: "", website: "", latitude: "", longitude: "" };

const WORDS = {
  name: t.directory.name,
  category: t.directory.category,
  description: t.directory.description,
  address: t.directory.address,
  phone: t.directory.phone,
  website: t.directory.website,
  latitude: t.directory.latitude,
  longitude: t.directory.longitude,
};

function toForm(place: Place): PlaceFormValues {
  return {
    name: place.name,
    category: place.category,
    description: place.description ?? "",
    address: place.address ?? "",
    phone: place.phone ?? "",
    website: place.website ?? "",
    latitude: place.latitude == null ? "" : String(place.latitude),
    longitude: place.longitude == null ? "" : String(place.longitude),
  };
}

interface PlaceFormProps {
  /** The place to change; without one, a new place. */
  place?: Place;
  /** The categories there are, offered while typing one. */
  categories: readonly string[];
  /** A category to start a new place in. */
  category?: string;
  onDone: (place: Place) => void;
  onCancel?: () => void;
}

/** A place's name, category, description, address, phone, website and location. */
export function PlaceForm({ place, categories, category, onDone, onCancel }: PlaceFormProps) {
  const { api } = useSession();
  const id = useId();
  const [form, setForm] = useState<PlaceFormValues>(place ? toForm(place) : { ...EMPTY, category: category ?? "" });
  const { fieldErrors, alert, busy, check, send } = useFormRequest(WORDS);
  const field = fieldsFor(form, fieldErrors, setForm);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const latitude = parseCoordinate(form.latitude);
    const longitude = parseCoordinate(form.longitude);
    const errors = problems({
      name: checkName(form.name, t.directory.name, PLACE_NAME_MAX),
      category: checkName(form.category, t.directory.category, PLACE_NAME_MAX),
      description: checkText(form.description, t.directory.description, { max: PLACE_DESCRIPTION_MAX, required: false }),
      address: checkText(form.address, t.directory.address, { max: PLACE_ADDRESS_MAX, required: false }),
      latitude: checkBetween(latitude, t.directory.latitude, LATITUDE),
      longitude: checkBetween(longitude, t.directory.longitude, LONGITUDE),
    });
    if (!errors.latitude && !errors.longitude) {
      if (latitude === null && longitude !== null) errors.latitude = t.validation.coordinatesTogether(t.directory.latitude);
      if (longitude === null && latitude !== null) errors.longitude = t.validation.coordinatesTogether(t.directory.longitude);
    }
    if (!check(errors) || latitude === "invalid" || longitude === "invalid") return;
    const text = (value: string) => value.trim();
    await send(async () => {
      if (place) {
        const changes: UpdatePlaceBody = {};
        const before = toForm(place);
        if (text(form.name) !== before.name) changes.name = text(form.name);
        if (text(form.category) !== before.category) changes.category = text(form.category);
        for (const key of ["description", "address", "phone", "website"] as const) {
          if (text(form[key]) !== before[key]) changes[key] = text(form[key]) || null;
        }
        if (latitude !== (place.latitude ?? null) || longitude !== (place.longitude ?? null)) {
          changes.latitude = latitude;
          changes.longitude = longitude;
        }
        onDone(Object.keys(changes).length ? await api.updatePlace(place.id, changes) : place);
        return;
      }
      const body: CreatePlaceBody = { name: text(form.name), category: text(form.category) };
      for (const key of ["description", "address", "phone", "website"] as const) if (text(form[key])) body[key] = text(form[key]);
      if (latitude !== null && longitude !== null) Object.assign(body, { latitude, longitude });
      const created = await api.createPlace(body);
      setForm({ ...EMPTY, category: created.category });
      onDone(created);
    });
  };

  const categoryId = `${id}-category`;
  const listId = `${id}-categories`;
  return (
    <form class="form place-form" onSubmit={onSubmit} noValidate>
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      <div class="field-row">
        <TextField label={t.directory.name} {...field("name")} required />
        <FieldShell id={categoryId} label={t.directory.category} hint={t.directory.categoryHint} error={fieldErrors.category}>
          <input
            id={categoryId}
            name="category"
            type="text"
            list={listId}
            value={form.category}
            required
            onInput={(event) => setForm({ ...form, category: event.currentTarget.value })}
            {...described(categoryId, t.directory.categoryHint, fieldErrors.category)}
          />
          <datalist id={listId}>
            {categories.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </FieldShell>
      </div>
      <TextAreaField label={t.directory.description} {...field("description")} maxLength={PLACE_DESCRIPTION_MAX} rows={2} />
      <TextField label={t.directory.address} {...field("address")} autoComplete="off" />
      <div class="field-row">
        <TextField label={t.directory.phone} {...field("phone")} hint={t.directory.phoneHint} inputMode="text" verbatim />
        <TextField label={t.directory.website} {...field("website")} hint={t.directory.websiteHint} verbatim />
      </div>
      <div class="field-row">
        <TextField label={t.directory.latitude} {...field("latitude")} inputMode="decimal" verbatim />
        <TextField label={t.directory.longitude} {...field("longitude")} inputMode="decimal" verbatim />
      </div>
      <p class="field-hint">{t.directory.locationHint}</p>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {place ? (busy ? t.directory.savingPlace : t.directory.save) : busy ? t.directory.adding : t.directory.add}
        </button>
        {onCancel ? (
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {t.directory.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
