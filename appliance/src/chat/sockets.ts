import type { Logger } from "pino";
import type { Namespace, Server } from "socket.io";
import {
  SendMessageBody,
  type GuestClientEvents,
  type GuestServerEvents,
  type SendAck,
  type StaffClientEvents,
  type StaffServerEvents,
} from "@innbox/protocol";
import { connectError, socketErrorMessage } from "../http/index.js";
import { toApiMessage, type ChatPublisher, type ChatService, type Conversation } from "./chat-service.js";
import { sendAsGuest } from "./guest-routes.js";
import { chatTexts } from "./messages.js";
import { guardStaffSockets, type StaffGuard, type StaffSessions } from "./staff-sessions.js";

/** Every signed-in staff socket is in this room of /staff: what all of them hear. */
export const STAFF_ROOM = "staff";
const room = (conversationId: string) => `c:${conversationId}`;

/**
 * The /guest and /staff namespaces of the contract. `publisher` exists from the start (the
 * chat service announces through it) and reaches clients once `attach(io)` has run; the
 * guard disconnects staff whose session ended.
 */
export function createChatSockets(deps: { chat: () => ChatService; staffSessions: StaffSessions; log: Logger }) {
  let guests: Namespace<GuestClientEvents, GuestServerEvents> | undefined;
  let staff: Namespace<StaffClientEvents, StaffServerEvents> | undefined;
  let guard: StaffGuard | undefined;

  /** The list item carries the linked booking, which takes a look-up: sent once it is known. */
  const announceConversation = (conversation: Conversation) => {
    if (!staff) return;
    deps
      .chat()
      .listItem(conversation)
      .then((item) => staff?.to(STAFF_ROOM).emit("conversation", item))
      .catch((err: unknown) => deps.log.error({ err, conversationId: conversation.id }, "could not announce the conversation"));
  };

  const publisher: ChatPublisher = {
    messageStored(conversation, message) {
      const api = toApiMessage(message);
      guests?.to(room(conversation.id)).emit("message", api);
      staff?.to(STAFF_ROOM).emit("message", { conversationId: conversation.id, message: api });
      announceConversation(conversation);
    },
    messagesDelivered(conversationId, ids, at) {
      for (const id of ids) guests?.to(room(conversationId)).emit("delivered", { id, deliveredAt: at });
      staff?.to(STAFF_ROOM).emit("delivered", { conversationId, ids, deliveredAt: at });
    },
    conversationChanged(conversation) {
      announceConversation(conversation);
    },
    reservationChanged(conversationId, reservation) {
      guests?.to(room(conversationId)).emit("reservation", reservation);
    },
  };

  function attach(io: Server): void {
    const { log } = deps;
    guests = io.of("/guest");
    staff = io.of("/staff");

    guests.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      deps
        .chat()
        .conversationForToken(typeof token === "string" ? token : undefined)
        .then((conversationId) => {
          socket.data.conversationId = conversationId;
          next();
        })
        .catch((err: unknown) => next(connectError(err, log, chatTexts.socketOpenFailed)));
    });
    guests.on("connection", (socket) => {
      const conversationId = socket.data.conversationId as string;
      void socket.join(room(conversationId));
      socket.on("send", async (payload: unknown, ack: unknown) => {
        const reply = typeof ack === "function" ? (ack as (answer: SendAck) => void) : () => undefined;
        const parsed = SendMessageBody.safeParse(payload);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          reply({ ok: false, error: issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : chatTexts.socketSendShape });
          return;
        }
        try {
          reply({ ok: true, message: await sendAsGuest(deps.chat(), conversationId, parsed.data) });
        } catch (err) {
          reply({ ok: false, error: socketErrorMessage(err, log, chatTexts.socketSendFailed) });
        }
      });
    });

    guard = guardStaffSockets(staff, deps.staffSessions, log);
    staff.on("connection", (socket) => {
      void socket.join(STAFF_ROOM);
    });
  }

  return {
    publisher,
    attach,
    /** Set once attached: rechecks open /staff sockets against their sessions. */
    guard: () => guard,
  };
}
