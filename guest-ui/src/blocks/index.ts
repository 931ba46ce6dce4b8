// The blocks of the Online Reception, in page order. Today that is the chat alone; the
// other blocks (property info, local time, weather, services, reservation) join this
// list, and later their order and visibility come from the manager's reception settings.
import type { FunctionComponent } from "preact";
import type { GuestProperty } from "../api/guest-api";
import { ChatBlock } from "./chat/chat-block";

/** What every block is given. */
export interface BlockContext {
  property: GuestProperty;
  slug: string;
  tag?: string;
}

export interface ReceptionBlock {
  id: string;
  /** Takes the height left over, with its own scrolling (the chat). */
  fill?: boolean;
  Block: FunctionComponent<BlockContext>;
}

export const BLOCKS: readonly ReceptionBlock[] = [{ id: "chat", fill: true, Block: ChatBlock }];
