import type { ChatSettings, ConversationBooking, ConversationListItem, GuestReservation, WorkingHours } from "@innbox/protocol";
import { toListItem } from "./api-shapes.js";
import type { Reservations } from "../bookings/index.js";
import type { Logger } from "pino";
import { newId, nowIso, type Db, type Transactions, type Tx } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError, RateLimiter } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import { sha256, newToken } from "../crypto/index.js";
import { chatTexts } from "./messages.js";
import { DEFAULT_OFF_HOURS_NOTICE, offHoursNoticeFor } from "./default-texts.js";
import { chatRepository as repo, type Conversation, type Message } from "./repository.js";
import { ALWAYS_OPEN, isWithinHours, nextOnDuty } from "./working-hours.js";

export type { Conversation, Message };

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { unansweredMinutes: 10, offHoursNotice: DEFAULT_OFF_HOURS_NOTICE };

export interface Stored {
  conversation: Conversation;
  message: Message;
  /** False when the clientId was seen before and the earlier message is returned. */
  created: boolean;
}

export interface ChatPublisher {
  messageStored(conversation: Conversation, message: Message): void;
  messagesDelivered(conversationId: string, ids: string[], at: string): void;
  conversationChanged(conversation: Conversation): void;
  /** The guest's My Reservation changed: the stay now linked, or null. */
  reservationChanged(conversationId: string, reservation: GuestReservation | null): void;
}

const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text).replace(/\s+/g, " ");

export interface ChatServiceDeps {
  /** A guest's chat token works this many days after it was issued. */
  guestTokenDays: number;
  /** Public endpoints: new chats per address, and messages per conversation, per minute. */
  guestSessionsPerMinute: number;
  guestMessagesPerMinute: number;
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  transactions: Transactions;
  property: PropertyService;
  /** Where stored messages and changes are announced (the chat sockets). */
  publisher: ChatPublisher;
  /** Bookings by reservation code, as guests and staff see them (the bookings capability's). */
  reservations: Pick<Reservations, "idForCode" | "exists" | "guestView" | "summaries">;
}

export { toApiMessage, toListItem } from "./api-shapes.js";

export class ChatService {
  private hours: WorkingHours = ALWAYS_OPEN;
  private settings: ChatSettings = DEFAULT_CHAT_SETTINGS;
  private timezone = "UTC";
  private slug = "";
  private propertyName = "";
  private readonly sessionCache = new Map<string, { conversationId: string; expiresAt: number }>();
  private offDuty = new Set<string>();

  readonly sessionLimit: RateLimiter;
  readonly messageLimit: RateLimiter;
  /** Name, language and email changes per conversation: each one reaches every open admin page. */
  readonly profileLimit: RateLimiter;

  constructor(private readonly deps: ChatServiceDeps) {
    this.sessionLimit = new RateLimiter(deps.guestSessionsPerMinute, deps.clock, chatTexts.tooManyChats);
    this.messageLimit = new RateLimiter(deps.guestMessagesPerMinute, deps.clock, chatTexts.tooManyMessages);
    this.profileLimit = new RateLimiter(deps.guestMessagesPerMinute, deps.clock, chatTexts.tooManyChanges);
  }

  /** Loads settings into memory; called at start and when the property changes. */
  async load(): Promise<void> {
    const { db } = this.deps;
    const [hours, settings, offDuty] = await Promise.all([repo.getSetting(db, "workingHours"), repo.getSetting(db, "settings"), repo.offDutyMembers(db)]);
    if (hours) this.hours = JSON.parse(hours.value) as WorkingHours;
    if (settings) this.settings = JSON.parse(settings.value) as ChatSettings;
    this.offDuty = new Set(offDuty.map((r) => r.member_id));
    await this.reloadProperty();
  }

  async reloadProperty(): Promise<void> {
    try {
      const property = await this.deps.property.get();
      this.timezone = property.timezone;
      this.slug = property.slug;
      this.propertyName = property.name;
    } catch {
      // Before setup there is no property; guest sessions are refused until there is.
    }
  }

  get workingHours() {
    return this.hours;
  }
  get chatSettings() {
    return this.settings;
  }
  get propertyDisplayName() {
    return this.propertyName;
  }

