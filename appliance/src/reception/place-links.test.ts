import { describe, expect, it } from "vitest";
import { mapUrl, navigationUrl } from "./place-links.js";

describe("place links", () => {
  it("write coordinates in plain decimals and label the geo: link with the encoded name", () => {
    const place = { name: "Café (Rooftop) & Bar", address: null, latitude: 0.0000001, longitude: -9.13660001 };
    expect(navigationUrl(place)).toBe("geo:0.0000001,-9.1366?q=0.0000001,-9.1366(Caf%C3%A9%20%28Rooftop%29%20%26%20Bar)");
    expect(mapUrl(place)).toBe("https://www.openstreetmap.org/?mlat=0.0000001&mlon=-9.1366#map=17/0.0000001/-9.1366");
    expect(navigationUrl({ ...place, latitude: -0.00000001, longitude: 180 })).toBe("geo:0,180?q=0,180(Caf%C3%A9%20%28Rooftop%29%20%26%20Bar)");
  });

  it("search by the address without coordinates, else by the name", () => {
    const place = { name: "Farmácia", address: "Rua Augusta 1, 1100-048 Lisboa", latitude: null, longitude: null };
    expect(navigationUrl(place)).toBe("geo:0,0?q=Rua%20Augusta%201%2C%201100-048%20Lisboa");
    expect(new URL(mapUrl(place)).searchParams.get("query")).toBe("Rua Augusta 1, 1100-048 Lisboa");
    expect(navigationUrl({ ...place, address: null })).toBe("geo:0,0?q=Farm%C3%A1cia");
  });
});
