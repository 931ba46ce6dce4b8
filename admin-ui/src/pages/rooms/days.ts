// Calendar days as the appliance writes them (YYYY-MM-DD, in the property's timezone):
// counted by the calendar, never by 24-hour steps, so days around DST stay whole.

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `count` days from `first` on. */
export function dayRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The stays, each with a lane so that stays sharing a night sit one above the other. */
export function laneStays<T extends { checkIn: string; checkOut: string }>(stays: readonly T[]): { lanes: number; placed: Array<{ stay: T; lane: number }> } {
  const ends: string[] = [];
  const placed = [...stays]
    .sort((a, b) => a.checkIn.localeCompare(b.checkIn) || a.checkOut.localeCompare(b.checkOut))
    .map((stay) => {
      let lane = ends.findIndex((end) => end <= stay.checkIn);
      if (lane === -1) lane = ends.length;
      ends[lane] = stay.checkOut;
      return { stay, lane };
    });
  return { lanes: Math.max(1, ends.length), placed };
}
