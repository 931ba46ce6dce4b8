import type { ChatMessage, ConversationListItem } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { markDelivered, mergeMessages, unansweredCount, upsertConversation } from "./conversation-state";

const item = (id: string, lastMessageAt: string, extra: Partial<ConversationListItem> = {}): ConversationListItem => ({
  id,
  channel: "web",
  guestName: "Guest",
  lastMessage: "Hello",
  lastMessageAt,
  unanswered: false,
  alerted: false,
  ...extra,
});

const message = (id: string, createdAt: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, from: "guest", text: id, createdAt, ...extra });

describe("conversation list", () => {
  it("puts the newest activity first and replaces a conversation in place of adding it twice", () => {
    let list = [item("a", "2026-11-25T09:00:00Z"), item("b", "2026-11-25T08:00:00Z")];
    list = upsertConversation(list, item("b", "2026-11-25T09:30:00Z", { unanswered: true }));
    expect(list.map((c) => c.id)).toEqual(["b", "a"]);
    list = upsertConversation(list, item("c", "2026-11-25T07:00:00Z"));
    expect(list.map((c) => c.id)).toEqual(["b", "a", "c"]);
    expect(unansweredCount(list)).toBe(1);
  });

  it("keeps the newer copy when an older one arrives late", () => {
    const list = [item("a", "2026-11-25T09:00:00Z", { lastMessage: "newer" })];
    expect(upsertConversation(list, item("a", "2026-11-25T08:00:00Z", { lastMessage: "older" }))[0]!.lastMessage).toBe("newer");
    expect(unansweredCount(null)).toBe(0);
  });
});

describe("messages", () => {
  it("keeps one copy per id, oldest first, without losing a delivery time", () => {
    const delivered = message("m1", "2026-11-25T09:00:00Z", { deliveredAt: "2026-11-25T09:01:00Z" });
    const merged = mergeMessages([delivered], [message("m2", "2026-11-25T08:59:00Z"), message("m1", "2026-11-25T09:00:00Z")]);
    expect(merged.map((m) => m.id)).toEqual(["m2", "m1"]);
    expect(merged[1]!.deliveredAt).toBe("2026-11-25T09:01:00Z");
  });

  it("marks only the named messages delivered, and only once", () => {
    const list = [message("m1", "2026-11-25T09:00:00Z"), message("m2", "2026-11-25T09:01:00Z", { deliveredAt: "2026-11-25T09:02:00Z" })];
    const next = markDelivered(list, ["m1", "m2"], "2026-11-25T09:05:00Z");
    expect(next.map((m) => m.deliveredAt)).toEqual(["2026-11-25T09:05:00Z", "2026-11-25T09:02:00Z"]);
    expect(markDelivered(next, ["m1"], "2026-11-25T10:00:00Z")).toBe(next);
  });
});
