import type { Action, Condition, Trigger } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { actionWords, conditionWords, runTriggerWords, scenarioSentence, span, triggerWords, weekdaysWords } from "./sentence";

const names = {
  rooms: [
    { id: "r1", name: "Room 12" },
    { id: "r2", name: "Garden suite" },
  ],
  devices: [
    { id: "d1", name: "Garden lights" },
    { id: "d2", name: "Boiler" },
  ],
  scenarios: [{ id: "s1", name: "Night mode" }],
};
const trigger = (value: Trigger) => triggerWords(value, names);
const condition = (value: Condition) => conditionWords(value, names);
const action = (value: Action) => actionWords(value, names);

describe("a scenario read as a sentence", () => {
  it("reads the outdoor lights template as the manager would say it", () => {
    expect(
      scenarioSentence(
        {
          triggers: [{ type: "sun", event: "sunset", offsetMinutes: -10 }],
          conditions: [{ type: "stay", state: "occupied" }],
          actions: [{ type: "device", deviceId: "d1", set: { on: true } }],
        },
        names,
      ),
    ).toBe("10 minutes before sunset, if any room is occupied: switch on Garden lights");
  });

  it("reads a time trigger with no conditions and every light off", () => {
    expect(scenarioSentence({ triggers: [{ type: "time", at: "01:00" }], conditions: [], actions: [{ type: "device", kind: "light", set: { on: false } }] }, names)).toBe(
      "At 01:00: switch off every light",
    );
  });

  it("reads hot water before arrival with the room that triggered", () => {
    expect(
      scenarioSentence(
        {
          triggers: [{ type: "booking", event: "checkIn", offsetMinutes: -180 }],
          conditions: [{ type: "weather", field: "cloudCover", above: 60 }],
          actions: [{ type: "device", roomId: "trigger", kind: "heater", set: { on: true } }],
        },
        names,
      ),
    ).toBe("3 hours before check-in in any room, if cloud cover is above 60 % now: switch on the heaters in that room");
  });

  it("joins several triggers with or, several conditions with and, several actions with then", () => {
    expect(
      scenarioSentence(
        {
          triggers: [{ type: "time", at: "07:00", weekdays: [1, 2, 3, 4, 5] }, { type: "manual" }],
          conditions: [
            { type: "device", deviceId: "d2", state: { on: false } },
            { or: [{ type: "stay", roomId: "r1", state: "occupied" }, { type: "stay", roomId: "r2", state: "awaiting-checkin" }] },
          ],
          actions: [
            { type: "device", deviceId: "d2", set: { on: true } },
            { type: "wait", minutes: 90 },
            { type: "device", deviceId: "d2", set: { on: false } },
          ],
        },
        names,
      ),
    ).toBe(
      "At 07:00 on weekdays or when run by hand, if Boiler is off and (Room 12 is occupied or Garden suite is awaiting check-in): switch on Boiler, then wait 1 hour 30 minutes, then switch off Boiler",
    );
  });

  it("asks for the missing parts while the scenario is being written", () => {
    expect(scenarioSentence({ triggers: [], conditions: [], actions: [] }, names)).toBe("Choose when it runs and what it does.");
    expect(scenarioSentence({ triggers: [{ type: "manual" }], conditions: [], actions: [] }, names)).toBe("When run by hand: (no action yet)");
  });
});

describe("offsets and spans", () => {
  it("says minutes, hours, and both", () => {
    expect(span(1)).toBe("1 minute");
    expect(span(-10)).toBe("10 minutes");
    expect(span(60)).toBe("1 hour");
    expect(span(180)).toBe("3 hours");
    expect(span(720)).toBe("12 hours");
    expect(span(75)).toBe("1 hour 15 minutes");
  });

  it("reads sun triggers at, before and after the event", () => {
    expect(trigger({ type: "sun", event: "sunset", offsetMinutes: 0 })).toBe("at sunset");
    expect(trigger({ type: "sun", event: "sunrise", offsetMinutes: 10 })).toBe("10 minutes after sunrise");
    expect(trigger({ type: "sun", event: "dawn", offsetMinutes: -30 })).toBe("30 minutes before dawn");
    expect(trigger({ type: "sun", event: "dusk", offsetMinutes: 120 })).toBe("2 hours after dusk");
  });

  it("reads booking triggers with their room", () => {
    expect(trigger({ type: "booking", event: "checkIn", offsetMinutes: -180 })).toBe("3 hours before check-in in any room");
    expect(trigger({ type: "booking", event: "checkOut", roomId: "r1", offsetMinutes: 0 })).toBe("at check-out in Room 12");
    expect(trigger({ type: "booking", event: "checkOut", roomId: "r2", offsetMinutes: 30 })).toBe("30 minutes after check-out in Garden suite");
    expect(trigger({ type: "booking", event: "created", offsetMinutes: 0 })).toBe("when a booking is made in any room");
    expect(trigger({ type: "booking", event: "cancelled", roomId: "r1", offsetMinutes: 15 })).toBe("15 minutes after a booking is cancelled in Room 12");
    expect(trigger({ type: "booking", event: "checkIn", roomId: "gone", offsetMinutes: 0 })).toBe("at check-in in a removed room");
  });
});

