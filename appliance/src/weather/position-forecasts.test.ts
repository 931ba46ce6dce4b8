import { describe, expect, it } from "vitest";
import { cellOf } from "./position-forecasts.js";

describe("a guest's position", () => {
  it("is rounded to the centre of its 0.1° cell, never -0", () => {
    expect(cellOf({ latitude: 41.9028, longitude: 12.4964 })).toEqual({ latitude: 41.9, longitude: 12.5 });
    expect(cellOf({ latitude: -33.8688, longitude: 151.2093 })).toEqual({ latitude: -33.9, longitude: 151.2 });
    expect(cellOf({ latitude: 90, longitude: -180 })).toEqual({ latitude: 90, longitude: -180 });
    const nearZero = cellOf({ latitude: -0.04, longitude: -0.01 });
    expect(Object.is(nearZero.latitude, 0) && Object.is(nearZero.longitude, 0)).toBe(true);
  });
});
