import type { Logger } from "pino";
import {
  formatPairingCode,
  KIOSK_PAIRING_CODE_TTL_MS,
  KioskSettings,
  wifiQrText,
  type CallLogEntry,
  type Kiosk,
  type KioskMessageBody,
  type KioskPairing,
  type KioskScreen,
} from "@innbox/protocol";
import { toApiMessage, type ChatService } from "../chat/index.js";
import { newToken, sha256 } from "../crypto/index.js";
import { newId, nowIso, type Db } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError, MissLimiter, RateLimiter } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import { kioskTexts } from "./messages.js";
import { newPairingCode, pairingCodeHash } from "./pairing-codes.js";
import { kioskRepository as repo } from "./repository.js";
import type { KioskCallRow, KioskRow } from "./tables.js";

/** What the /kiosk namespace does for the service (sockets.ts). */
export interface KioskLine {
  isOnline(kioskId: string): boolean;
  /** Tells the kiosk it was revoked, then disconnects it. */
  revoke(kioskId: string): void;
  screenChanged(): void;
  /** True when the kiosk was connected to hear it. */
  reload(kioskId: string): boolean;
}

export interface KioskServiceDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  publicUrl: () => string;
  property: PropertyService;
  weather: { current(): KioskScreen["weather"] | undefined };
  chat: ChatService;
  line: () => KioskLine;
  /** Wrong pairing codes per address per minute before 429. */
  pairMissesPerMinute?: number;
  messagesPerMinute?: number;
}

export interface PairedKiosk {
  id: string;
  name: string;
}

/** lastSeenAt is written at most this often per kiosk from its requests. */
const SEEN_WRITE_MS = 60_000;

export class KioskService {
  readonly pairLimit: MissLimiter;
  private readonly messageLimit: RateLimiter;
  private readonly seenWritten = new Map<string, number>();

  constructor(private readonly deps: KioskServiceDeps) {
    this.pairLimit = new MissLimiter(deps.pairMissesPerMinute ?? 10, 60_000, deps.clock, kioskTexts.tooManyCodes);
    this.messageLimit = new RateLimiter(deps.messagesPerMinute ?? 10, deps.clock, kioskTexts.tooManyMessages);
  }

  private now() {
    return nowIso(this.deps.clock);
  }

  private toApi(row: KioskRow): Kiosk {
    const waiting = row.code_expires_at && Date.parse(row.code_expires_at) > this.deps.clock() ? row.code_expires_at : null;
    return {
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      pairedAt: row.paired_at,
      pairingExpiresAt: waiting,
      lastSeenAt: row.last_seen_at,
      online: this.deps.line().isOnline(row.id),
    };
  }

  private async issueCode(row: KioskRow): Promise<KioskPairing> {
    const code = newPairingCode();
    const expiresAt = new Date(this.deps.clock() + KIOSK_PAIRING_CODE_TTL_MS).toISOString();
    await repo.update(this.deps.db, row.id, { code_hash: pairingCodeHash(code), code_expires_at: expiresAt });
    const pairingUrl = `/kiosk?code=${code}`;
    return { kiosk: { id: row.id, name: row.name }, pairingCode: formatPairingCode(code), pairingUrl, pairingLink: `${this.deps.publicUrl()}${pairingUrl}`, expiresAt };
  }

  async create(name: string): Promise<KioskPairing> {
    const row: KioskRow = { id: newId("k_"), name, created_at: this.now(), code_hash: null, code_expires_at: null, token_hash: null, paired_at: null, last_seen_at: null };
    await repo.insert(this.deps.db, row);
    return this.issueCode(row);
  }

  /** A new code for a kiosk (its old code stops working; pairing with it replaces the kiosk's token). */
  async newCode(id: string): Promise<KioskPairing> {
    return this.issueCode(await this.get(id));
  }

  async list(): Promise<Kiosk[]> {
    return (await repo.list(this.deps.db)).map((row) => this.toApi(row));
  }

  private async get(id: string): Promise<KioskRow> {
    const row = await repo.get(this.deps.db, id);
    if (!row) throw AppError.notFound(kioskTexts.unknownKiosk);
    return row;
  }

  async rename(id: string, name: string): Promise<Kiosk> {
    await this.get(id);
    await repo.update(this.deps.db, id, { name });
    return this.toApi(await this.get(id));
  }

  async revoke(id: string): Promise<void> {
    const result = await repo.remove(this.deps.db, id);
    if (!result.numDeletedRows) throw AppError.notFound(kioskTexts.unknownKiosk);
    this.seenWritten.delete(id);
    this.deps.line().revoke(id);
    this.deps.bus.emit("kiosk.revoked", { kioskId: id });
  }

  reload(id: string): Promise<boolean> {
    return this.get(id).then((row) => this.deps.line().reload(row.id));
  }

