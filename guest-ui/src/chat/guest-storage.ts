// What the guest's browser keeps per property (localStorage key `innbox.guest.<slug>`):
// the conversation token, so history survives a reload, and the messages typed but not
// yet stored by the appliance, so a lost connection or a closed tab loses nothing.

export interface QueuedMessage {
  clientId: string;
  text: string;
  /** When the guest typed it (ISO 8601), to show a time before the appliance stores it. */
  typedAt: string;
}

export interface GuestRecord {
  token?: string;
  conversationId?: string;
  /** The language the session was created with, to tell the appliance when it changes. */
  language?: string;
  /** A name typed before the conversation exists; sent when it is created. */
  name?: string;
  /** An email saved before the conversation exists; stored on it right after the first message. */
  email?: string;
  queue: QueuedMessage[];
}

/** The part of the Web Storage API we use (localStorage, or a stand-in in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function storageKey(slug: string): string {
  return `innbox.guest.${slug}`;
}

function isQueuedMessage(value: unknown): value is QueuedMessage {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.clientId === "string" && typeof v.text === "string" && typeof v.typedAt === "string";
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

/** Reads the record, tolerating anything a older version or a curious guest left there. */
export function readGuestRecord(store: KeyValueStore, slug: string): GuestRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(storageKey(slug)) ?? "null");
  } catch {
    raw = null;
  }
  if (!raw || typeof raw !== "object") return { queue: [] };
  const r = raw as Record<string, unknown>;
  const record: GuestRecord = { queue: Array.isArray(r.queue) ? r.queue.filter(isQueuedMessage) : [] };
  const token = optionalString(r.token);
  const conversationId = optionalString(r.conversationId);
  const language = optionalString(r.language);
  const name = optionalString(r.name);
  const email = optionalString(r.email);
  if (token) record.token = token;
  if (conversationId) record.conversationId = conversationId;
  if (language) record.language = language;
  if (name) record.name = name;
  if (email) record.email = email;
  return record;
}

export function writeGuestRecord(store: KeyValueStore, slug: string, record: GuestRecord): void {
  try {
    store.setItem(storageKey(slug), JSON.stringify(record));
  } catch {
    // Storage full or disabled (some private modes): the page still works, it just
    // forgets the conversation on reload.
  }
}

/**
 * After the property's link changed, its old link redirects here, but the browser kept the
 * conversation under the old slug: carry the newest such record over to `slug`, unless a
 * conversation is already kept under `slug`. Answers whether one was carried over.
 */
export function adoptFormerRecord(store: KeyValueStore, slug: string, formerSlugs: readonly string[]): boolean {
  const current = readGuestRecord(store, slug);
  if (current.token || current.queue.length) return false;
  for (const former of formerSlugs) {
    if (former === slug) continue;
    const record = readGuestRecord(store, former);
    if (!record.token && !record.queue.length) continue;
    writeGuestRecord(store, slug, record);
    try {
      store.removeItem(storageKey(former));
    } catch {
      // Storage disabled meanwhile: the old record stays, harmless.
    }
    return true;
  }
  return false;
}

/** A store that forgets everything, for browsers that refuse localStorage. */
export function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export function browserStore(): KeyValueStore {
  try {
    const store = window.localStorage;
    const probe = "innbox.probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return memoryStore();
  }
}
