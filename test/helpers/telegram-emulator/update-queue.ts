// The update queue: updates are taken from telegram-test-api and kept until a getUpdates
// with a higher offset confirms them (negative offsets, limit, allowed_updates); getUpdates
// long polls (answers when an update arrives or the timeout passes; a newer getUpdates ends
// the waiting one with 409 Conflict; an outage or stop drops it).
import type { ServerResponse } from "node:http";
import type { Message, Update } from "node-telegram-bot-api";
import { KEY_FIELD, chatState, type EmulatorContext, type Outcome, type Waiter } from "./context.js";
import { intParam, jsonParam } from "./params.js";
import { ApiError, clone, type Params } from "./util.js";

export interface UpdateQueue {
  /** Takes what telegram-test-api holds for the bot into the queue (not after stop). */
  pullInProcess(): void;
  getUpdates(params: Params, res: ServerResponse): Promise<Outcome>;
}

export function createUpdateQueue(ctx: EmulatorContext): UpdateQueue {
  function updateType(update: Update): string {
    return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
  }

  function ingest(raw: Array<Record<string, unknown>>): void {
    let added = false;
    for (const item of raw) {
      const updateId = Number(item.update_id) + ctx.updateIdBase;
      let update: Update;
      if (item.message && typeof item.message === "object") {
        const m = { ...(item.message as Record<string, unknown>) };
        const key = typeof m[KEY_FIELD] === "string" ? (m[KEY_FIELD] as string) : undefined;
        delete m[KEY_FIELD];
        delete m.botToken;
        const message = m as unknown as Message;
        const chatId = message.chat?.id;
        if (typeof chatId === "number") chatState(ctx, chatId)?.messages.set(message.message_id, message);
        if (key) ctx.ingestedByKey.set(key, message);
        update = { update_id: updateId, message };
      } else if (item.callback_query) {
        update = { update_id: updateId, callback_query: item.callback_query } as Update;
      } else {
        continue;
      }
      if (updateId < ctx.confirmedOffset) continue;
      if (ctx.allowedUpdates && ctx.allowedUpdates.length > 0 && !ctx.allowedUpdates.includes(updateType(update))) continue;
      ctx.queue.push(update);
      added = true;
    }
    if (added) {
      ctx.queue.sort((a, b) => a.update_id - b.update_id);
      ctx.waiter?.finish("update");
    }
  }

  const pullInProcess = () => {
    if (!ctx.stopped) ingest(ctx.emu.getUpdates(ctx.token));
  };

  function applyOffset(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      ctx.queue = ctx.queue.filter((u) => u.update_id >= offset);
      ctx.confirmedOffset = Math.max(ctx.confirmedOffset, offset);
    } else {
      ctx.queue = ctx.queue.slice(offset);
      const first = ctx.queue[0];
      if (first) ctx.confirmedOffset = Math.max(ctx.confirmedOffset, first.update_id);
    }
  }

  /** getUpdates. Answers through `respond` (or destroys the connection), possibly later. */
  async function getUpdates(params: Params, res: ServerResponse): Promise<Outcome> {
    if (ctx.webhookUrl) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (ctx.waiter) {
      ctx.stats.conflicts++;
      ctx.waiter.finish("conflict");
    }
    const offset = intParam(params, "offset");
    const limit = Math.min(100, Math.max(1, intParam(params, "limit") ?? 100));
    const timeoutS = Math.min(600, Math.max(0, intParam(params, "timeout") ?? 0));
    const allowed = jsonParam<string[]>(params, "allowed_updates");
    if (Array.isArray(allowed)) ctx.allowedUpdates = allowed;

    // Anything telegram-test-api holds (e.g. sent through its own client routes).
    const pulled = await ctx.upstreamCall("getUpdates", {});
    if (pulled.ok && Array.isArray(pulled.result)) ingest(pulled.result as Array<Record<string, unknown>>);
    applyOffset(offset);
    const answer = () => ({ status: 200, body: { ok: true, result: clone(ctx.queue.slice(0, limit)) } });
    if (ctx.queue.length > 0 || timeoutS === 0) return answer();

    const reason = await new Promise<"update" | "timeout" | "conflict" | "abort" | "drop">((resolve) => {
      let done = false;
      const self: Waiter = {
        finish(why) {
          if (done) return;
          done = true;
          clearTimeout(timer);
          res.off("close", onClose);
          if (ctx.waiter === self) ctx.waiter = null;
          resolve(why);
        },
      };
      const timer = setTimeout(() => self.finish("timeout"), timeoutS * 1000);
      const onClose = () => self.finish("abort");
      res.on("close", onClose);
      ctx.waiter = self;
      if (ctx.stopped || ctx.outageMode) self.finish("drop");
    });
    if (reason === "conflict") {
      throw new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }
    if (reason === "abort") return "aborted";
    if (reason === "drop") return "dropped";
    return answer();
  }

  return { pullInProcess, getUpdates };
}