  withinHours(at = new Date(this.deps.clock())): boolean {
    return isWithinHours(this.hours, this.timezone, at);
  }

  /** When someone is next on duty (ISO); null while someone is, or when no working hours lie ahead. */
  backAt(at = new Date(this.deps.clock())): string | null {
    if (this.withinHours(at)) return null;
    return nextOnDuty(this.hours, this.timezone, at)?.toISOString() ?? null;
  }

  isMemberOnDuty(memberId: string, at?: Date): boolean {
    return this.withinHours(at) && !this.offDuty.has(memberId);
  }

  memberDutySwitch(memberId: string): boolean {
    return !this.offDuty.has(memberId);
  }

  async setMemberDuty(memberId: string, onDuty: boolean, db: Db = this.deps.db): Promise<void> {
    await repo.putDuty(db, memberId, onDuty, nowIso(this.deps.clock));
    if (onDuty) this.offDuty.delete(memberId);
    else this.offDuty.add(memberId);
  }

  async setWorkingHours(hours: WorkingHours): Promise<void> {
    await repo.putSetting(this.deps.db, "workingHours", JSON.stringify(hours));
    this.hours = hours;
  }

  async setSettings(settings: ChatSettings): Promise<void> {
    await repo.putSetting(this.deps.db, "settings", JSON.stringify(settings));
    this.settings = settings;
  }

  /** Whether someone is on duty now, and if not what guests are told and when someone is back. */
  duty(language: string | null): { onDuty: boolean; offHoursNotice: string | null; backAt: string | null } {
    const now = new Date(this.deps.clock());
    const onDuty = this.withinHours(now);
    return { onDuty, offHoursNotice: onDuty ? null : this.offHoursNotice(language), backAt: onDuty ? null : this.backAt(now) };
  }

  offHoursNotice(language: string | null): string {
    return offHoursNoticeFor(this.settings.offHoursNotice, language);
  }

  /** Runs `fn` atomically with other work of the same instant; announcements follow the commit. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.deps.transactions.run(fn);
  }

  /** A web chat: the kiosk and widget channels open theirs with their own credentials. */
  async createGuestSession(input: { slug: string; tag?: string; name?: string; language?: string; bookingId?: string }) {
    if (!this.slug) await this.reloadProperty();
    // A slug the property used before still opens a chat: its QR codes are printed on doors.
    const known = this.slug !== "" && (input.slug === this.slug || (await this.deps.property.currentSlugFor(input.slug)) !== undefined);
    if (!known) throw AppError.notFound(chatTexts.unknownReceptionLink);
    const now = nowIso(this.deps.clock);
    const conversation: Conversation = {
      id: newId("c_"),
      channel: "web",
      guest_name: input.name ?? null,
      tag: input.tag ?? null,
      language: input.language ?? null,
      email: null,
      telegram_chat_id: null,
      created_at: now,
      last_message_at: now,
      last_message_preview: "",
      waiting_since: null,
      alerted_at: null,
      off_hours_noticed_at: null,
      booking_id: input.bookingId ?? null,
    };
    const token = newToken();
    await this.deps.db.transaction().execute(async (trx) => {
      await repo.insertConversation(trx, conversation);
      await repo.insertGuestSession(trx, { token_hash: sha256(token), conversation_id: conversation.id, created_at: now });
    });
    return { conversationId: conversation.id, token };
  }

  /** Resolves a guest bearer token to its conversation id, or throws 401. */
  async conversationForToken(token: string | undefined): Promise<string> {
    if (!token) throw AppError.unauthorized(chatTexts.missingGuestToken);
    const hash = sha256(token);
    let session = this.sessionCache.get(hash);
    if (!session) {
      const row = await repo.findGuestSession(this.deps.db, hash);
      if (!row) throw AppError.unauthorized(chatTexts.badGuestToken);
      session = { conversationId: row.conversation_id, expiresAt: Date.parse(row.created_at) + this.deps.guestTokenDays * 86_400_000 };
      if (this.sessionCache.size > 10_000) this.sessionCache.clear();
      this.sessionCache.set(hash, session);
    }
    if (session.expiresAt <= this.deps.clock()) {
      throw AppError.unauthorized(chatTexts.expiredGuestToken);
    }
    return session.conversationId;
  }

