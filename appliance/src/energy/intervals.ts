// The arithmetic of on-time: a device's changes become the spans it was on, and those are
// cut at the property's local midnights and at its guests' check-in and check-out times.
// Pure functions of instants (milliseconds); the timezone enters only through the bounds.

import { instantsOf } from "../time/index.js";

/** A span of time, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** What a device counted as from `at` on; `on` null when not known. */
export interface PowerChange {
  at: number;
  on: boolean | null;
  online: boolean;
}

const HOUR_MS = 3_600_000;

/** On, off, or unknown (a sensor, or a state without a switch): a gang switch is on when any gang is. */
export function isOn(state: { on?: boolean; gangs?: ReadonlyArray<{ on: boolean }> }): boolean | null {
  if (state.gangs?.length) return state.gangs.some((g) => g.on);
  return state.on ?? null;
}

/**
 * The spans a device was on and answering, from its changes in time order, the last one
 * lasting until `until` (now, or the end of the report). Time offline or unknown is not on.
 */
export function onSpans(changes: readonly PowerChange[], until: number): Span[] {
  const spans: Span[] = [];
  let openedAt: number | undefined;
  for (const change of changes) {
    if (change.at >= until) break;
    const counting = change.online && change.on === true;
    if (counting && openedAt === undefined) openedAt = change.at;
    else if (!counting && openedAt !== undefined) {
      if (change.at > openedAt) spans.push({ start: openedAt, end: change.at });
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined && until > openedAt) spans.push({ start: openedAt, end: until });
  return spans;
}

/** How much of `spans` lies within [from, to). */
export function overlapMs(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));
  return total;
}

/** The parts of `a` that also lie in `b` (each list sorted and without overlaps of its own). */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const span of a) {
    while (j < b.length && b[j]!.end <= span.start) j++;
    for (let k = j; k < b.length && b[k]!.start < span.end; k++) {
      const start = Math.max(span.start, b[k]!.start);
      const end = Math.min(span.end, b[k]!.end);
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

/** The parts of `a` outside every span of `b`. */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of a) {
    let start = span.start;
    for (const cut of b) {
      if (cut.end <= start || cut.start >= span.end) continue;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= span.end) break;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** Merges overlapping or touching spans into a sorted list. */
export function merge(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** The local midnights that bound `days` (one more than days): 23- or 25-hour days where the clocks change. */
export function dayBounds(days: readonly string[], nextDay: string, timeZone: string): number[] {
  return [...days, nextDay].map((day) => instantsOf(day, "00:00", timeZone)[0]!);
}

/** Milliseconds of `spans` in each day between consecutive `bounds`. */
export function perDay(spans: readonly Span[], bounds: readonly number[]): number[] {
  return bounds.slice(0, -1).map((from, i) => overlapMs(spans, from, bounds[i + 1]!));
}

/** When guests are in a room: from the check-in time of each stay's first day to the check-out time of its last. */
export function occupiedSpans(stays: ReadonlyArray<{ checkIn: string; checkOut: string }>, times: { timeZone: string; checkInTime: string; checkOutTime: string }): Span[] {
  return merge(
    stays.map((s) => ({ start: instantsOf(s.checkIn, times.checkInTime, times.timeZone)[0]!, end: instantsOf(s.checkOut, times.checkOutTime, times.timeZone)[0]! })).filter((s) => s.end > s.start),
  );
}

/** Milliseconds as hours, to 2 decimals. */
export function hours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 100) / 100;
}

/** Sums hour figures already rounded, without float noise. */
export function sumHours(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;
}
