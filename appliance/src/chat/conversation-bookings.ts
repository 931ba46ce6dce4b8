import type { GuestReservation } from "@innbox/protocol";
import type { Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import type { ChatPublisher, ChatService, ChatServiceDeps, Conversation } from "./chat-service.js";
import { chatTexts } from "./messages.js";
import { chatRepository as repo } from "./repository.js";

/**
 * The booking a conversation is linked to (by the guest's reservation code, or by staff):
 * what the guest's My Reservation shows, and the booking beside the chat in the Messenger.
 * Every change reaches both pages at once.
 */
export class ConversationBookings {
  constructor(
    private readonly deps: {
      db: Db;
      chat: ChatService;
      publisher: ChatPublisher;
      reservations: Pick<ChatServiceDeps["reservations"], "exists" | "guestView">;
    },
  ) {}

  /** My Reservation of a conversation; undefined when no booking (still there) is linked. */
  async reservationOf(conversationId: string): Promise<GuestReservation | undefined> {
    const conversation = await this.deps.chat.getConversation(conversationId);
    return conversation.booking_id ? this.deps.reservations.guestView(conversation.booking_id) : undefined;
  }

  /** Links the conversation to a booking (null unlinks); staff and the guest's page are told. */
  async link(conversationId: string, bookingId: string | null): Promise<Conversation> {
    await this.deps.chat.getConversation(conversationId);
    if (bookingId !== null && !(await this.deps.reservations.exists(bookingId))) throw AppError.notFound(chatTexts.unknownBooking);
    await repo.updateConversation(this.deps.db, conversationId, { booking_id: bookingId });
    const conversation = await this.deps.chat.getConversation(conversationId);
    this.deps.publisher.conversationChanged(conversation);
    const reservation = bookingId ? await this.deps.reservations.guestView(bookingId) : undefined;
    this.deps.publisher.reservationChanged(conversationId, reservation ?? null);
    return conversation;
  }

  /** A linked booking changed (dates, cancelled, confirmed again): staff and the guests' pages see it now. */
  async changed(bookingId: string): Promise<void> {
    const conversations = await repo.conversationsOfBooking(this.deps.db, bookingId);
    if (!conversations.length) return;
    const reservation = (await this.deps.reservations.guestView(bookingId)) ?? null;
    for (const conversation of conversations) {
      this.deps.publisher.conversationChanged(conversation);
      this.deps.publisher.reservationChanged(conversation.id, reservation);
    }
  }
}
