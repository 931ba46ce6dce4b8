import type { Channel } from "@innbox/protocol";
import type { IconName } from "../../components/icon";
import { t } from "../../messages";

const ICONS: Record<Channel, IconName> = { web: "web", telegram: "telegram", kiosk: "kiosk", widget: "widget" };

export function channelIcon(channel: Channel): IconName {
  return ICONS[channel] ?? "messenger";
}

export function channelName(channel: Channel): string {
  return t.messenger.channels[channel] ?? channel;
}