  async getConversation(id: string, db: Db = this.deps.db): Promise<Conversation> {
    const conversation = await repo.getConversation(db, id);
    if (!conversation) throw AppError.notFound(chatTexts.unknownConversation);
    return conversation;
  }

  findTelegramConversation(db: Db, chatId: string) {
    return repo.findByTelegramChat(db, chatId);
  }

  async createTelegramConversation(tx: Tx, input: { chatId: string; name: string; language?: string }): Promise<Conversation> {
    return this.insertConversation(tx, { channel: "telegram", guest_name: input.name, tag: null, language: input.language ?? null, telegram_chat_id: input.chatId });
  }

  /** A message left at the lobby kiosk: its own conversation, tagged with the kiosk's name. */
  async createKioskConversation(tx: Tx, input: { kioskName: string; name?: string; language?: string }): Promise<Conversation> {
    return this.insertConversation(tx, { channel: "kiosk", guest_name: input.name ?? null, tag: input.kioskName, language: input.language ?? null, telegram_chat_id: null });
  }

  /** A new conversation with nothing in it yet. */
  private async insertConversation(tx: Tx, who: Pick<Conversation, "channel" | "guest_name" | "tag" | "language" | "telegram_chat_id">): Promise<Conversation> {
    const now = nowIso(this.deps.clock);
    const conversation: Conversation = {
      id: newId("c_"),
      ...who,
      email: null,
      created_at: now,
      last_message_at: now,
      last_message_preview: "",
      waiting_since: null,
      alerted_at: null,
      off_hours_noticed_at: null,
      booking_id: null,
    };
    await repo.insertConversation(tx.db, conversation);
    return conversation;
  }

