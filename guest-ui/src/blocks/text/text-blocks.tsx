import { t } from "../../i18n";
import type { BlockContext } from "../index";
import { Markdown, PlainText } from "./markdown";

/** The page's title: the manager's heading (else the property's name), a subtitle, the room. */
export function TitleBlock({ reception, block, tag }: BlockContext) {
  return (
    <header class="title-block">
      <h1 class="property-name">{block.heading ?? reception.property.name}</h1>
      {block.body && <p class="title-subtitle">{block.body}</p>}
      {tag && <span class="room-tag">{tag}</span>}
    </header>
  );
}

/** The manager's welcome to the guest. */
export function InvitationBlock({ block }: BlockContext) {
  if (!block.heading && !block.body) return null;
  return (
    <div class="text-block">
      {block.heading && <h2>{block.heading}</h2>}
      {block.body && <PlainText text={block.body} />}
    </div>
  );
}

/** Useful information: the manager's Markdown (breakfast hours, Wi-Fi, house rules). */
export function InfoBlock({ block }: BlockContext) {
  if (!block.body) return null;
  return (
    <div class="text-block">
      <h2>{block.heading ?? t.reception.infoHeading}</h2>
      <Markdown source={block.body} />
    </div>
  );
}
