import type { Update, Message as TgMessage } from "node-telegram-bot-api";
import { MessageText, withoutControlCharacters } from "@innbox/protocol";
import type { ChatService } from "../chat/index.js";
import { nowIso, type Db, type Transactions, type Tx } from "../db/index.js";
import type { Outbox } from "../outbox/index.js";
import type { TeamService } from "../team/index.js";
import { guestTexts, htmlToPlain, staffTexts } from "./bot-texts.js";
import { sha256 } from "../crypto/index.js";
import { telegramRepository as repo } from "./repository.js";
import type { TelegramPayload } from "./telegram-transport.js";

/** Scenarios staff may run from the bot (/run). */
export interface ScenarioCommands {
  /** Enabled scenarios with a manual trigger, read through `db` (the update's transaction). */
  manual(db: Db): Promise<Array<{ id: string; name: string }>>;
  /** Starts a run; its id at once. */
  start(id: string): string;
}

export interface UpdateHandlerDeps {
  scenarios?: ScenarioCommands | undefined;
  chat: ChatService;
  team: TeamService;
  outbox: Outbox;
  transactions: Transactions;
  clock: () => number;
}

// Telegram names may hold anything; the pages and relays show them, so text-direction tricks go.
const fullName = (m: TgMessage) =>
  withoutControlCharacters([m.from?.first_name, m.from?.last_name].filter(Boolean).join(" ")).trim() || m.from?.username || "Telegram guest";

function kindOf(update: Update): string {
  const keys = Object.keys(update).filter((k) => k !== "update_id");
  return keys[0] ?? "unknown";
}

/**
 * Stores one update and everything it causes (messages, links, bot answers in the
 * outbox) in one transaction, together with the next offset. So an update is either
 * wholly stored and confirmed, or not at all and fetched again.
 */
export async function handleUpdate(deps: UpdateHandlerDeps, update: Update): Promise<void> {
  await deps.transactions.run(async (tx) => {
    const at = nowIso(deps.clock);
    const fresh = await repo.recordUpdate(tx.db, update.update_id, kindOf(update), at);
    await repo.putState(tx.db, "offset", String(update.update_id + 1));
    if (!fresh) return;
    const message = "message" in update ? update.message : undefined;
    if (!message || message.chat.type !== "private" || !message.from || message.from.is_bot) return;
    const chatId = String(message.chat.id);
    const send = (text: string, replyTo?: number) => enqueue(deps, tx, { chatId, text, ...(replyTo ? { replyTo } : {}) });

    const text = message.text;
    const startCode = text?.match(/^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/);
    if (startCode?.[1]) {
      await linkStaff(deps, tx, message, startCode[1], send);
      return;
    }

    const link = await repo.staffByChat(tx.db, chatId);
    const member = link ? await deps.team.get(link.member_id, tx.db) : undefined;
    if (member && !member.deleted) {
      await handleStaffMessage(deps, tx, message, member, send);
      return;
    }
    await handleGuestMessage(deps, tx, message, update.update_id, send, Boolean(startCode));
  });
}

async function enqueue(deps: UpdateHandlerDeps, tx: Tx, payload: TelegramPayload) {
  await deps.outbox.enqueue(tx, [{ transport: "telegram", chatKey: `tg:${payload.chatId}`, payload }]);
}

async function linkStaff(deps: UpdateHandlerDeps, tx: Tx, message: TgMessage, code: string, send: (t: string) => Promise<void>) {
  const chatId = String(message.chat.id);
  const at = nowIso(deps.clock);
  const row = await repo.findCode(tx.db, sha256(code));
  const member = row ? await deps.team.get(row.member_id, tx.db) : undefined;
  if (!row || row.used_at || row.expires_at <= at || !member || member.deleted) {
    await send(staffTexts.unknownCode);
    return;
  }
  const existing = await repo.staffByChat(tx.db, chatId);
  if (existing && existing.member_id !== member.id) {
    const holder = await deps.team.get(existing.member_id, tx.db);
    if (holder && !holder.deleted) {
      await send(staffTexts.alreadyLinkedElsewhere);
      return;
    }
    await repo.unlinkStaff(tx.db, existing.member_id);
  }
  await repo.useCode(tx.db, row.code_hash, at);
  await repo.linkStaff(tx.db, { member_id: member.id, chat_id: chatId, telegram_name: fullName(message), linked_at: at });
  await send(staffTexts.linked(member.name, deps.chat.propertyDisplayName || "your property"));
}

