// The Online Reception's blocks as plain values, shared by the appliance (which answers
// getGuestReception with them), the guest page (which renders them, and in the editor's
// preview resolves unsaved settings with the very same code) and the admin page's editor.
// No zod here: the pages import it as "@innbox/protocol/reception-view".
import { GUEST_LANGUAGES, isGuestLanguage, type GuestLanguage } from "./rules.js";

export const BLOCK_IDS = ["title", "invitation", "info", "glance", "weather", "location", "services", "reservation", "chat"] as const;
export type BlockId = (typeof BLOCK_IDS)[number];
export const CHAT_INITIAL_STATES = ["collapsed", "welcome", "open", "hidden"] as const;
export type ChatInitialState = (typeof CHAT_INITIAL_STATES)[number];

/** A block's words in one language: a one-line heading and a text (Markdown in `info`). */
export interface BlockTexts {
  heading?: string;
  body?: string;
}

export interface BlockSettings {
  id: BlockId;
  visible: boolean;
  textColor: string;
  backgroundColor: string;
  texts: Partial<Record<GuestLanguage, BlockTexts>>;
}

/** What the manager sets in the editor (getReception / updateReception). */
export interface ReceptionSettings {
  blocks: BlockSettings[];
  defaultLanguage: GuestLanguage;
  /** The languages the manager translates the texts into (the default one first); the editor marks what they lack. */
  languages: GuestLanguage[];
  chatInitialState: ChatInitialState;
  useGuestLocation: boolean;
}

/** A block as a guest sees it: its words already in the guest's language (or the default one's). */
export interface GuestBlock {
  id: BlockId;
  textColor: string;
  backgroundColor: string;
  heading?: string;
  body?: string;
  /** The language the words are in: the guest's, or the default one when the manager has not translated them. */
  language: GuestLanguage;
}

/** What each block says, and what it is named in the editor, before the manager writes anything. */
export const BLOCK_LABELS: Record<BlockId, string> = {
  title: "Title",
  invitation: "Invitation",
  info: "Useful information",
  glance: "At a glance",
  weather: "Weather",
  location: "Location",
  services: "Guest services",
  reservation: "My reservation",
  chat: "Chat",
};

/** Blocks whose body the editor offers (the others have a heading only). */
export const BLOCKS_WITH_BODY: ReadonlySet<BlockId> = new Set<BlockId>(["title", "invitation", "info", "location", "reservation", "chat"]);

const PAGE_TEXT = "#1f2933";
const PAGE_BACKGROUND = "#ffffff";

export function defaultReceptionSettings(): ReceptionSettings {
  return {
    blocks: BLOCK_IDS.map((id) => ({
      id,
      visible: id !== "info",
      textColor: id === "title" ? "#ffffff" : PAGE_TEXT,
      backgroundColor: id === "title" ? "#1d4f5c" : PAGE_BACKGROUND,
      texts: {},
    })),
    defaultLanguage: "en",
    languages: ["en"],
    chatInitialState: "open",
    useGuestLocation: false,
  };
}

/** The guest's language from `?lang=` or the browser's tag ("de-AT" → "de"), else the property's default. */
export function guestLanguage(asked: string | undefined | null, defaultLanguage: GuestLanguage): GuestLanguage {
  const primary = (asked ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return isGuestLanguage(primary) ? primary : defaultLanguage;
}

function filled(texts: BlockTexts | undefined): texts is BlockTexts {
  return Boolean(texts && ((texts.heading ?? "").trim() || (texts.body ?? "").trim()));
}

/** The visible blocks, in order, with their words in `language` or else the default language. */
export function guestBlocks(settings: ReceptionSettings, language: GuestLanguage): GuestBlock[] {
  return settings.blocks
    .filter((b) => b.visible)
    .map((b) => {
      const own = b.texts[language];
      const chosen = filled(own) ? language : settings.defaultLanguage;
      const texts = b.texts[chosen] ?? {};
      const heading = texts.heading?.trim();
      const body = texts.body?.trim();
      return {
        id: b.id,
        textColor: b.textColor,
        backgroundColor: b.backgroundColor,
        ...(heading ? { heading } : {}),
        ...(body ? { body } : {}),
        language: chosen,
      };
    });
}

/**
 * For the editor: per block, the translated languages that lack words the default language
 * has (a heading or a text written in the default language and missing in that one).
 */
export function missingTranslations(settings: ReceptionSettings): Partial<Record<BlockId, GuestLanguage[]>> {
  const missing: Partial<Record<BlockId, GuestLanguage[]>> = {};
  for (const block of settings.blocks) {
    const base = block.texts[settings.defaultLanguage];
    if (!filled(base)) continue;
    const lacking = settings.languages.filter((lang) => {
      if (lang === settings.defaultLanguage) return false;
      const own = block.texts[lang];
      return (Boolean(base.heading?.trim()) && !own?.heading?.trim()) || (Boolean(base.body?.trim()) && !own?.body?.trim());
    });
    if (lacking.length) missing[block.id] = lacking;
  }
  return missing;
}

export { GUEST_LANGUAGES, isGuestLanguage, type GuestLanguage };

// --- The editor's live preview ---
// The admin page shows the real guest page in frames (/r/<slug>?preview=<language>) and
// posts it the unsaved settings; the page resolves them with guestBlocks() above, exactly
// as the appliance will once they are saved. A page in preview never starts a chat.

/** The page, once it can take settings, tells its parent frame so. */
export const PREVIEW_READY = "innbox:reception-preview-ready";
/** The parent frame's unsaved settings. */
export const PREVIEW_SETTINGS = "innbox:reception-preview-settings";

export interface PreviewReadyMessage {
  type: typeof PREVIEW_READY;
}
export interface PreviewSettingsMessage {
  type: typeof PREVIEW_SETTINGS;
  settings: ReceptionSettings;
}
