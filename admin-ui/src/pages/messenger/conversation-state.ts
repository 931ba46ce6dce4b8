import type { ConversationListItem } from "@innbox/protocol";

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

export { markDelivered, mergeMessages } from "@innbox/protocol/message-merge";
