import { describe, expect, it } from "vitest";
import { en } from "./en";
import { LANGUAGES, pickLanguage } from "./index";

describe("pickLanguage", () => {
  it("takes the first browser language we speak", () => {
    expect(pickLanguage(["ja-JP", "de-AT", "fr"])).toEqual({ language: "de", locale: "de-AT" });
  });

  it("falls back to English", () => {
    expect(pickLanguage(["ja", "ko"])).toEqual({ language: "en", locale: "en" });
    expect(pickLanguage([])).toEqual({ language: "en", locale: "en" });
  });

  it("reads region and script variants by their language", () => {
    expect(pickLanguage(["pt-BR"]).language).toBe("pt");
    expect(pickLanguage(["zh-Hans-CN"]).language).toBe("zh");
  });

  it("has every sentence in every language", () => {
    const shape = (messages: object): string[] =>
      Object.entries(messages).flatMap(([group, entries]) => Object.keys(entries as object).map((key) => `${group}.${key}`)).sort();
    for (const [code, messages] of Object.entries(LANGUAGES)) {
      expect(shape(messages), code).toEqual(shape(en));
    }
  });
});
