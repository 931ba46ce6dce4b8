import { describe, expect, it } from "vitest";
import { defaultReceptionSettings, guestBlocks, guestLanguage, missingTranslations } from "./reception-view.js";

describe("the reception's blocks for a guest", () => {
  const settings = defaultReceptionSettings();
  const title = settings.blocks.find((b) => b.id === "title")!;
  title.texts = { en: { heading: "Welcome", body: "Since 1962" }, de: { heading: "Willkommen" } };
  settings.languages = ["en", "de", "fr"];

  it("gives each visible block in the guest's language, or the default language as a whole when a block is not translated", () => {
    const de = guestBlocks(settings, "de");
    // The German heading without the English subtitle: a block's words come from one language.
    expect(de[0]).toEqual({ id: "title", textColor: "#ffffff", backgroundColor: "#1d4f5c", heading: "Willkommen", language: "de" });
    expect(guestBlocks(settings, "fr")[0]).toMatchObject({ heading: "Welcome", body: "Since 1962", language: "en" });
    expect(de.map((b) => b.id)).not.toContain("info"); // hidden by default
  });

  it("names the translations a block lacks", () => {
    expect(missingTranslations(settings)).toEqual({ title: ["de", "fr"] });
    title.texts.de!.body = "Seit 1962";
    expect(missingTranslations(settings)).toEqual({ title: ["fr"] });
  });

  it("reads the guest's language from a browser tag, else the default", () => {
    expect(guestLanguage("de-AT", "en")).toBe("de");
    expect(guestLanguage("ja", "it")).toBe("it");
    expect(guestLanguage(undefined, "fr")).toBe("fr");
  });
});
