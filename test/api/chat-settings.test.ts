import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";

let app: TestApp;
let manager: ApiClient;
beforeEach(async () => {
  app = await startTestApp();
  manager = await setUpManager(app);
});
afterEach(() => app.stop());

const week = (ranges: Array<{ from: string; to: string }>) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] });

describe("working hours and chat settings", () => {
  it("store a weekly schedule with exceptions and give it back", async () => {
    const hours = { enabled: true, weekly: week([{ from: "08:00", to: "12:00" }, { from: "14:00", to: "24:00" }]), exceptions: [{ date: "2026-12-25", ranges: [], note: "Christmas" }] };
    expect((await manager.request("PUT", "/api/chat/working-hours", hours)).status).toBe(200);
    expect((await manager.get("/api/chat/working-hours")).body).toEqual(hours);
  });

  it("refuse overlapping ranges, impossible times, twice the same date, and name the field", async () => {
    const before = (await manager.get("/api/chat/working-hours")).body;
    const cases: Array<[unknown, string, RegExp]> = [
      [{ enabled: true, weekly: week([{ from: "08:00", to: "12:00" }, { from: "11:00", to: "13:00" }]), exceptions: [] }, "weekly.mon", /overlap/],
      [{ enabled: true, weekly: week([{ from: "08:00", to: "24:30" }]), exceptions: [] }, "weekly.mon.0.to", /24-hour/],
      [{ enabled: true, weekly: week([{ from: "24:00", to: "24:00" }]), exceptions: [] }, "weekly.mon.0", /end after it starts/],
      [{ enabled: true, weekly: week([]), exceptions: [{ date: "2026-12-25", ranges: [] }, { date: "2026-12-25", ranges: [] }] }, "exceptions", /one exception/],
      [{ enabled: true, weekly: week([]), exceptions: [{ date: "25/12/2026", ranges: [] }] }, "exceptions.0.date", /2026-12-25/],
      [{ enabled: "yes", weekly: week([]), exceptions: [] }, "enabled", /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await manager.request("PUT", "/api/chat/working-hours", body);
      expect(res.status, field).toBe(400);
      const detail = res.body.details.find((d: { field: string }) => d.field === field);
      expect(detail, JSON.stringify(res.body.details)).toBeDefined();
      expect(detail.message).toMatch(message);
    }
    expect((await manager.get("/api/chat/working-hours")).body).toEqual(before);
  });

  it("require an English off-hours notice, as the fallback", async () => {
    const res = await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 10, offHoursNotice: { de: "Geschlossen." } });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toEqual({ field: "offHoursNotice", message: expect.stringMatching(/English/) });
    const zero = await manager.request("PUT", "/api/chat/settings", { unansweredMinutes: 0, offHoursNotice: { en: "Closed." } });
    expect(zero.body.details[0].field).toBe("unansweredMinutes");
  });

  it("let staff read but not change them, and switch their own duty", async () => {
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    expect((await staff.get("/api/chat/working-hours")).status).toBe(200);
    expect((await staff.request("PUT", "/api/chat/working-hours", { enabled: false, weekly: week([]), exceptions: [] })).status).toBe(403);
    expect((await staff.request("PUT", "/api/chat/settings", { unansweredMinutes: 3, offHoursNotice: { en: "x" } })).status).toBe(403);
    expect((await staff.get("/api/chat/duty")).body).toEqual({ onDuty: true, withinHours: true });
    expect((await staff.request("PUT", "/api/chat/duty", { onDuty: false })).body.onDuty).toBe(false);
    expect((await manager.get("/api/chat/duty")).body.onDuty).toBe(true);
    expect((await staff.request("PUT", "/api/chat/duty", { onDuty: "no" })).status).toBe(400);
  });
});
