import type { ChatMessage } from "@innbox/protocol";
import { markDelivered as markManyDelivered } from "@innbox/protocol/message-merge";

export { mergeMessages } from "@innbox/protocol/message-merge";

/** Sets the delivery time of one message, if we have it. */
export function markDelivered(current: readonly ChatMessage[], id: string, deliveredAt: string): ChatMessage[] {
  return markManyDelivered(current, [id], deliveredAt);
}
