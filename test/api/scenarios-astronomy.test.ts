// The preview's sun and clock runs against an independent astronomy library
// (astronomy-engine, which shares no code or method with suncalc): sunsets across a month
// in Lisbon with its autumn clock change, sunrises across both New York changes, dusk
// around Lisbon's spring change, and Tromsø's last sunsets before the midnight sun, when
// there is no run at all. The preview is the scheduler's own answer (the same code that
// runs the scenarios).
import * as Astronomy from "astronomy-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpManager, startTestApp, type ApiClient, type TestApp } from "../helpers/app.js";
import { createTestClock } from "../helpers/test-clock.js";

const MINUTE = 60_000;
/** suncalc and astronomy-engine model the sun differently; a minute apart is the same sunset to a manager. */
const TOLERANCE = 1.5 * MINUTE;

let app: TestApp;
let manager: ApiClient;
beforeAll(async () => {
  app = await startTestApp({ clock: createTestClock(Date.parse("2026-09-01T10:00:00Z")) });
  manager = await setUpManager(app);
});
afterAll(async () => {
  await app.stop();
});

interface Place {
  timezone: string;
  latitude: number;
  longitude: number;
}

async function previewAt(place: Place, trigger: object, from: string, days: number): Promise<number[]> {
  const moved = await manager.patch("/api/property", place);
  expect(moved.status).toBe(200);
  const answer = await manager.post("/api/scenarios/preview", {
    scenario: { name: "Check", triggers: [trigger], actions: [{ type: "notify", text: "Check" }] },
    from,
    days,
  });
  expect(answer.status).toBe(200);
  const at = (answer.body.runs as Array<{ at: string }>).map((r) => Date.parse(r.at));
  expect(at).toEqual([...at].sort((a, b) => a - b));
  return at;
}

/** The first instant of a local date in a timezone (00:00 exists on every day in these places). */
function localMidnight(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const at = guess - offset * MINUTE;
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(at));
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    if (`${get("year")}-${get("month")}-${get("day")}` === date && get("hour") === "00" && get("minute") === "00") return at;
  }
  throw new Error(`no midnight found for ${date} in ${timeZone}`);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every sun event astronomy-engine finds in [from 00:00, from+days 00:00) local, shifted by the offset. */
function expected(place: Place, kind: "sunrise" | "sunset" | "dawn" | "dusk", offsetMinutes: number, from: string, days: number): number[] {
  const observer = new Astronomy.Observer(place.latitude, place.longitude, 0);
  const start = localMidnight(from, place.timezone);
  const end = localMidnight(addDays(from, days), place.timezone);
  const direction = kind === "sunrise" || kind === "dawn" ? +1 : -1;
  const events: number[] = [];
  // Search from a day before (a negative offset can pull the next day's event into range).
  let cursor = start - offsetMinutes * MINUTE - 2 * 86_400_000;
  while (cursor < end + 2 * 86_400_000) {
    const found =
      kind === "sunrise" || kind === "sunset"
        ? Astronomy.SearchRiseSet(Astronomy.Body.Sun, observer, direction, new Date(cursor), 2)
        : Astronomy.SearchAltitude(Astronomy.Body.Sun, observer, direction, new Date(cursor), 2, -6);
    if (!found) {
      cursor += 86_400_000;
      continue;
    }
    const at = found.date.getTime() + offsetMinutes * MINUTE;
    if (at >= start && at < end) events.push(at);
    cursor = found.date.getTime() + MINUTE;
  }
  return events;
}

function expectSameRuns(actual: number[], wanted: number[]) {
  expect(actual.length, `runs: ${actual.map((a) => new Date(a).toISOString()).join(", ")}`).toBe(wanted.length);
  actual.forEach((at, i) => {
    expect(Math.abs(at - wanted[i]!), `${new Date(at).toISOString()} vs ${new Date(wanted[i]!).toISOString()}`).toBeLessThanOrEqual(TOLERANCE);
  });
}

