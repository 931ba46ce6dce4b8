// Bot API errors and small helpers shared by the emulator's parts.
import type { Message } from "node-telegram-bot-api";

export type Params = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}
export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);

export function nowS(): number {
  return Math.floor(Date.now() / 1000);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A reply_to_message never carries its own reply_to_message (as in Telegram). */
export function shallowReplyCopy(message: Message): Message {
  const copy = clone(message) as Message & { reply_to_message?: Message };
  delete copy.reply_to_message;
  return copy;
}
