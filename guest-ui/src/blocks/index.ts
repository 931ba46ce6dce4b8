// The blocks of the Online Reception. Which show, in which order, in which colours and with
// which words is the manager's (getGuestReception's `blocks`); this maps each id to the
// component that draws it.
import type { GuestBlock, GuestReception } from "@innbox/protocol";
import type { BlockId } from "@innbox/protocol/reception-view";
import type { FunctionComponent } from "preact";

/** What every block is given. */
export interface BlockContext {
  /** The page's data (getGuestReception). */
  reception: GuestReception;
  /** This block: its colours and its words in the guest's language (or the default one). */
  block: GuestBlock;
  slug: string;
  tag?: string;
  /** In the editor's preview frame: show everything, start nothing (no chat, no location prompt). */
  preview: boolean;
}

export interface ReceptionBlock {
  /** Takes the height left over, with its own scrolling (the chat, when open). */
  fill?: boolean;
  Block: FunctionComponent<BlockContext>;
}

export type BlockRegistry = Partial<Record<BlockId, ReceptionBlock>>;