async function handleStaffMessage(
  deps: UpdateHandlerDeps,
  tx: Tx,
  message: TgMessage,
  member: { id: string; name: string },
  send: (t: string, replyTo?: number) => Promise<void>,
) {
  const { chat } = deps;
  const text = message.text;
  if (text === undefined) {
    await send(staffTexts.onlyTextStaff, message.message_id);
    return;
  }
  const command = text.match(/^\/(\w+)(?:@\w+)?\b/)?.[1]?.toLowerCase();
  if (command && !message.reply_to_message) {
    if (command === "onduty" || command === "offduty") {
      const onDuty = command === "onduty";
      await chat.setMemberDuty(member.id, onDuty, tx.db);
      await send(onDuty ? staffTexts.onDuty(chat.withinHours()) : staffTexts.offDuty);
    } else if (command === "status") {
      await send(staffTexts.status(chat.memberDutySwitch(member.id), chat.withinHours()));
    } else if (command === "run" && deps.scenarios) {
      await runScenario(deps.scenarios, tx, text.replace(/^\/\w+(?:@\w+)?/, "").trim(), send);
    } else {
      await send(staffTexts.help);
    }
    return;
  }
  const replyTo = message.reply_to_message;
  if (!replyTo) {
    await send(staffTexts.replyNeeded, message.message_id);
    return;
  }
  const relay = (await repo.findRelay(tx.db, String(message.chat.id), replyTo.message_id)) ?? (await recogniseRelay(deps, tx, message));
  if (!relay) {
    await send(staffTexts.notARelay, message.message_id);
    return;
  }
  const parsed = MessageText.safeParse(text);
  if (!parsed.success) {
    await send(parsed.error.issues[0]?.message ?? "That text cannot be sent.", message.message_id);
    return;
  }
  const conversation = await chat.getConversation(relay.conversation_id, tx.db);
  await chat.storeStaffMessage(tx, conversation, { id: member.id, name: member.name }, { text: parsed.data, clientId: `tg-${message.chat.id}-${message.message_id}` });
}

/** `/run` lists the scenarios staff may start, numbered; `/run 2` or `/run Name` starts one. */
async function runScenario(scenarios: ScenarioCommands, tx: Tx, which: string, send: (t: string) => Promise<void>) {
  const list = await scenarios.manual(tx.db);
  if (!which) {
    await send(list.length ? staffTexts.runList(list.map((s) => s.name)) : staffTexts.runNone);
    return;
  }
  const byNumber = /^\d+$/.test(which) ? list[Number(which) - 1] : undefined;
  const wanted = which.toLocaleLowerCase();
  const chosen = byNumber ?? list.find((s) => s.name.toLocaleLowerCase() === wanted) ?? list.find((s) => s.name.toLocaleLowerCase().startsWith(wanted));
  if (!chosen) {
    await send(staffTexts.runUnknown(which));
    return;
  }
  scenarios.start(chosen.id);
  await send(staffTexts.runStarted(chosen.name));
}

async function handleGuestMessage(
  deps: UpdateHandlerDeps,
  tx: Tx,
  message: TgMessage,
  updateId: number,
  send: (t: string, replyTo?: number) => Promise<void>,
  isStart: boolean,
) {
  const { chat } = deps;
  const chatId = String(message.chat.id);
  const language = message.from?.language_code;
  const texts = guestTexts(language);
  if (isStart) {
    await send(texts.welcome(chat.propertyDisplayName || "our property"));
    return;
  }
  const parsed = message.text === undefined ? undefined : MessageText.safeParse(message.text);
  if (!parsed?.success) {
    await send(parsed ? (parsed.error.issues[0]?.message ?? texts.onlyText) : texts.onlyText, message.message_id);
    return;
  }
  const conversation =
    (await chat.findTelegramConversation(tx.db, chatId)) ??
    (await chat.createTelegramConversation(tx, { chatId, name: fullName(message), ...(language ? { language } : {}) }));
  await chat.storeGuestMessage(tx, conversation, { text: parsed.data, clientId: `tg-${updateId}` });
}

/**
 * A reply to a relay whose message id was never recorded: the box died after Telegram took
 * the message but before the answer was stored. The replied-to text identifies it among
 * what the outbox sent to this chat (a relay carrying several messages of one guest starts
 * like each of them and quotes each); the mapping is then recorded for next time.
 */
async function recogniseRelay(deps: UpdateHandlerDeps, tx: Tx, message: TgMessage) {
  const replyTo = message.reply_to_message;
  if (!replyTo?.text || !replyTo.from?.is_bot) return undefined;
  const chatId = String(message.chat.id);
  const replied = replyTo.text.trim();
  const carries = (payload: TelegramPayload) => {
    const plain = htmlToPlain(payload.text);
    if (plain === replied) return true;
    const firstLine = plain.split("\n", 1)[0]!;
    // A shortened quote keeps at least its first thousand characters.
    return payload.quote !== undefined && replied.startsWith(`${firstLine}\n`) && replied.includes(payload.quote.text.trim().slice(0, 1000));
  };
  for (const item of await deps.outbox.recent<TelegramPayload>(`tg:${chatId}`, 5000, tx.db)) {
    const relay = item.payload.relay;
    if (!relay || !carries(item.payload)) continue;
    const row = { chat_id: chatId, message_id: replyTo.message_id, conversation_id: relay.conversationId, chat_message_id: relay.messageId, created_at: nowIso(deps.clock) };
    await repo.insertRelay(tx.db, row);
    return row;
  }
  return undefined;
}
