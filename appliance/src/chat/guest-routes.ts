import type { Request, Response } from "express";
import { z } from "zod";
import {
  ChatMessage,
  CreateGuestSessionBody,
  GuestConversationInfo,
  GuestProperty,
  GuestSession,
  MessageList,
  SendMessageBody,
  UpdateGuestBody,
} from "@innbox/protocol";
import { type RouteRegistry } from "../http/index.js";
import type { PropertyService } from "../property/index.js";
import { AppError } from "../http/index.js";
import { chatTexts } from "./messages.js";
import { toApiMessage, type ChatService, type Conversation } from "./chat-service.js";
import type { ReservationCodes } from "./reservation-codes.js";

export function bearerToken(req: Request): string | undefined {
  const header = req.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export function guestInfo(chat: ChatService, c: Conversation): GuestConversationInfo {
  const onDuty = chat.withinHours();
  return {
    conversationId: c.id,
    guestName: c.guest_name,
    tag: c.tag,
    propertyName: chat.propertyDisplayName,
    onDuty,
    offHoursNotice: onDuty ? null : chat.offHoursNotice(c.language),
    backAt: onDuty ? null : chat.backAt(),
    email: c.email,
  };
}

/** Stores a guest's message (once per clientId) and returns it in API shape. */
export async function sendAsGuest(chat: ChatService, conversationId: string, body: { text: string; clientId?: string }) {
  chat.messageLimit.take(conversationId);
  return chat.transaction(async (tx) => {
    const conversation = await chat.getConversation(conversationId, tx.db);
    const { message } = await chat.storeGuestMessage(tx, conversation, body);
    return toApiMessage(message);
  });
}

/** The bearer token is checked once, before the body (401 beats 400); its conversation goes to the handler. */
export function guestTokenCheck(chat: ChatService) {
  return async (req: Request, res: Response) => {
    res.locals.conversationId = await chat.conversationForToken(bearerToken(req));
  };
}

export function registerGuestRoutes(registry: RouteRegistry, deps: { chat: ChatService; property: PropertyService; codes: ReservationCodes }): void {
  const { chat } = deps;
  const tag = "Guests";
  // The bearer token is checked once, before the body (401 beats 400), and its
  // conversation is handed to the handler.
  const guestToken = guestTokenCheck(chat);
  const conversationOf = (res: Response) => res.locals.conversationId as string;

  registry.add({
    method: "get",
    path: "/api/guest/property/:slug",
    operationId: "getGuestProperty",
    summary: "The property's name and whether someone is on duty now: what the chat polls before it starts (the page itself loads getGuestReception).",
    tag,
    access: "public",
    params: z.object({ slug: z.string().max(60) }),
    query: z.object({ lang: z.string().max(35).optional().describe("The guest's language, for the off-hours notice.") }),
    responses: {
      200: {
        description: "The property, and whether someone is on duty now.",
        schema: GuestProperty,
      },
    },
    handler: async ({ params, query }): Promise<GuestProperty> => {
      // An old slug (a QR code printed before the manager changed it) answers with the current one.
      const property = (await deps.property.currentSlugFor(params.slug)) ? await deps.property.get() : undefined;
      if (!property) throw AppError.notFound(chatTexts.unknownReceptionLink);
      return {
        name: property.name,
        slug: property.slug,
        formerSlugs: await deps.property.formerSlugs(),
        timezone: property.timezone,
        ...chat.duty(query.lang ?? null),
      };
    },
  });

  registry.add({
    method: "post",
    path: "/api/guest/sessions",
    operationId: "createGuestSession",
    summary: "Start a guest chat. The token is a bearer capability for this one conversation.",
    tag,
    access: "public",
    body: CreateGuestSessionBody,
    responses: {
      201: { description: "The new conversation and its token.", schema: GuestSession },
      404: { description: "No booking has this reservation code (or the reception link is unknown)." },
      429: { description: "Too many new chats from this address (chat.guestSessionsPerMinute), or too many wrong reservation codes (5 in 15 minutes)." },
    },
    handler: async ({ req, body }) => {
      // req.ip: the client's address as seen by the proxies named in http.trustProxy.
      const address = req.ip ?? "unknown";
      chat.sessionLimit.take(address);
      const { reservationCode, ...session } = body;
      const bookingId = reservationCode === undefined ? undefined : await deps.codes.bookingFor(address, reservationCode);
      return chat.createGuestSession({ ...session, ...(bookingId ? { bookingId } : {}) });
    },
  });

  registry.add({
    method: "get",
    path: "/api/guest/messages",
    operationId: "listGuestMessages",
    summary: "The conversation's messages, oldest first.",
    tag,
    access: "bearer",
    responses: { 200: { description: "Messages.", schema: MessageList } },
    precheck: guestToken,
    handler: async ({ res }) => ({ messages: (await chat.listMessages(conversationOf(res))).map(toApiMessage) }),
  });

  registry.add({
    method: "post",
    path: "/api/guest/messages",
    operationId: "sendGuestMessage",
    summary: "Send a message to the front desk. Answered only after it is stored; the same clientId twice stores it once.",
    tag,
    access: "bearer",
    body: SendMessageBody,
    responses: {
      201: { description: "The stored message.", schema: z.object({ message: ChatMessage }) },
      429: { description: "Too many messages in this conversation in a short time (chat.guestMessagesPerMinute)." },
    },
    precheck: guestToken,
    handler: async ({ res, body }) => ({ message: await sendAsGuest(chat, conversationOf(res), body) }),
  });

  registry.add({
    method: "get",
    path: "/api/guest/conversation",
    operationId: "getGuestConversation",
    summary: "The guest's view of their conversation: name, room, and whether someone is on duty.",
    tag,
    access: "bearer",
    responses: { 200: { description: "The conversation.", schema: GuestConversationInfo } },
    precheck: guestToken,
    handler: async ({ res }) => guestInfo(chat, await chat.getConversation(conversationOf(res))),
  });

  registry.add({
    method: "patch",
    path: "/api/guest/conversation",
    operationId: "updateGuestConversation",
    summary: "The guest sets their name, language, or an email for an answer outside working hours.",
    tag,
    access: "bearer",
    body: UpdateGuestBody,
    responses: {
      200: { description: "The conversation as now stored.", schema: GuestConversationInfo },
      429: { description: "Too many changes in this conversation in a short time (chat.guestMessagesPerMinute)." },
    },
    precheck: guestToken,
    handler: async ({ res, body }) => {
      chat.profileLimit.take(conversationOf(res));
      return guestInfo(chat, await chat.updateGuest(conversationOf(res), body));
    },
  });
}