const LISBON: Place = { timezone: "Europe/Lisbon", latitude: 38.7223, longitude: -9.1393 };
const NEW_YORK: Place = { timezone: "America/New_York", latitude: 40.7128, longitude: -74.006 };
const TROMSO: Place = { timezone: "Europe/Oslo", latitude: 69.6492, longitude: 18.9553 };

describe("the preview's sun runs against an independent astronomy library", () => {
  it("10 minutes before sunset in Lisbon, every day for a month across the October clock change", async () => {
    const runs = await previewAt(LISBON, { type: "sun", event: "sunset", offsetMinutes: -10 }, "2026-10-10", 31);
    expect(runs).toHaveLength(31);
    expectSameRuns(runs, expected(LISBON, "sunset", -10, "2026-10-10", 31));
    // The wall clock jumps back an hour on 25 October: the sunset moves from about 18:40 to 17:40 local, not the instant.
    const local = (at: number) => new Intl.DateTimeFormat("en-GB", { timeZone: LISBON.timezone, hour: "2-digit", minute: "2-digit" }).format(at);
    expect(local(runs[14]!) > "18:00").toBe(true); // 24 October
    expect(local(runs[15]!) < "18:00").toBe(true); // 25 October
  });

  it("sunrise in New York across the spring and autumn changes, and dusk across Lisbon's spring change", async () => {
    expectSameRuns(await previewAt(NEW_YORK, { type: "sun", event: "sunrise", offsetMinutes: 0 }, "2027-03-10", 7), expected(NEW_YORK, "sunrise", 0, "2027-03-10", 7));
    expectSameRuns(await previewAt(NEW_YORK, { type: "sun", event: "sunrise", offsetMinutes: 30 }, "2026-10-29", 7), expected(NEW_YORK, "sunrise", 30, "2026-10-29", 7));
    expectSameRuns(await previewAt(LISBON, { type: "sun", event: "dusk", offsetMinutes: -45 }, "2027-03-25", 7), expected(LISBON, "dusk", -45, "2027-03-25", 7));
    expectSameRuns(await previewAt(LISBON, { type: "sun", event: "dawn", offsetMinutes: 0 }, "2027-03-25", 7), expected(LISBON, "dawn", 0, "2027-03-25", 7));
  });

  it("Tromsø: the last sunsets in May match, then the midnight sun has no sunset and no run", async () => {
    const may = await previewAt(TROMSO, { type: "sun", event: "sunset", offsetMinutes: 0 }, "2027-05-10", 14);
    const wanted = expected(TROMSO, "sunset", 0, "2027-05-10", 14);
    expect(wanted.length).toBeGreaterThan(3);
    expect(wanted.length).toBeLessThan(14);
    expectSameRuns(may, wanted);
    expect(await previewAt(TROMSO, { type: "sun", event: "sunset", offsetMinutes: 0 }, "2027-06-01", 31)).toEqual([]);
    expect(await previewAt(TROMSO, { type: "sun", event: "dusk", offsetMinutes: 0 }, "2027-06-01", 31)).toEqual([]);
    // And in the polar night there is no sunrise either.
    expect(await previewAt(TROMSO, { type: "sun", event: "sunrise", offsetMinutes: 0 }, "2026-12-05", 14)).toEqual([]);
  });

  it("a time in New York's skipped hour runs once right after the gap; a repeated time runs once", async () => {
    const spring = await previewAt(NEW_YORK, { type: "time", at: "02:30" }, "2027-03-13", 3);
    expect(spring.map((at) => new Date(at).toISOString())).toEqual(["2027-03-13T07:30:00.000Z", "2027-03-14T07:00:00.000Z", "2027-03-15T06:30:00.000Z"]);
    const autumn = await previewAt(NEW_YORK, { type: "time", at: "01:30" }, "2026-10-31", 3);
    expect(autumn.map((at) => new Date(at).toISOString())).toEqual(["2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    const lisbon = await previewAt(LISBON, { type: "time", at: "01:30" }, "2027-03-27", 3);
    expect(lisbon.map((at) => new Date(at).toISOString())).toEqual(["2027-03-27T01:30:00.000Z", "2027-03-28T01:00:00.000Z", "2027-03-29T00:30:00.000Z"]);
  });
});
