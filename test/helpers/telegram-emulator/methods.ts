// The Bot API methods: sendMessage, editMessageText, deleteMessage, getUpdates (from the
// update queue) and the rest, answered like Telegram (errors thrown as ApiError).
import type { ServerResponse } from "node:http";
import type { Message } from "node-telegram-bot-api";
import { chatState, type ChatState, type EmulatorContext, type Outcome } from "./context.js";
import { boolParam, intParam, jsonParam, stringParam } from "./params.js";
import { renderText } from "./text.js";
import type { SentMessage } from "./types.js";
import type { UpdateQueue } from "./update-queue.js";
import { ApiError, badRequest, clone, nowS, shallowReplyCopy, type Params } from "./util.js";

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

export type Dispatch = (method: string, params: Params, res: ServerResponse) => Promise<Outcome>;

export function createMethods(
  ctx: EmulatorContext,
  deps: { checkLimits: (chatId: number) => void; getUpdates: UpdateQueue["getUpdates"] },
): Dispatch {
  const { checkLimits, getUpdates } = deps;
  let commands: unknown[] = [];

  function requireChat(params: Params): ChatState {
    const raw = params.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const chatId = typeof raw === "number" ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
    if (!Number.isFinite(chatId)) throw badRequest("chat not found");
    const state = chatState(ctx, chatId);
    if (!state) throw badRequest("chat not found");
    const u = chatId > 0 ? ctx.users.get(chatId) : undefined;
    if (u && u.blocked) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (u && !u.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return state;
  }

  async function sendMessage(params: Params): Promise<Message> {
    const state = requireChat(params);
    const chatId = state.chat.id;
    const rawText = stringParam(params, "text");
    const parseMode = stringParam(params, "parse_mode");
    const parsed = renderText(rawText, parseMode);
    const replyParams = jsonParam<{ message_id?: number; chat_id?: number | string; allow_sending_without_reply?: boolean }>(params, "reply_parameters");
    const replyToId = replyParams?.message_id ?? intParam(params, "reply_to_message_id");
    const allowWithout = replyParams?.allow_sending_without_reply === true || boolParam(params, "allow_sending_without_reply");
    let replyTo: Message | undefined;
    if (replyToId !== undefined) {
      replyTo = state.messages.get(Number(replyToId));
      if (!replyTo && !allowWithout) throw badRequest("message to be replied not found");
    }
    const replyMarkup = jsonParam<Record<string, unknown>>(params, "reply_markup");
    checkLimits(chatId);

    // Forward to telegram-test-api: it records the message and assigns its message_id.
    const forwarded = await ctx.upstreamCall("sendMessage", { ...params, chat_id: chatId, text: rawText });
    const upstreamMessage = forwarded.result as { message_id?: number } | undefined;
    if (!forwarded.ok || typeof upstreamMessage?.message_id !== "number") {
      throw new ApiError(500, `Internal Server Error: upstream ${forwarded.description ?? "failed"}`);
    }
    const message: Message = {
      message_id: upstreamMessage.message_id,
      from: { ...ctx.botUser },
      chat: { ...state.chat },
      date: nowS(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    if (replyTo) message.reply_to_message = shallowReplyCopy(replyTo);
    if (replyMarkup && "inline_keyboard" in replyMarkup) (message as { reply_markup?: unknown }).reply_markup = replyMarkup;

    state.messages.set(message.message_id, message);
    state.botMessages.push(message);
    const record: SentMessage = {
      chatId,
      text: parsed.text,
      rawText: rawText ?? "",
      at: Date.now(),
      messageId: message.message_id,
      message: clone(message),
    };
    if (parseMode) record.parseMode = parseMode;
    if (replyTo) record.replyToMessageId = replyTo.message_id;
    ctx.sent.push(record);
    for (const listener of [...state.listeners]) listener();
    return clone(message);
  }

  async function editMessageText(params: Params): Promise<Message | true> {
    if (params.inline_message_id !== undefined) {
      renderText(stringParam(params, "text"), stringParam(params, "parse_mode"));
      return true;
    }
    const chatIdRaw = intParam(params, "chat_id");
    if (chatIdRaw === undefined) throw badRequest("chat_id is empty");
    const state = chatState(ctx, chatIdRaw);
    if (!state) throw badRequest("chat not found");
    const messageId = intParam(params, "message_id");
    if (messageId === undefined) throw badRequest("message identifier is not specified");
    const message = state.messages.get(messageId);
    if (!message) throw badRequest("message to edit not found");
    if (message.from?.id !== ctx.botId) throw badRequest("message can't be edited");
    const rawText = stringParam(params, "text");
    const parsed = renderText(rawText, stringParam(params, "parse_mode"));
    const replyMarkup = jsonParam<Record<string, unknown>>(params, "reply_markup");
    const current = message;
    if (
      current.text === parsed.text &&
      JSON.stringify(current.entities ?? []) === JSON.stringify(parsed.entities) &&
      (replyMarkup === undefined || JSON.stringify((current as { reply_markup?: unknown }).reply_markup) === JSON.stringify(replyMarkup))
    ) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    await ctx.upstreamCall("editMessageText", { ...params, chat_id: chatIdRaw, message_id: messageId }).catch(() => undefined);
    current.text = parsed.text;
    if (parsed.entities.length) current.entities = parsed.entities;
    else delete current.entities;
    if (replyMarkup && "inline_keyboard" in replyMarkup) (current as { reply_markup?: unknown }).reply_markup = replyMarkup;
    current.edit_date = nowS();
    ctx.edits.push({ chatId: chatIdRaw, messageId, text: parsed.text, rawText: rawText ?? "", at: Date.now() });
    for (const listener of [...state.listeners]) listener();
    return clone(current);
  }

  function deleteMessage(params: Params): true {
    const chatId = intParam(params, "chat_id");
    const messageId = intParam(params, "message_id");
    const state = chatId === undefined ? undefined : chatState(ctx, chatId);
    if (!state) throw badRequest("chat not found");
    if (messageId === undefined || !state.messages.has(messageId)) throw badRequest("message to delete not found");
    state.messages.delete(messageId);
    state.botMessages = state.botMessages.filter((m) => m.message_id !== messageId);
    return true;
  }

  async function dispatch(method: string, params: Params, res: ServerResponse): Promise<Outcome> {
    const ok = (result: unknown, description?: string) => ({ status: 200, body: description ? { ok: true, result, description } : { ok: true, result } });
    switch (method) {
      case "getUpdates":
        return getUpdates(params, res);
      case "getMe":
        return ok({ ...ctx.botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false });
      case "sendMessage":
        return ok(await sendMessage(params));
      case "editMessageText":
        return ok(await editMessageText(params));
      case "deleteMessage":
        return ok(deleteMessage(params));
      case "sendChatAction": {
        requireChat(params);
        const action = stringParam(params, "action");
        if (!action || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
        return ok(true);
      }
      case "setMyCommands": {
        const list = jsonParam<unknown[]>(params, "commands");
        if (!Array.isArray(list)) throw badRequest("parameter \"commands\" is required");
        for (const c of list) {
          const cmd = c as { command?: unknown; description?: unknown };
          if (typeof cmd.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(cmd.command)) throw badRequest("BOT_COMMAND_INVALID");
          if (typeof cmd.description !== "string" || cmd.description.length < 1 || cmd.description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        commands = clone(list);
        return ok(true);
      }
      case "getMyCommands":
        return ok(clone(commands));
      case "deleteMyCommands":
        commands = [];
        return ok(true);
      case "deleteWebhook": {
        const had = ctx.webhookUrl !== "";
        ctx.webhookUrl = "";
        if (boolParam(params, "drop_pending_updates")) {
          const last = ctx.queue[ctx.queue.length - 1];
          if (last) ctx.confirmedOffset = Math.max(ctx.confirmedOffset, last.update_id + 1);
          ctx.queue = [];
        }
        await ctx.upstreamCall("deleteWebhook", {}).catch(() => undefined);
        return ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
      }
      case "setWebhook": {
        const url = stringParam(params, "url") ?? "";
        ctx.webhookUrl = url;
        return ok(true, url ? "Webhook was set" : "Webhook was deleted");
      }
      case "getWebhookInfo":
        return ok({ url: ctx.webhookUrl, has_custom_certificate: false, pending_update_count: ctx.queue.length });
      case "getChat": {
        const state = requireChat(params);
        return ok({ ...state.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } });
      }
      case "answerCallbackQuery":
      case "logOut":
      case "close":
      case "setMyName":
      case "setMyDescription":
      case "setMyShortDescription":
      case "setChatMenuButton":
        return ok(true);
      default:
        throw badRequest(`method ${method} is not supported by the test emulator`);
    }
  }

  return dispatch;
}
