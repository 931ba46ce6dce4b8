// A stay's days and times are the property's wall clock (YYYY-MM-DD and HH:MM in its
// timezone). They are drawn as written, in the guest's language: formatted as UTC wall
// clock values, so neither the guest's phone nor the machine's timezone can move them.

export function stayDay(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d, 12));
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(at);
}

export function stayTime(time: string, locale: string): string {
  const [h, min] = time.split(":").map(Number) as [number, number];
  const at = new Date(Date.UTC(2000, 0, 1, h, min));
  if (Number.isNaN(at.getTime())) return time;
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(at);
}
