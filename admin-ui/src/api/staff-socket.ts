// The live feed of the team's conversations: socket.io namespace /staff on the same
// origin, signed in by the session cookie.
import type { ConversationListItem, StaffSocketMessage } from "@innbox/protocol";
import { io } from "socket.io-client";

export interface DeliveredEvent {
  conversationId: string;
  ids: string[];
  deliveredAt: string;
}

export interface StaffSocketHandlers {
  /** Connected, the first time or again after a drop. */
  connected(): void;
  /**
   * The connection dropped or could not be made. `willRetry` is false when the appliance
   * refused it (no session): socket.io then waits for `retry()`.
   */
  disconnected(willRetry: boolean): void;
  message(event: StaffSocketMessage): void;
  conversation(item: ConversationListItem): void;
  delivered(event: DeliveredEvent): void;
}

export interface StaffSocket {
  /** Try to connect now (no-op while connected or already trying). */
  retry(): void;
  close(): void;
}

export function connectStaffSocket(handlers: StaffSocketHandlers): StaffSocket {
  const socket = io("/staff", {
    path: "/socket.io",
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 5_000,
  });
  socket.on("connect", () => handlers.connected());
  socket.on("connect_error", () => handlers.disconnected(socket.active));
  socket.on("disconnect", (reason) => {
    if (reason === "io client disconnect") return;
    handlers.disconnected(socket.active);
  });
  socket.on("message", (event: StaffSocketMessage) => handlers.message(event));
  socket.on("conversation", (item: ConversationListItem) => handlers.conversation(item));
  socket.on("delivered", (event: DeliveredEvent) => handlers.delivered(event));
  return {
    retry() {
      if (!socket.connected && !socket.active) socket.connect();
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
