import type { ChatMessage, ConversationListItem } from "@innbox/protocol";

const byLatest = (a: ConversationListItem, b: ConversationListItem) =>
  a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0;

/** The list with `item` added or replaced, newest activity first. */
export function upsertConversation(list: readonly ConversationListItem[], item: ConversationListItem): ConversationListItem[] {
  const known = list.find((c) => c.id === item.id);
  // Events can overtake each other: never let an older copy replace a newer one.
  if (known && known.lastMessageAt > item.lastMessageAt) return list as ConversationListItem[];
  return [...list.filter((c) => c.id !== item.id), item].sort(byLatest);
}

export function sortConversations(list: readonly ConversationListItem[]): ConversationListItem[] {
  return [...list].sort(byLatest);
}

export function unansweredCount(list: readonly ConversationListItem[] | null): number {
  return list ? list.filter((c) => c.unanswered).length : 0;
}

/**
 * The conversation after `incoming` arrived (history, a socket event or a send answer):
 * one entry per id, the newer copy winning but never losing a delivery time, oldest first.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) {
    const known = byId.get(message.id);
    const deliveredAt = message.deliveredAt ?? known?.deliveredAt;
    byId.set(message.id, deliveredAt ? { ...message, deliveredAt } : message);
  }
  // Map keeps first-insertion order, so equal timestamps keep the order they came in.
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Sets the delivery time of the given messages, where it is not known yet. */
export function markDelivered(current: readonly ChatMessage[], ids: readonly string[], deliveredAt: string): ChatMessage[] {
  const wanted = new Set(ids);
  let changed = false;
  const next = current.map((message) => {
    if (!wanted.has(message.id) || message.deliveredAt) return message;
    changed = true;
    return { ...message, deliveredAt };
  });
  return changed ? next : (current as ChatMessage[]);
}
