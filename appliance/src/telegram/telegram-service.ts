import type { Logger } from "pino";
import type { TelegramSettings } from "@innbox/protocol";
import type { ChatService } from "../chat/index.js";
import type { Db, Transactions, Tx } from "../db/index.js";
import type { EventBus } from "../events/index.js";
import { AppError } from "../http/index.js";
import type { Outbox } from "../outbox/index.js";
import type { TeamService } from "../team/index.js";
import type { TimerHandle, Timers } from "../time/index.js";
import { escapeHtml, staffTexts } from "./bot-texts.js";
import { createLinkCode } from "./links.js";
import { Poller } from "./poller.js";
import { RelayPlanner } from "./relay-planner.js";
import { telegramRepository as repo } from "./repository.js";
import { describeTelegramError, TelegramClient } from "./telegram-client.js";
import { telegramTransport, type TelegramLimits } from "./telegram-transport.js";
import { handleUpdate, type ScenarioCommands } from "./update-handler.js";
import { telegramTexts } from "./messages.js";

export interface TelegramDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  timers: Timers;
  transactions: Transactions;
  chat: ChatService;
  team: TeamService;
  outbox: Outbox;
  configToken: string | undefined;
  apiRoot: string;
  pollTimeoutS: number;
  limits: TelegramLimits;
  /** The base of links (publicUrl), known once the app listens. */
  publicUrl: () => string;
  /** What /run may start (the scenarios capability, forwarded by the app). */
  scenarios?: ScenarioCommands;
}

