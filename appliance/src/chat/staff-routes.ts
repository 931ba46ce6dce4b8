import { z } from "zod";
import {
  ChatMessage,
  ChatSettings,
  ConversationDetail,
  ConversationList,
  DutyBody,
  DutyStatus,
  IdParams,
  SendMessageBody,
  WorkingHours,
} from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { toApiMessage, type ChatService } from "./chat-service.js";

export function registerStaffRoutes(registry: RouteRegistry, chat: ChatService): void {
  const tag = "Conversations";

  registry.add({
    method: "get",
    path: "/api/conversations",
    operationId: "listConversations",
    summary: "Conversations, newest activity first, with unanswered ones marked.",
    tag,
    access: "signed-in",
    responses: { 200: { description: "Conversations.", schema: ConversationList } },
    handler: async () => ({ conversations: await chat.listItems(await chat.listConversations()) }),
  });

  registry.add({
    method: "get",
    path: "/api/conversations/:id",
    operationId: "getConversation",
    summary: "One conversation with its messages. Opening it marks the guest's messages as delivered.",
    tag,
    access: "signed-in",
    params: IdParams,
    responses: { 200: { description: "The conversation.", schema: ConversationDetail } },
    handler: async ({ params }) => {
      const conversation = await chat.getConversation(params.id);
      const messages = await chat.listMessages(conversation.id);
      const unseen = messages.filter((m) => m.sender === "guest" && !m.delivered_at).map((m) => m.id);
      const at = await chat.markDelivered(conversation.id, unseen);
      return {
        conversation: await chat.listItem(conversation),
        messages: messages.map((m) => toApiMessage(unseen.includes(m.id) ? { ...m, delivered_at: at } : m)),
      };
    },
  });

  registry.add({
    method: "post",
    path: "/api/conversations/:id/messages",
    operationId: "sendStaffMessage",
    summary: "Answer a guest from the admin page; it reaches them like a reply from Telegram.",
    tag,
    access: "signed-in",
    params: IdParams,
    body: SendMessageBody,
    responses: { 201: { description: "The stored message.", schema: z.object({ message: ChatMessage }) } },
    handler: async ({ params, body, user }) =>
      chat.transaction(async (tx) => {
        const conversation = await chat.getConversation(params.id, tx.db);
        const { message } = await chat.storeStaffMessage(tx, conversation, { id: user!.id, name: user!.name }, body);
        return { message: toApiMessage(message) };
      }),
  });

  registry.add({
    method: "get",
    path: "/api/chat/working-hours",
    operationId: "getWorkingHours",
    summary: "The weekly working hours in the property's timezone, with exceptions.",
    tag: "Chat settings",
    access: "signed-in",
    responses: { 200: { description: "Working hours.", schema: WorkingHours } },
    handler: () => chat.workingHours,
  });

  registry.add({
    method: "put",
    path: "/api/chat/working-hours",
    operationId: "updateWorkingHours",
    summary: "Replace the working hours. Outside them guests are told when to expect an answer.",
    tag: "Chat settings",
    access: "manager",
    body: WorkingHours,
    responses: { 200: { description: "Working hours as now stored.", schema: WorkingHours } },
    handler: async ({ body }) => {
      await chat.setWorkingHours(body);
      return chat.workingHours;
    },
  });

  registry.add({
    method: "get",
    path: "/api/chat/settings",
    operationId: "getChatSettings",
    summary: "Unanswered-alert delay and the off-hours notice per language.",
    tag: "Chat settings",
    access: "signed-in",
    responses: { 200: { description: "Chat settings.", schema: ChatSettings } },
    handler: () => chat.chatSettings,
  });

  registry.add({
    method: "put",
    path: "/api/chat/settings",
    operationId: "updateChatSettings",
    summary: "Replace the chat settings.",
    tag: "Chat settings",
    access: "manager",
    body: ChatSettings,
    responses: { 200: { description: "Chat settings as now stored.", schema: ChatSettings } },
    handler: async ({ body }) => {
      await chat.setSettings(body);
      return chat.chatSettings;
    },
  });

  registry.add({
    method: "get",
    path: "/api/chat/duty",
    operationId: "getMyDuty",
    summary: "Whether the signed-in member is on duty (their own switch) and whether it is within working hours.",
    tag: "Chat settings",
    access: "signed-in",
    responses: { 200: { description: "Duty.", schema: DutyStatus } },
    handler: ({ user }) => ({ onDuty: chat.memberDutySwitch(user!.id), withinHours: chat.withinHours() }),
  });

  registry.add({
    method: "put",
    path: "/api/chat/duty",
    operationId: "setMyDuty",
    summary: "Go on or off duty: off duty, guest messages are not sent to you on Telegram.",
    tag: "Chat settings",
    access: "signed-in",
    body: DutyBody,
    responses: { 200: { description: "Duty.", schema: DutyStatus } },
    handler: async ({ user, body }) => {
      await chat.setMemberDuty(user!.id, body.onDuty);
      return { onDuty: chat.memberDutySwitch(user!.id), withinHours: chat.withinHours() };
    },
  });
}
