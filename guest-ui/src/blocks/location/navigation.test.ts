import { describe, expect, it } from "vitest";
import { directionsHref, isApple } from "./navigation";

describe("directions links", () => {
  it("keeps geo: links for phones that open them, and gives Apple devices Apple Maps' directions", () => {
    const geo = "geo:41.9028,12.4964?q=41.9028,12.4964(Hotel%20Miramar)";
    expect(directionsHref(geo, false)).toBe(geo);
    expect(directionsHref(geo, true)).toBe("https://maps.apple.com/?daddr=41.9028,12.4964&q=Hotel%20Miramar");
    expect(directionsHref("geo:0,0?q=Via%20Roma%201", true)).toBe("https://maps.apple.com/?daddr=Via%20Roma%201");
  });

  it("tells Apple's phones and tablets (an iPad says it is a Mac) from the rest", () => {
    expect(isApple("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)")).toBe(true);
    expect(isApple("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 5)).toBe(true);
    expect(isApple("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", 0)).toBe(false);
    expect(isApple("Mozilla/5.0 (Linux; Android 14; Pixel 8)")).toBe(false);
  });
});
