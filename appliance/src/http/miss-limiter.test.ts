import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { MissLimiter } from "./miss-limiter.js";

describe("MissLimiter", () => {
  const setUp = () => {
    let now = 1_000_000;
    const limit = new MissLimiter(3, 60_000, () => now, (s) => `wait ${s} s`);
    return { limit, advance: (ms: number) => (now += ms) };
  };
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return err as AppError;
    }
    return undefined;
  };

  it("lets attempts through until the misses are used up, then refuses with Retry-After until the oldest miss ages out", () => {
    const { limit, advance } = setUp();
    limit.miss("a");
    advance(10_000);
    limit.miss("a");
    limit.check("a");
    limit.miss("a");
    const refused = refusal(() => limit.check("a"));
    expect(refused?.status).toBe(429);
    expect(refused?.headers).toEqual({ "Retry-After": "50" });
    expect(refused?.message).toBe("wait 50 s");
    // Other addresses are not affected.
    limit.check("b");
    advance(50_000);
    limit.check("a");
    // Two misses are still within the window: one more and it refuses again.
    limit.miss("a");
    expect(refusal(() => limit.check("a"))?.status).toBe(429);
  });
});
