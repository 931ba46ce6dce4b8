// The shapes the chat controller shows to the page and takes from it, and what its parts
// (the outbox, the duty and email state, the connection) share with it.
import type { ChatMessage, GuestConversationInfo } from "@innbox/protocol";
import type { ChatApi, Duty } from "../api/guest-api";
import type { GuestRecord, KeyValueStore, QueuedMessage } from "./guest-storage";
import type { GuestSocketFactory } from "./guest-socket";

export type OutgoingStatus = "sending" | "queued" | "failed";

/** A message the guest typed that the appliance has not stored yet. */
export interface OutgoingMessage extends QueuedMessage {
  status: OutgoingStatus;
}

export interface ChatState {
  /** Stored messages, oldest first. */
  messages: readonly ChatMessage[];
  /** Typed but not stored yet, in the order they will be sent. */
  outgoing: readonly OutgoingMessage[];
  /** Whether a conversation exists (it is created when the guest first sends). */
  hasConversation: boolean;
  /** True until the stored conversation's history has been asked for. */
  loading: boolean;
  info: GuestConversationInfo | null;
  /**
   * Whether someone is on duty: the conversation's answer once it exists, the property's
   * before (and until the new conversation's first answer); null while a stored one loads.
   */
  duty: Duty | null;
  /** The guest's name: the conversation's, or the one typed before it existed. */
  name: string;
  /** Where answers also go by email: the one saved but not stored yet, or the conversation's. */
  email: string | null;
  /** An email the appliance refused (it was saved before the conversation existed). */
  emailRefused: string | null;
  offline: boolean;
}

/** Whether the browser thinks it has a network, and when that changes or the page comes back. */
export interface NetworkWatch {
  isOnline(): boolean;
  subscribe(onChange: (online: boolean) => void, onResume: () => void): () => void;
}

export interface ChatControllerDeps {
  slug: string;
  tag?: string;
  language: string;
  api: ChatApi;
  store: KeyValueStore;
  connectSocket: GuestSocketFactory;
  network: NetworkWatch;
  /** What the property said about duty when the page loaded. */
  duty?: Duty;
  newId?: () => string;
  now?: () => Date;
}

/** What the controller's parts share with it: its deps, the guest's record, and telling the page. */
export interface ChatContext {
  readonly deps: ChatControllerDeps;
  /** The same object for the controller's whole life; its fields change. */
  readonly record: GuestRecord;
  isStopped(): boolean;
  /** Writes the record to the store. */
  save(): void;
  /** Tells the page the state changed. */
  changed(): void;
}

/** How a request to the appliance went: it decides the offline flag, and a 401 starts afresh. */
export interface RequestOutcome {
  answered(): void;
  failedRequest(error: unknown, token?: string): void;
}
