import { Api, TelegramApiError, NetworkError, TimeoutError } from "node-telegram-bot-api";
import { DeliveryError } from "../outbox/index.js";

/** The Bot API client for the current token. Retries are ours (the outbox, the poller), not the library's. */
export class TelegramClient {
  private api: Api | undefined;
  private tokenValue: string | undefined;
  botUsername: string | undefined;

  constructor(private readonly apiRoot: string) {}

  get token() {
    return this.tokenValue;
  }

  use(token: string | undefined, botUsername?: string) {
    this.tokenValue = token;
    this.botUsername = botUsername;
    this.api = token ? TelegramClient.create(token, this.apiRoot) : undefined;
  }

  static create(token: string, apiRoot: string, timeoutMs = 15_000): Api {
    return new Api(token, { apiRoot, maxRetries: 0, timeoutMs, maxRetryAfterMs: 1 });
  }

  get current(): Api | undefined {
    return this.api;
  }

  require(): Api {
    if (!this.api) throw new DeliveryError("retry", "No Telegram bot token is set.");
    return this.api;
  }
}

/** Maps a Bot API failure onto the outbox's retry/permanent split. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof TelegramApiError) {
    if (err.errorCode === 429) return new DeliveryError("retry", err.description, Math.max(1, err.retryAfter ?? 1) * 1000);
    if (err.errorCode >= 500) return new DeliveryError("retry", `Telegram ${err.errorCode}: ${err.description}`);
    // 401/404: the token was revoked; keep the message until a working token is set.
    if (err.errorCode === 401 || err.errorCode === 404) return new DeliveryError("retry", `Telegram refused the bot token (${err.errorCode}).`);
    return new DeliveryError("permanent", `Telegram ${err.errorCode}: ${err.description}`);
  }
  if (err instanceof NetworkError || err instanceof TimeoutError) return new DeliveryError("retry", err.message);
  return new DeliveryError("retry", err instanceof Error ? err.message : String(err));
}

export function describeTelegramError(err: unknown): string {
  if (err instanceof TelegramApiError) return `Telegram answered ${err.errorCode}: ${err.description}`;
  if (err instanceof TimeoutError) return "Telegram did not answer in time";
  if (err instanceof NetworkError) return `Telegram could not be reached (${err.message})`;
  return err instanceof Error ? err.message : String(err);
}
