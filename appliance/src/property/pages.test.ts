import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { pageLanguage } from "./pages.js";

const request = (query: Record<string, string>, acceptLanguage?: string) =>
  ({ query, get: (name: string) => (name.toLowerCase() === "accept-language" ? acceptLanguage : undefined) }) as unknown as Request;

describe("the language the reception page will speak (for the preloaded data)", () => {
  it("follows the link's preview or lang, then the browser's languages by preference, then English", () => {
    expect(pageLanguage(request({ preview: "it" }, "de"))).toBe("it");
    expect(pageLanguage(request({ lang: "fr-CA" }, "de"))).toBe("fr");
    expect(pageLanguage(request({ lang: "xx" }, "de-AT,de;q=0.9,en;q=0.8"))).toBe("de");
    expect(pageLanguage(request({}, "ja-JP,ja;q=0.9,pt-BR;q=0.8,en;q=0.5"))).toBe("pt");
    expect(pageLanguage(request({}, "en;q=0.2, ru;q=0.7"))).toBe("ru");
    expect(pageLanguage(request({}, "ja, ko"))).toBe("en");
    expect(pageLanguage(request({}))).toBe("en");
    expect(pageLanguage(request({}, "zh-Hans-CN"))).toBe("zh");
  });
});
