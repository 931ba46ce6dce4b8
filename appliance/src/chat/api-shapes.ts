import type { ChatMessage, ConversationBooking, ConversationListItem } from "@innbox/protocol";
import type { Conversation, Message } from "./repository.js";

/** A stored message as the API and the sockets send it. */
export const toApiMessage = (m: Message): ChatMessage => ({
  id: m.id,
  from: m.sender,
  text: m.text,
  createdAt: m.created_at,
  ...(m.staff_name ? { staffName: m.staff_name } : {}),
  ...(m.client_id ? { clientId: m.client_id } : {}),
  ...(m.delivered_at ? { deliveredAt: m.delivered_at } : {}),
});

/** A conversation as the Messenger lists it, with its linked booking. */
export const toListItem = (c: Conversation, booking?: ConversationBooking): ConversationListItem => ({
  id: c.id,
  channel: c.channel,
  guestName: c.guest_name ?? "Guest",
  ...(c.tag ? { tag: c.tag } : {}),
  ...(c.language ? { language: c.language } : {}),
  ...(c.email ? { email: c.email } : {}),
  lastMessage: c.last_message_preview,
  lastMessageAt: c.last_message_at,
  unanswered: c.waiting_since !== null,
  alerted: c.alerted_at !== null,
  ...(c.waiting_since ? { waitingSince: c.waiting_since } : {}),
  ...(booking ? { booking } : {}),
});
