import { ConversationListItem, GuestReservation, IdParams, LinkConversationBookingBody, LinkGuestReservationBody } from "@innbox/protocol";
import type { Response } from "express";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { ChatService } from "./chat-service.js";
import { guestTokenCheck } from "./guest-routes.js";
import { chatTexts as texts } from "./messages.js";
import type { ConversationBookings } from "./conversation-bookings.js";
import type { ReservationCodes } from "./reservation-codes.js";

/** My Reservation: the guest's stay through their chat token, and staff linking a conversation to a booking. */
export function registerReservationRoutes(registry: RouteRegistry, deps: { chat: ChatService; bookings: ConversationBookings; codes: ReservationCodes }): void {
  const { chat, bookings, codes } = deps;
  const guestToken = guestTokenCheck(chat);
  const conversationOf = (res: Response) => res.locals.conversationId as string;
  const reservationOf = async (conversationId: string) => {
    const reservation = await bookings.reservationOf(conversationId);
    if (!reservation) throw AppError.notFound(texts.noReservation);
    return reservation;
  };

  registry.add({
    method: "get",
    path: "/api/guest/reservation",
    operationId: "getGuestReservation",
    summary: texts.getReservationSummary,
    tag: "Guests",
    access: "bearer",
    responses: {
      200: { description: texts.getReservationAnswer, schema: GuestReservation },
      404: { description: texts.noReservation },
    },
    precheck: guestToken,
    handler: ({ res }) => reservationOf(conversationOf(res)),
  });

  registry.add({
    method: "post",
    path: "/api/guest/reservation",
    operationId: "linkGuestReservation",
    summary: texts.linkReservationSummary,
    tag: "Guests",
    access: "bearer",
    body: LinkGuestReservationBody,
    responses: {
      200: { description: texts.linkReservationAnswer, schema: GuestReservation },
      404: { description: texts.unknownReservationCode },
      429: { description: "Too many wrong reservation codes from this address (5 in 15 minutes); Retry-After says when to try again." },
    },
    precheck: guestToken,
    handler: async ({ req, res, body }) => {
      await codes.link(req.ip ?? "unknown", conversationOf(res), body.reservationCode);
      return reservationOf(conversationOf(res));
    },
  });

  registry.add({
    method: "put",
    path: "/api/conversations/:id/booking",
    operationId: "linkConversationBooking",
    summary: texts.linkConversationBookingSummary,
    tag: "Conversations",
    access: "signed-in",
    params: IdParams,
    body: LinkConversationBookingBody,
    responses: {
      200: { description: texts.linkConversationBookingAnswer, schema: ConversationListItem },
      404: { description: "No such conversation, or no such booking." },
    },
    handler: async ({ params, body }) => chat.listItem(await bookings.link(params.id, body.bookingId)),
  });
}
