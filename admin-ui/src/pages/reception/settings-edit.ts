// The editor's changes to unsaved reception settings, each a new settings object (the
// preview and the save button both compare against what is stored).
import {
  GUEST_LANGUAGES,
  type BlockId,
  type BlockSettings,
  type BlockTexts,
  type GuestLanguage,
  type ReceptionSettings,
} from "@innbox/protocol/reception-view";

export function updateBlock(settings: ReceptionSettings, id: BlockId, change: (block: BlockSettings) => BlockSettings): ReceptionSettings {
  return { ...settings, blocks: settings.blocks.map((block) => (block.id === id ? change(block) : block)) };
}

/** A block's heading or text in one language; an emptied one is left out, as is a language left with nothing. */
export function setText(block: BlockSettings, language: GuestLanguage, field: keyof BlockTexts, value: string): BlockSettings {
  const own: BlockTexts = { ...block.texts[language] };
  if (value === "") delete own[field];
  else own[field] = value;
  const texts = { ...block.texts };
  if (own.heading === undefined && own.body === undefined) delete texts[language];
  else texts[language] = own;
  return { ...block, texts };
}

/** The languages to translate into, the default first, the others in the page's order. */
export function withLanguages(settings: ReceptionSettings, defaultLanguage: GuestLanguage, chosen: readonly GuestLanguage[]): ReceptionSettings {
  const others = GUEST_LANGUAGES.filter((language) => language !== defaultLanguage && chosen.includes(language));
  return { ...settings, defaultLanguage, languages: [defaultLanguage, ...others] };
}

/** Settings as the appliance stores them (empty words left out), for telling whether anything changed. */
export function sameSettings(a: ReceptionSettings, b: ReceptionSettings): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

function comparable(settings: ReceptionSettings) {
  return {
    ...settings,
    blocks: settings.blocks.map((block) => ({
      ...block,
      textColor: block.textColor.toLowerCase(),
      backgroundColor: block.backgroundColor.toLowerCase(),
      texts: Object.fromEntries(
        GUEST_LANGUAGES.flatMap((language) => {
          const heading = block.texts[language]?.heading?.trim() ?? "";
          const body = block.texts[language]?.body?.trim() ?? "";
          return heading || body ? [[language, { heading, body }]] : [];
        }),
      ),
    })),
  };
}

/**
 * Where the appliance's sentence about a field goes in the editor: "blocks.2.textColor"
 * (the index in the settings that were sent) becomes "chat.textColor", and
 * "blocks.0.texts.de.heading" becomes "title.texts.de.heading"; other fields keep their name.
 */
export function editorKey(field: string, sent: ReceptionSettings): string {
  const path = field.replace(/^body\./, "");
  const match = /^blocks\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path;
  const block = sent.blocks[Number(match[1])];
  if (!block) return "blocks";
  return match[2] ? `${block.id}.${match[2]}` : block.id;
}