  /** Trades a live code for the kiosk's token; 404 (one sentence) or 429 otherwise. */
  async pair(code: string, address: string): Promise<{ token: string }> {
    this.pairLimit.check(address);
    const token = newToken(32);
    const row = await repo.useCode(this.deps.db, pairingCodeHash(code), this.now(), sha256(token));
    if (!row) {
      this.pairLimit.miss(address);
      throw AppError.notFound(kioskTexts.badCode);
    }
    // Paired again (a new code for a kiosk that had a token): the old device is out.
    if (row.token_hash) {
      this.deps.line().revoke(row.id);
      this.deps.bus.emit("kiosk.revoked", { kioskId: row.id });
    }
    this.deps.log.info({ kioskId: row.id }, "kiosk paired");
    return { token };
  }

  /** The kiosk a bearer token belongs to, or 401. */
  async kioskForToken(token: string | undefined): Promise<PairedKiosk> {
    if (!token) throw AppError.unauthorized(kioskTexts.missingToken);
    const row = await repo.byToken(this.deps.db, sha256(token));
    if (!row) throw AppError.unauthorized(kioskTexts.badToken);
    return { id: row.id, name: row.name };
  }

  /** Notes that the kiosk was heard from (written at most once a minute unless `force`). */
  async seen(kioskId: string, force = false): Promise<void> {
    const now = this.deps.clock();
    const last = this.seenWritten.get(kioskId) ?? 0;
    if (!force && now - last < SEEN_WRITE_MS) return;
    this.seenWritten.set(kioskId, now);
    await repo.update(this.deps.db, kioskId, { last_seen_at: new Date(now).toISOString() });
  }

  async settings(): Promise<KioskSettings> {
    const row = await repo.getSetting(this.deps.db, "screen");
    return row ? (JSON.parse(row.value) as KioskSettings) : {};
  }

  async putSettings(settings: KioskSettings): Promise<KioskSettings> {
    await repo.putSetting(this.deps.db, "screen", JSON.stringify(settings));
    this.deps.line().screenChanged();
    return settings;
  }

  async screen(): Promise<KioskScreen> {
    const [property, settings] = await Promise.all([this.deps.property.get(), this.settings()]);
    const weather = this.deps.weather.current();
    const emergencyText = settings.emergencyText ?? {};
    const languages = [...new Set(["en", ...Object.keys(emergencyText)])];
    return {
      property: { name: property.name, timezone: property.timezone },
      ...(weather ? { weather } : {}),
      ...(settings.wifi
        ? {
            wifi: {
              ssid: settings.wifi.ssid,
              password: settings.wifi.password,
              security: settings.wifi.security,
              hidden: settings.wifi.hidden ?? false,
              qr: wifiQrText(settings.wifi),
            },
          }
        : {}),
      receptionUrl: `${this.deps.publicUrl()}/r/${property.slug}`,
      ...(settings.phone ? { phone: settings.phone } : {}),
      emergencyText,
      languages,
    };
  }

  /** A message a guest leaves at the kiosk: a `kiosk` conversation tagged with its name, once per clientId. */
  async leaveMessage(kiosk: PairedKiosk, body: KioskMessageBody) {
    this.messageLimit.take(kiosk.id);
    const { chat } = this.deps;
    return chat.transaction(async (tx) => {
      const known = body.clientId ? await repo.messageByClientId(tx.db, kiosk.id, body.clientId) : undefined;
      const conversation = known
        ? await chat.getConversation(known.conversation_id, tx.db)
        : await chat.createKioskConversation(tx, { kioskName: kiosk.name, ...(body.name ? { name: body.name } : {}), ...(body.language ? { language: body.language } : {}) });
      if (!known && body.clientId) await repo.rememberMessage(tx.db, { kiosk_id: kiosk.id, client_id: body.clientId, conversation_id: conversation.id, created_at: this.now() });
      const { message } = await chat.storeGuestMessage(tx, conversation, { text: body.text, ...(body.clientId ? { clientId: body.clientId } : {}) });
      return { conversationId: conversation.id, message: toApiMessage(message) };
    });
  }

  async calls(limit = 50): Promise<CallLogEntry[]> {
    return (await repo.listCalls(this.deps.db, limit)).map(toCallEntry);
  }
}

export function toCallEntry(row: KioskCallRow): CallLogEntry {
  const end = row.ended_at ? Date.parse(row.ended_at) : undefined;
  const answered = row.answered_at ? Date.parse(row.answered_at) : undefined;
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    kioskName: row.kiosk_name,
    startedAt: row.started_at,
    ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    ...(row.answered_by_id ? { answeredBy: { id: row.answered_by_id, name: row.answered_by_name ?? "" } } : {}),
    outcome: row.outcome,
    durationS: answered !== undefined && end !== undefined ? Math.max(0, Math.round((end - answered) / 1000)) : 0,
  };
}