describe("weekdays", () => {
  it("says every day by saying nothing", () => {
    expect(weekdaysWords(undefined)).toBe("");
    expect(weekdaysWords([1, 2, 3, 4, 5, 6, 7])).toBe("");
  });

  it("names weekdays, the weekend and other days in order", () => {
    expect(weekdaysWords([5, 4, 3, 2, 1])).toBe("on weekdays");
    expect(weekdaysWords([7, 6])).toBe("on Saturday and Sunday");
    expect(weekdaysWords([1, 3, 5])).toBe("on Monday, Wednesday and Friday");
    expect(weekdaysWords([2])).toBe("on Tuesday");
    expect(trigger({ type: "time", at: "09:30", weekdays: [6, 7] })).toBe("at 09:30 on Saturday and Sunday");
  });
});

describe("the other triggers", () => {
  it("reads device triggers, at once and held for a while", () => {
    expect(trigger({ type: "device", deviceId: "d1", to: { on: true } })).toBe("when Garden lights turns on");
    expect(trigger({ type: "device", deviceId: "d2", to: { on: false }, forMinutes: 10 })).toBe("when Boiler has been off for 10 minutes");
    expect(trigger({ type: "device", deviceId: "nope", to: { on: true } })).toBe("when a removed device turns on");
  });

  it("reads weather triggers with units and the forecast", () => {
    expect(trigger({ type: "weather", field: "cloudCover", above: 60 })).toBe("when cloud cover rises above 60 %");
    expect(trigger({ type: "weather", field: "temperature", below: 5 })).toBe("when the temperature falls below 5 °C");
    expect(trigger({ type: "weather", field: "windSpeed", above: 40, forecastHours: 3 })).toBe("when the wind speed rises above 40 km/h in the forecast 3 hours ahead");
    expect(trigger({ type: "weather", field: "condition", group: "rain" })).toBe("when the weather turns to rain");
  });

  it("reads a manual trigger", () => {
    expect(trigger({ type: "manual" })).toBe("when run by hand");
  });
});

describe("conditions", () => {
  it("reads stay conditions for any, every, one and the triggering room", () => {
    expect(condition({ type: "stay", state: "occupied" })).toBe("any room is occupied");
    expect(condition({ type: "stay", scope: "all", state: "vacant" })).toBe("every room is vacant");
    expect(condition({ type: "stay", roomId: "r1", state: "checked-out" })).toBe("Room 12 is checked out");
    expect(condition({ type: "stay", roomId: "trigger", state: "awaiting-checkin" })).toBe("the room is awaiting check-in");
  });

  it("reads time windows, including ones crossing midnight", () => {
    expect(condition({ type: "time", after: "08:00", before: "18:00" })).toBe("it is between 08:00 and 18:00");
    expect(condition({ type: "time", after: "22:00", before: "06:00" })).toBe("it is between 22:00 and 06:00 the next morning");
    expect(condition({ type: "time", after: "22:00" })).toBe("it is after 22:00");
    expect(condition({ type: "time", before: "06:30" })).toBe("it is before 06:30");
  });

  it("reads sun conditions with and without an offset", () => {
    expect(condition({ type: "sun", after: "sunset" })).toBe("it is after sunset");
    expect(condition({ type: "sun", before: "sunrise", offsetMinutes: 30 })).toBe("it is before 30 minutes after sunrise");
    expect(condition({ type: "sun", after: "sunset", offsetMinutes: -60 })).toBe("it is after 1 hour before sunset");
  });

  it("reads weather conditions now, ahead and between two values", () => {
    expect(condition({ type: "weather", field: "cloudCover", above: 60 })).toBe("cloud cover is above 60 % now");
    expect(condition({ type: "weather", field: "temperature", below: 18, forecastHours: 6 })).toBe("the temperature is below 18 °C in the forecast 6 hours ahead");
    expect(condition({ type: "weather", field: "precipitation", above: 1, below: 5 })).toBe("precipitation is between 1 mm and 5 mm now");
  });

  it("reads device conditions", () => {
    expect(condition({ type: "device", deviceId: "d1", state: { on: true } })).toBe("Garden lights is on");
  });

  it("reads and, or and not, with brackets only where they are needed", () => {
    expect(condition({ and: [{ type: "stay", state: "occupied" }, { type: "sun", after: "sunset" }] })).toBe("any room is occupied and it is after sunset");
    expect(condition({ or: [{ type: "stay", state: "occupied" }, { type: "device", deviceId: "d1", state: { on: true } }] })).toBe("any room is occupied or Garden lights is on");
    expect(condition({ not: { type: "device", deviceId: "d2", state: { on: true } } })).toBe("not (Boiler is on)");
    expect(
      condition({ or: [{ and: [{ type: "time", after: "22:00", before: "06:00" }, { type: "stay", state: "occupied" }] }, { not: { or: [{ type: "sun", after: "sunrise" }, { type: "sun", before: "sunset" }] } }] }),
    ).toBe("(it is between 22:00 and 06:00 the next morning and any room is occupied) or not (it is after sunrise or it is before sunset)");
    expect(condition({ and: [{ type: "stay", state: "occupied" }] })).toBe("any room is occupied");
  });
});

