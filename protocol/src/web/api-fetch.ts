// Zod-free, for the pages: one JSON request to the appliance (same origin) and its
// refusal as an ApiError. `import { apiFetch, ApiError } from "@innbox/protocol/web/api-fetch"`.
import type { ErrorBody } from "../common.js";

/** One wrong field of a 400: `field` is the appliance's name for it (e.g. `slug`, `weekly.mon.0.from`). */
export type ErrorDetail = NonNullable<ErrorBody["details"]>[number];

/** An answer the appliance refused (4xx/5xx), or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The request never got an answer: the network (or the appliance) is down. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export interface ApiRequest {
  method: string;
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  credentials?: RequestCredentials;
  cache?: RequestCache;
}

/** The sentences a page shows for failures the appliance did not word itself. */
export interface ApiWords {
  /** No answer at all; by default the browser's own words. */
  network?: string;
  /** A refusal without the appliance's error body (a proxy's page, a crash). */
  unexpected?: (status: number) => string;
}

/** Sends `request`; resolves with the JSON answer (undefined for 204), or throws ApiError. */
export async function apiFetch<T>(request: ApiRequest, words: ApiWords = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method,
      headers,
      credentials: request.credentials ?? "same-origin",
      ...(request.cache ? { cache: request.cache } : {}),
      body: request.body === undefined ? null : JSON.stringify(request.body),
    });
  } catch (error) {
    throw new ApiError(0, words.network ?? (error instanceof Error ? error.message : "network error"));
  }
  if (response.status === 204) return undefined as T;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  if (response.ok) return payload as T;
  if (!isErrorBody(payload)) throw new ApiError(response.status, words.unexpected?.(response.status) ?? `HTTP ${response.status}`);
  throw new ApiError(response.status, payload.error, payload.details ?? []);
}

function isErrorBody(payload: unknown): payload is ErrorBody {
  return typeof payload === "object" && payload !== null && typeof (payload as ErrorBody).error === "string";
}
