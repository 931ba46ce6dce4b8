// Zod-free, so the pages can import it without bundling the schemas:
// `import { mergeMessages } from "@innbox/protocol/message-merge"`.
import type { ChatMessage } from "./chat.js";

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

/** Sets the delivery time of the given messages where it is not known yet; the same array when nothing changed. */
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
