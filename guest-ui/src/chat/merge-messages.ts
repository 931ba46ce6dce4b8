import type { ChatMessage } from "@innbox/protocol";

/**
 * The conversation after `incoming` arrived (from history, a socket event or a send
 * answer): one entry per id, the newer copy winning but never losing a delivery time,
 * oldest first.
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

/** Sets the delivery time of one message, if we have it. */
export function markDelivered(current: readonly ChatMessage[], id: string, deliveredAt: string): ChatMessage[] {
  let changed = false;
  const next = current.map((message) => {
    if (message.id !== id || message.deliveredAt) return message;
    changed = true;
    return { ...message, deliveredAt };
  });
  return changed ? next : (current as ChatMessage[]);
}
