import type { Server } from "socket.io";
import { SendMessageBody } from "@innbox/protocol";
import { AppError } from "../http/index.js";
import { toApiMessage, toListItem, type ChatPublisher, type ChatService } from "./chat-service.js";
import { sendAsGuest } from "./guest-routes.js";
import { guardStaffSockets, type StaffGuard, type StaffSessions } from "./staff-sessions.js";

const STAFF_ROOM = "staff";
const room = (conversationId: string) => `c:${conversationId}`;

/**
 * The /guest and /staff socket.io namespaces of the contract, the publisher that feeds them,
 * and the guard that disconnects staff whose session ended.
 */
export function attachChatSockets(io: Server, deps: { chat: ChatService; staffSessions: StaffSessions }): { publisher: ChatPublisher; staffGuard: StaffGuard } {
  const { chat } = deps;
  const guests = io.of("/guest");
  const staff = io.of("/staff");

  guests.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    chat
      .conversationForToken(typeof token === "string" ? token : undefined)
      .then((conversationId) => {
        socket.data.conversationId = conversationId;
        next();
      })
      .catch((err: unknown) => next(new Error(err instanceof AppError ? err.message : "Could not open the chat.")));
  });
  guests.on("connection", (socket) => {
    const conversationId = socket.data.conversationId as string;
    void socket.join(room(conversationId));
    socket.on("send", async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (r: unknown) => void) : () => undefined;
      const parsed = SendMessageBody.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reply({ ok: false, error: issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : "Send {text, clientId}." });
        return;
      }
      try {
        reply({ ok: true, message: await sendAsGuest(chat, conversationId, parsed.data) });
      } catch (err) {
        reply({ ok: false, error: err instanceof AppError ? err.message : "The message could not be stored; try again." });
      }
    });
  });

  const staffGuard = guardStaffSockets(staff, deps.staffSessions);
  staff.on("connection", (socket) => {
    void socket.join(STAFF_ROOM);
  });

  const publisher: ChatPublisher = {
    messageStored(conversation, message) {
      const api = toApiMessage(message);
      guests.to(room(conversation.id)).emit("message", api);
      staff.to(STAFF_ROOM).emit("message", { conversationId: conversation.id, message: api });
      staff.to(STAFF_ROOM).emit("conversation", toListItem(conversation));
    },
    messagesDelivered(conversationId, ids, at) {
      for (const id of ids) guests.to(room(conversationId)).emit("delivered", { id, deliveredAt: at });
      staff.to(STAFF_ROOM).emit("delivered", { conversationId, ids, deliveredAt: at });
    },
    conversationChanged(conversation) {
      staff.to(STAFF_ROOM).emit("conversation", toListItem(conversation));
    },
  };
  return { publisher, staffGuard };
}
