// The conversation's live socket, and whether the page is offline: no network, a request
// that could not reach the appliance, or the socket down.
import type { ChatMessage } from "@innbox/protocol";
import { ApiError } from "../api/guest-api";
import type { ChatContext, RequestOutcome } from "./chat-types";
import type { GuestSocket } from "./guest-socket";
import { announceReservation } from "../reservation/reservation-signal";

const SOCKET_RETRY_MS = 5_000;

export interface ConnectionHost extends ChatContext {
  /** Whatever happened while we were away: fetch it, then send what waited. */
  refresh(): Promise<void>;
  refreshInfo(): Promise<void>;
  receive(messages: readonly ChatMessage[]): void;
  delivered(event: { id: string; deliveredAt: string }): void;
  /** The token stopped working: start a fresh conversation with the next message. */
  dropConversation(): void;
}

export class Connection implements RequestOutcome {
  private browserOnline: boolean;
  private requestFailed = false;
  private socketDown = false;
  private socket: GuestSocket | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ConnectionHost) {
    this.browserOnline = host.deps.network.isOnline();
  }

  isOnline(): boolean {
    return this.browserOnline;
  }

  get offline(): boolean {
    return !this.browserOnline || this.requestFailed || this.socketDown;
  }

  openSocket(token: string): void {
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.socket = this.host.deps.connectSocket(token, {
      connected: () => {
        this.socketDown = false;
        this.requestFailed = false;
        this.host.changed();
        // Whatever happened while we were away: fetch it, then send what waited.
        void this.host.refresh();
      },
      disconnected: (willRetry) => {
        this.socketDown = true;
        this.host.changed();
        if (willRetry) return;
        // The server refuses the socket of a token it no longer accepts: ask over HTTP
        // (a 401 starts afresh), otherwise try the socket again in a while.
        const socket = this.socket;
        void this.host.refreshInfo().then(() => {
          if (socket && socket === this.socket) this.reconnectTimer = setTimeout(() => socket.reconnect(), SOCKET_RETRY_MS);
        });
      },
      message: (message) => this.host.receive([message]),
      delivered: (event) => this.host.delivered(event),
      reservation: (reservation) => announceReservation(reservation),
    });
  }

  /** Closes the socket for good (the conversation was dropped, or the page stops). */
  closeSocket(): void {
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.socket = undefined;
    this.socketDown = false;
  }

  /** The browser's network came or went (the caller tells the page). */
  networkChanged(online: boolean): void {
    this.browserOnline = online;
    if (online) this.requestFailed = false;
  }

  /** Try the socket now (no-op while connected). */
  reconnect(): void {
    this.socket?.reconnect();
  }

  answered(): void {
    if (!this.requestFailed) return;
    this.requestFailed = false;
    this.host.changed();
  }

  failedRequest(error: unknown, token?: string): void {
    if (error instanceof ApiError && error.status === 401) {
      if (token === undefined || token === this.host.record.token) this.host.dropConversation();
      return;
    }
    if (!(error instanceof ApiError) || error.offline) {
      this.requestFailed = true;
      this.host.changed();
    }
  }
}
