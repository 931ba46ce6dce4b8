// The live feed of the team's conversations: socket.io namespace /staff on the same
// origin, signed in by the session cookie.
import type { ConversationListItem, StaffSocketMessage } from "@innbox/protocol";
import { SOCKET_OPTIONS, watchSocket, type ConnectionHandlers, type SocketConnection } from "@innbox/protocol/web/socket-connection";
import { io } from "socket.io-client";

export interface DeliveredEvent {
  conversationId: string;
  ids: string[];
  deliveredAt: string;
}

export interface StaffSocketHandlers extends ConnectionHandlers {
  message(event: StaffSocketMessage): void;
  conversation(item: ConversationListItem): void;
  delivered(event: DeliveredEvent): void;
}

export type StaffSocket = SocketConnection;

export function connectStaffSocket(handlers: StaffSocketHandlers): StaffSocket {
  const socket = io("/staff", { ...SOCKET_OPTIONS, withCredentials: true });
  return watchSocket(socket, handlers, {
    message: (event: StaffSocketMessage) => handlers.message(event),
    conversation: (item: ConversationListItem) => handlers.conversation(item),
    delivered: (event: DeliveredEvent) => handlers.delivered(event),
  });
}
