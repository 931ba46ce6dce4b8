import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio } from "./contrast";
import { dropIndex, moveItem } from "./reorder";

describe("contrast between text and background", () => {
  it("is 21 for black on white and 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d4e89", "#1d4e89")).toBeCloseTo(1, 5);
  });

  it("finds the WCAG figures for the defaults and a pale pair", () => {
    expect(contrastRatio("#ffffff", "#1d4e89")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(formatRatio(4.4999)).toBe("4.4");
  });
});

describe("moving an item in a list", () => {
  it("moves down, up and clamps", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
  });

  it("drops after the middles above the pointer", () => {
    const rect = (top: number) => ({ top, height: 40 }) as DOMRect;
    expect(dropIndex(10, [rect(0), rect(50)])).toBe(0);
    expect(dropIndex(30, [rect(0), rect(50)])).toBe(1);
    expect(dropIndex(200, [rect(0), rect(50)])).toBe(2);
  });
});
