// What the appliance accepts, as plain values. The zod schemas are built from them, and
// the pages check their forms with the same values before sending, without bundling zod:
// `import { USERNAME } from "@innbox/protocol/rules"`.

/** An admin-page login's username. */
export const USERNAME = { min: 3, max: 64, pattern: /^[A-Za-z0-9._@-]+$/ } as const;
export const PASSWORD = { min: 8, max: 256 } as const;
/** A person's name: a team member, the manager at setup, a guest. */
export const PERSON_NAME_MAX = 80;
export const PROPERTY_NAME_MAX = 120;
/** The property's part of its reception link, /r/<slug>. */
export const SLUG = { min: 3, max: 40, pattern: /^[a-z0-9-]{3,40}$/ } as const;
/** The room or place in a reception link, /r/<slug>?t=<tag> (trimmed first). */
export const TAG = { min: 1, max: 40, pattern: /^[\p{L}\p{N} ._#-]+$/u } as const;
/** An IANA timezone name this runtime knows, such as Europe/Lisbon (or UTC). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const LATITUDE = { min: -90, max: 90 } as const;
export const LONGITUDE = { min: -180, max: 180 } as const;
/** What @BotFather hands out: digits, a colon, a long code. */
export const TELEGRAM_TOKEN = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;

/** Minutes a guest's message may wait before the team on duty is reminded. */
export const UNANSWERED_MINUTES = { min: 1, max: 1440 } as const;
export const OFF_HOURS_NOTICE_MAX = 1000;
/** The languages of the off-hours notice: two- or three-letter codes. */
export const NOTICE_LANGUAGE = /^[a-z]{2,3}$/;
/** A time of day on the 24-hour clock; 24:00 is midnight at the end of a day. */
export const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const RANGES_PER_DAY_MAX = 6;
export const EXCEPTION_NOTE_MAX = 120;
export const EXCEPTIONS_MAX = 366;

// Control characters (other than tab and newline, which messages may hold) have no place
// in text people read; nor have the bidi embedding, override and isolate controls, which
// let a name or a message display as something other than what it is ("Trojan Source").
// The left-to-right and right-to-left marks (U+200E, U+200F) stay allowed: keyboards for
// right-to-left languages insert them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Whether `text` holds a control or bidi-override character (tab and newline allowed). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text) || BIDI_CONTROL.test(text);
}

/** Whether a one-line `text` (a name) holds a control, line-break or bidi-override character. */
export function hasControlCharactersInLine(text: string): boolean {
  return CONTROL_OR_LINE_BREAK.test(text) || BIDI_CONTROL.test(text);
}

/** Removes what a one-line name may not hold, for names that come from outside (Telegram). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(`${CONTROL_OR_LINE_BREAK.source}|${BIDI_CONTROL.source}`, "g"), "");
}
export const MESSAGE_MAX = 4000;

/** The Guest Services Directory: a place and its category. */
export const PLACE_NAME_MAX = 80;
export const PLACE_DESCRIPTION_MAX = 1000;
export const PLACE_ADDRESS_MAX = 300;
export const PLACE_WEBSITE_MAX = 2000;
export const PLACE_PHONE = /^[+0-9 ()./-]{3,32}$/;

/** The languages the guest pages speak (the chat's eight), the first the fallback of last resort. */
export const GUEST_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "ru", "zh"] as const;
export type GuestLanguage = (typeof GUEST_LANGUAGES)[number];
export function isGuestLanguage(code: string): code is GuestLanguage {
  return (GUEST_LANGUAGES as readonly string[]).includes(code);
}

/** A colour on the reception page: #rrggbb. */
export const COLOR = /^#[0-9a-fA-F]{6}$/;
/** A block's heading (one line) and its text (Markdown in "Useful information"). */
export const BLOCK_HEADING_MAX = 120;
export const BLOCK_BODY_MAX = 10_000;
/** The property's town, shown in "At a glance". */
export const CITY_MAX = 80;

/** Reservation codes a guest types (My Reservation): the appliance issues 10 characters. */
export const RESERVATION_CODE = { min: 8, max: 32 } as const;

/** The longest arrival instructions (the property's, shown in My Reservation) taken. */
export const ARRIVAL_INSTRUCTIONS_MAX = 4000;