  async updateGuest(conversationId: string, patch: { name?: string; email?: string; language?: string }): Promise<Conversation> {
    const set: Partial<Conversation> = {};
    if (patch.name !== undefined) set.guest_name = patch.name;
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.language !== undefined) set.language = patch.language;
    if (Object.keys(set).length) await repo.updateConversation(this.deps.db, conversationId, set);
    const conversation = await this.getConversation(conversationId);
    this.deps.publisher.conversationChanged(conversation);
    return conversation;
  }

  /** The conversation as staff list it, with its booking. */
  async listItem(conversation: Conversation): Promise<ConversationListItem> {
    return (await this.listItems([conversation]))[0]!;
  }

  async listItems(conversations: readonly Conversation[]): Promise<ConversationListItem[]> {
    const ids = conversations.flatMap((c) => (c.booking_id ? [c.booking_id] : []));
    const bookings = ids.length ? await this.deps.reservations.summaries(ids) : new Map<string, ConversationBooking>();
    return conversations.map((c) => toListItem(c, c.booking_id ? bookings.get(c.booking_id) : undefined));
  }

  listMessages(conversationId: string): Promise<Message[]> {
    return repo.listMessages(this.deps.db, conversationId);
  }

  listConversations(limit = 200): Promise<Conversation[]> {
    return repo.listConversations(this.deps.db, limit);
  }

  messagesAfter(seq: number, limit: number): Promise<Message[]> {
    return repo.messagesAfter(this.deps.db, seq, limit);
  }

  /** The seq of the newest message (0 when there is none). */
  lastMessageSeq(): Promise<number> {
    return repo.lastMessageSeq(this.deps.db);
  }


  /** A guest message: stored once per clientId; off hours, the guest is told once. */
  async storeGuestMessage(tx: Tx, conversation: Conversation, input: { text: string; clientId?: string }): Promise<Stored> {
    if (input.clientId) {
      const existing = await repo.findByClientId(tx.db, conversation.id, input.clientId);
      if (existing) return { conversation, message: existing, created: false };
    }
    const now = this.deps.clock();
    const at = new Date(now).toISOString();
    const row = {
      id: newId("g_"),
      conversation_id: conversation.id,
      sender: "guest" as const,
      text: input.text,
      staff_member_id: null,
      staff_name: null,
      client_id: input.clientId ?? null,
      created_at: at,
      delivered_at: null,
    };
    const { seq } = await repo.insertMessage(tx.db, row);
    const message: Message = { ...row, seq };
    const updated: Conversation = {
      ...conversation,
      last_message_at: at,
      last_message_preview: preview(input.text),
      waiting_since: conversation.waiting_since ?? at,
    };
    const stored: Message[] = [message];
    if (!this.withinHours(new Date(now))) {
      // Once per stretch off duty: again only if someone was on duty since the last notice.
      const last = conversation.off_hours_noticed_at;
      const onDutySince = last ? nextOnDuty(this.hours, this.timezone, new Date(last)) : null;
      if (!last || (onDutySince !== null && onDutySince.getTime() <= now)) {
        const notice = { ...row, id: newId("s_"), sender: "system" as const, text: this.offHoursNotice(conversation.language), client_id: null };
        const inserted = await repo.insertMessage(tx.db, notice);
        stored.push({ ...notice, seq: inserted.seq });
        updated.off_hours_noticed_at = at;
      }
    }
    await repo.updateConversation(tx.db, conversation.id, {
      last_message_at: updated.last_message_at,
      last_message_preview: updated.last_message_preview,
      waiting_since: updated.waiting_since,
      off_hours_noticed_at: updated.off_hours_noticed_at,
    });
    tx.afterCommit(() => {
      for (const m of stored) this.announce(updated, m);
    });
    return { conversation: updated, message, created: true };
  }

  /** A staff answer, from Telegram or the admin page: it ends the guest's wait. */
  async storeStaffMessage(tx: Tx, conversation: Conversation, staff: { id: string; name: string }, input: { text: string; clientId?: string }): Promise<Stored> {
    if (input.clientId) {
      const existing = await repo.findByClientId(tx.db, conversation.id, input.clientId);
      if (existing) return { conversation, message: existing, created: false };
    }
    const at = nowIso(this.deps.clock);
    const row = {
      id: newId("s_"),
      conversation_id: conversation.id,
      sender: "staff" as const,
      text: input.text,
      staff_member_id: staff.id,
      staff_name: staff.name,
      client_id: input.clientId ?? null,
      created_at: at,
      delivered_at: null,
    };
    const { seq } = await repo.insertMessage(tx.db, row);
    const message: Message = { ...row, seq };
    const updated: Conversation = { ...conversation, last_message_at: at, last_message_preview: preview(input.text), waiting_since: null, alerted_at: null };
    await repo.updateConversation(tx.db, conversation.id, {
      last_message_at: at,
      last_message_preview: updated.last_message_preview,
      waiting_since: null,
      alerted_at: null,
    });
    // Whoever answered has certainly seen what the guest wrote.
    const undelivered = await repo.undeliveredGuestMessages(tx.db, conversation.id);
    if (undelivered.length) await repo.markDelivered(tx.db, undelivered.map((m) => m.id), at);
    tx.afterCommit(() => {
      if (undelivered.length) this.deps.publisher.messagesDelivered(conversation.id, undelivered.map((m) => m.id), at);
      this.announce(updated, message);
    });
    return { conversation: updated, message, created: true };
  }

  /** Marks guest messages delivered; returns the time it recorded. */
  async markDelivered(conversationId: string, ids: string[]): Promise<string> {
    const at = nowIso(this.deps.clock);
    if (!ids.length) return at;
    await repo.markDelivered(this.deps.db, ids, at);
    this.deps.publisher.messagesDelivered(conversationId, ids, at);
    return at;
  }

  async markAlerted(db: Db, conversationId: string): Promise<void> {
    await repo.updateConversation(db, conversationId, { alerted_at: nowIso(this.deps.clock) });
  }

  listWaitingSince(cutoffIso: string) {
    return repo.listWaiting(this.deps.db, cutoffIso);
  }

  private announce(conversation: Conversation, message: Message) {
    this.deps.publisher.messageStored(conversation, message);
    this.deps.bus.emit("chat.messageStored", { conversationId: conversation.id, messageId: message.id, seq: message.seq, from: message.sender });
  }
}