describe("actions", () => {
  it("reads device actions by id, kind, room and stay", () => {
    expect(action({ type: "device", deviceId: "d1", set: { on: true } })).toBe("switch on Garden lights");
    expect(action({ type: "device", deviceId: "d1", set: { brightness: 40 } })).toBe("set Garden lights to 40 % brightness");
    expect(action({ type: "device", deviceId: "d1", set: { on: true, brightness: 70 } })).toBe("switch on Garden lights at 70 % brightness");
    expect(action({ type: "device", kind: "light", set: { on: false } })).toBe("switch off every light");
    expect(action({ type: "device", kind: "heater", roomState: "vacant", set: { on: false } })).toBe("switch off every heater in rooms that are vacant");
    expect(action({ type: "device", roomId: "r1", set: { on: false } })).toBe("switch off every device in Room 12");
    expect(action({ type: "device", roomId: "r2", kind: "switch", set: { on: true } })).toBe("switch on the switches in Garden suite");
    expect(action({ type: "device", roomId: "trigger", kind: "heater", set: { on: false } })).toBe("switch off the heaters in that room");
    expect(action({ type: "device", roomId: "trigger", set: { on: false } })).toBe("switch off every device in that room");
    expect(action({ type: "device", deviceId: "gone", set: { on: true } })).toBe("switch on a removed device");
    expect(action({ type: "device", deviceId: "", set: { on: true } })).toBe("switch on …");
  });

  it("reads waits, messages to the staff and other scenarios", () => {
    expect(action({ type: "wait", minutes: 5 })).toBe("wait 5 minutes");
    expect(action({ type: "wait", minutes: 120 })).toBe("wait 2 hours");
    expect(action({ type: "notify", text: "Check the pool" })).toBe("tell the staff “Check the pool”");
    expect(action({ type: "scenario", scenarioId: "s1" })).toBe("run “Night mode”");
    expect(action({ type: "scenario", scenarioId: "gone" })).toBe("run “a removed scenario”");
  });
});

describe("where a run came from", () => {
  const when = (at: string) => at.slice(11, 16);
  it("explains a run restored after downtime with the missed time", () => {
    expect(runTriggerWords({ type: "restore", missedAt: "2026-11-29T18:05:00.000Z", trigger: { type: "sun", event: "sunset", offsetMinutes: -10 } }, names, when)).toBe(
      "Restored after downtime; missed run at 18:05. 10 minutes before sunset.",
    );
  });

  it("names the scenario that ran it, a run by hand, or the trigger", () => {
    expect(runTriggerWords({ type: "scenario", scenarioId: "s1", runId: "r1" }, names, when)).toBe("Run by “Night mode”");
    expect(runTriggerWords({ type: "manual" }, names, when)).toBe("Run by hand");
    expect(runTriggerWords({ type: "time", at: "01:00" }, names, when)).toBe("At 01:00");
  });
});
