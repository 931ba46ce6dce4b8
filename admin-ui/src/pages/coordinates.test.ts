import { describe, expect, it } from "vitest";
import { parseCoordinate } from "./coordinates";

describe("parseCoordinate", () => {
  it("reads decimal degrees, signed or not", () => {
    expect(parseCoordinate("38.7223")).toBe(38.7223);
    expect(parseCoordinate(" -9.1393 ")).toBe(-9.1393);
    expect(parseCoordinate("+45")).toBe(45);
  });

  it("accepts a decimal comma from phone keyboards", () => {
    expect(parseCoordinate("38,7223")).toBe(38.7223);
  });

  it("treats an empty field as not set", () => {
    expect(parseCoordinate("")).toBeNull();
    expect(parseCoordinate("   ")).toBeNull();
  });

  it("refuses words, hex and exponents instead of guessing", () => {
    expect(parseCoordinate("north")).toBe("invalid");
    expect(parseCoordinate("0x10")).toBe("invalid");
    expect(parseCoordinate("1e3")).toBe("invalid");
    expect(parseCoordinate("38.7.2")).toBe("invalid");
  });
});
