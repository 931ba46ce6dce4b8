import { defaultReceptionSettings } from "@innbox/protocol/reception-view";
import { describe, expect, it } from "vitest";
import { findPlace, orderBody, stepPlace } from "./directory-order";
import { editorKey, sameSettings, setText, withLanguages } from "./settings-edit";

describe("the editor's changes to the settings", () => {
  it("leaves emptied words out, so clearing a text is no change", () => {
    const settings = defaultReceptionSettings();
    const title = settings.blocks[0]!;
    const typed = setText(title, "de", "heading", "Willkommen");
    expect(typed.texts).toEqual({ de: { heading: "Willkommen" } });
    const cleared = setText(typed, "de", "heading", "");
    expect(cleared.texts).toEqual({});
    expect(sameSettings({ ...settings, blocks: [cleared, ...settings.blocks.slice(1)] }, settings)).toBe(true);
  });

  it("keeps the default language first among the languages", () => {
    const settings = withLanguages(defaultReceptionSettings(), "de", ["fr", "en"]);
    expect(settings).toMatchObject({ defaultLanguage: "de", languages: ["de", "en", "fr"] });
  });

  it("places the appliance's sentences by block, whatever the order they were sent in", () => {
    const settings = defaultReceptionSettings();
    settings.blocks.reverse();
    expect(editorKey("blocks.0.textColor", settings)).toBe("chat.textColor");
    expect(editorKey("body.blocks.8.texts.de.heading", settings)).toBe("title.texts.de.heading");
    expect(editorKey("languages", settings)).toBe("languages");
  });
});

describe("the directory's order", () => {
  const place = (id: string) => ({ id, name: id, category: "", categoryId: "", mapUrl: "", navigationUrl: "" });
  const categories = [
    { id: "c1", name: "Taxi", places: [place("a"), place("b")] },
    { id: "c2", name: "Food", places: [place("c")] },
  ];

  it("steps a place within its category and across to the next one", () => {
    expect(orderBody(stepPlace(categories, "b", -1)!).categories[0]!.placeIds).toEqual(["b", "a"]);
    const across = stepPlace(categories, "b", 1)!;
    expect(orderBody(across)).toEqual({ categories: [{ id: "c1", placeIds: ["a"] }, { id: "c2", placeIds: ["b", "c"] }] });
    expect(across[1]!.places[0]).toMatchObject({ id: "b", categoryId: "c2", category: "Food" });
    expect(findPlace(stepPlace(categories, "c", -1)!, "c")).toEqual({ category: 0, index: 2 });
    expect(stepPlace(categories, "a", -1)).toBeNull();
    expect(stepPlace(categories, "c", 1)).toBeNull();
  });
});