export class TelegramService {
  private readonly client: TelegramClient;
  private readonly planner: RelayPlanner;
  private readonly poller: Poller;
  private lastError: string | null = null;
  private source: TelegramSettings["source"] = "none";
  private unsubscribe: Array<() => void> = [];
  private identifyTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: TelegramDeps) {
    this.client = new TelegramClient(deps.apiRoot);
    this.planner = new RelayPlanner({
      db: deps.db,
      chat: deps.chat,
      team: deps.team,
      outbox: deps.outbox,
      transactions: deps.transactions,
      timers: deps.timers,
      log: deps.log,
      messengerUrl: (id) => this.messengerUrl(id),
    });
    this.poller = new Poller({
      db: deps.db,
      client: this.client,
      log: deps.log,
      timers: deps.timers,
      pollTimeoutS: deps.pollTimeoutS,
      handle: (update) => handleUpdate({ scenarios: deps.scenarios, chat: deps.chat, team: deps.team, outbox: deps.outbox, transactions: deps.transactions, clock: deps.clock }, update),
      onStatus: (error) => (this.lastError = error),
    });
  }

  get relayPlanner() {
    return this.planner;
  }

  /** The conversation in the admin page's Team Messenger. */
  private messengerUrl(conversationId: string): string | null {
    const base = this.deps.publicUrl().replace(/\/$/, "");
    return base ? `${base}/admin/messenger/${encodeURIComponent(conversationId)}` : null;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const { deps } = this;
    deps.outbox.register(telegramTransport({ db: deps.db, client: this.client, chat: deps.chat, clock: deps.clock, limits: deps.limits }));
    await this.planner.initCursor();
    this.unsubscribe.push(this.deps.bus.on("chat.messageStored", () => this.planner.schedule()));
    this.unsubscribe.push(
      this.deps.bus.on("team.memberDeleted", async ({ memberId }) => {
        await repo.unlinkStaff(this.deps.db, memberId);
      }),
    );
    void this.planner.kick();
  }

  /** Once the server listens and has said where: the bot starts talking to Telegram. */
  async serving(): Promise<void> {
    if (this.stopped) return;
    const adminToken = await repo.getState(this.deps.db, "token");
    const token = adminToken ?? this.deps.configToken;
    this.source = adminToken ? "admin" : this.deps.configToken ? "config" : "none";
    if (token) await this.activate(token, await repo.getState(this.deps.db, "botUsername"));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.timers.clearTimeout(this.identifyTimer);
    this.deps.outbox.unregister("telegram");
    for (const off of this.unsubscribe.splice(0)) off();
    this.planner.cancel();
    await this.poller.stop();
    await this.planner.kick().catch(() => undefined);
  }

  /** Uses a token: sends and polls at once; learns the bot's username in the background if offline. */
  private async activate(token: string, knownUsername?: string): Promise<void> {
    await this.poller.stop();
    this.client.use(token, knownUsername);
    this.poller.start();
    this.deps.outbox.kick();
    if (!knownUsername) void this.identify(token);
  }

  private async identify(token: string, attempt = 0): Promise<void> {
    try {
      const me = await TelegramClient.create(token, this.deps.apiRoot).getMe();
      if (this.client.token !== token) return;
      this.client.botUsername = me.username;
      await repo.putState(this.deps.db, "botUsername", me.username ?? "");
      this.deps.log.info(`telegram: bot @${me.username} is ready`);
    } catch (err) {
      this.lastError = describeTelegramError(err);
      if (this.stopped || this.client.token !== token) return;
      const wait = Math.min(5000 * 2 ** attempt, 300_000);
      this.identifyTimer = this.deps.timers.setTimeout(() => void this.identify(token, attempt + 1), wait);
    }
  }

  status(): TelegramSettings {
    return {
      configured: this.client.token !== undefined,
      source: this.source,
      botUsername: this.client.botUsername ?? null,
      polling: this.client.token !== undefined && this.lastError === null,
      lastError: this.lastError,
      configToken: this.deps.configToken !== undefined,
    };
  }

  async setToken(token: string | null): Promise<TelegramSettings> {
    if (token === null) {
      await repo.putState(this.deps.db, "token", null);
      await repo.putState(this.deps.db, "botUsername", null);
      await this.poller.stop();
      this.source = this.deps.configToken ? "config" : "none";
      this.client.use(undefined);
      if (this.deps.configToken) await this.activate(this.deps.configToken);
      return this.status();
    }
    let username: string | undefined;
    try {
      const me = await TelegramClient.create(token, this.deps.apiRoot, 10_000).getMe();
      username = me.username;
    } catch (err) {
      const message = describeTelegramError(err);
      if (/answered 40[14]/.test(message)) throw AppError.badRequest(telegramTexts.tokenRefused, [{ field: "token", message: telegramTexts.tokenRefusedField }]);
      throw new AppError(502, telegramTexts.tokenUncheckable(message));
    }
    const changed = token !== this.client.token;
    await repo.putState(this.deps.db, "token", token);
    await repo.putState(this.deps.db, "botUsername", username ?? "");
    if (changed) await repo.putState(this.deps.db, "offset", null);
    this.source = "admin";
    this.lastError = null;
    await this.activate(token, username);
    this.deps.log.info(`telegram: bot token set in the admin page (@${username})`);
    return this.status();
  }

  async createLink(memberId: string) {
    await this.deps.team.require(memberId);
    if (!this.client.botUsername) throw AppError.conflict(telegramTexts.botNotSetUp);
    return createLinkCode(this.deps.db, memberId, this.client.botUsername, this.deps.clock);
  }

  async linkStatus(memberId: string) {
    await this.deps.team.require(memberId);
    const link = await repo.staffByMember(this.deps.db, memberId);
    return { linked: Boolean(link), telegramName: link?.telegram_name ?? null, linkedAt: link?.linked_at ?? null };
  }

  async unlink(memberId: string) {
    await repo.unlinkStaff(this.deps.db, memberId);
  }

  /** A scenario's message (or a failed run's alert) to every linked staff member on duty; false if nobody is. */
  async notifyStaff(text: string): Promise<boolean> {
    if (!this.client.current) return false;
    return this.deps.transactions.run(async (tx) => {
      const staff = await this.planner.staffOnDuty(tx.db);
      if (!staff.length) return false;
      await this.deps.outbox.enqueue(
        tx,
        staff.map((s) => ({ transport: "telegram", chatKey: `tg:${s.chatId}`, payload: { chatId: s.chatId, text: escapeHtml(text) } })),
      );
      return true;
    });
  }

  /** Unanswered alert: a message to every linked staff member on duty; false if nobody is. */
  async alertUnanswered(tx: Tx, input: { conversationId: string; messageId: string; guestName: string; tag: string | null; minutes: number; text: string }): Promise<boolean> {
    if (!this.client.current) return false;
    const staff = await this.planner.staffOnDuty(tx.db);
    if (!staff.length) return false;
    await this.deps.outbox.enqueue(
      tx,
      staff.map((s) => ({
        transport: "telegram",
        chatKey: `tg:${s.chatId}`,
        payload: {
          chatId: s.chatId,
          text: staffTexts.alert(input, this.messengerUrl(input.conversationId)),
          relay: { conversationId: input.conversationId, messageId: input.messageId, markDelivered: false },
        },
      })),
    );
    return true;
  }
}
