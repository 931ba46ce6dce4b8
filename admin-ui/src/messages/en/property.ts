// The property page: name, web address, timezone and location.

export const property = {
  title: "Property",
  lead: "How your property is named and where it is.",
  name: "Property name",
  slug: "Web address name",
  slugHint: "3 to 40 lower-case letters, digits and dashes.",
  slugTaken: "Another property already uses this web address name; choose another.",
  receptionLink: "Guests' Online Reception link:",
  timezone: "Timezone",
  timezoneHint: "Local time for guests, bookings and scenarios.",
  timezoneNow: (time: string) => `It is ${time} there now.`,
  useBrowserTimezone: (zone: string) => `Use this device's timezone (${zone})`,
  locationHeading: "Location",
  locationHint: "Used for sunrise, sunset and the weather. Decimal degrees, for example 38.7223 and -9.1393. Leave both empty if you prefer not to say.",
  latitude: "Latitude",
  longitude: "Longitude",
  save: "Save changes",
  saving: "Saving…",
  saved: "Property saved.",
  readOnly: "Only a manager can change the property.",
};
