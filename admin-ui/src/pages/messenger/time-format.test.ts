import { describe, expect, it } from "vitest";
import { en } from "../../messages/en";
import { minutesSince, relativeTime } from "./time-format";

describe("times in the messenger", () => {
  const now = new Date(2026, 10, 25, 15, 30).getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

  it("says how long ago in a few characters", () => {
    expect(relativeTime(ago(0.5), now)).toBe(en.messenger.justNow);
    expect(relativeTime(ago(5), now)).toBe(en.messenger.minutesAgo(5));
    expect(relativeTime(ago(150), now)).toBe(en.messenger.hoursAgo(2));
    expect(relativeTime(new Date(2026, 10, 24, 23, 0).toISOString(), now)).toBe(en.messenger.yesterday);
    expect(relativeTime(new Date(2026, 10, 2, 12, 0).toISOString(), now, "en-GB")).toBe("2 Nov");
    expect(relativeTime(new Date(2025, 10, 2, 12, 0).toISOString(), now, "en-GB")).toBe("2 Nov 2025");
  });

  it("counts waiting minutes, never below zero when clocks disagree", () => {
    expect(minutesSince(ago(12.9), now)).toBe(12);
    expect(minutesSince(ago(-3), now)).toBe(0);
    expect(en.messenger.waiting(0)).toBe("waiting less than a minute");
    expect(en.messenger.waiting(75)).toBe("waiting 1 h 15 min");
  });
});
