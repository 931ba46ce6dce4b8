import type { Device } from "./devices.js";
import type { Scenario, ScenarioRun } from "./scenarios.js";
// The socket.io namespaces of the contract: event names and payloads, both directions.
// Types only, so the web apps import them at no cost to their bundles.
import type { GuestReservation } from "./bookings.js";
import type { ChatMessage, ConversationListItem, StaffSocketMessage } from "./chat.js";

export interface DeliveredToGuest {
  id: string;
  deliveredAt: string;
}

export interface DeliveredToStaff {
  conversationId: string;
  ids: string[];
  deliveredAt: string;
}

export type SendAck = { ok: true; message: ChatMessage } | { ok: false; error: string };

/** `/guest` (handshake `auth: {token}`): what the server emits. */
export type GuestServerEvents = {
  message: (message: ChatMessage) => void;
  delivered: (event: DeliveredToGuest) => void;
  /** My Reservation changed (staff linked or unlinked a booking): the stay, or null. */
  reservation: (reservation: GuestReservation | null) => void;
};

/** `/guest`: what the guest's page emits. */
export type GuestClientEvents = {
  send: (payload: { text: string; clientId?: string }, ack: (answer: SendAck) => void) => void;
};

/** `/staff` (session cookie): what the server emits. */
export type StaffServerEvents = {
  message: (event: StaffSocketMessage) => void;
  conversation: (item: ConversationListItem) => void;
  delivered: (event: DeliveredToStaff) => void;
  /** A device's state or availability changed, whoever changed it: the device as listed. */
  device: (device: Device) => void;
  /** A scenario was added or changed, or its running count or last run changed: the scenario as listed. */
  scenario: (scenario: Scenario) => void;
  /** A scenario run ended: the run as the run log lists it. */
  scenarioRun: (run: ScenarioRun) => void;
  /** A scenario was deleted. */
  scenarioDeleted: (event: { id: string }) => void;
  /** A kiosk was added, renamed, paired, or came online or went offline: the kiosk as listed. */
  kiosk: (kiosk: import("./kiosk.js").Kiosk) => void;
  /** A kiosk was revoked. */
  kioskDeleted: (event: { id: string }) => void;
};

/** `/staff`: the admin page only listens today. */
export type StaffClientEvents = Record<string, never>;

/** `/kiosk` (handshake `auth: {token}`, the kiosk's token): what the server emits. */
export type KioskServerEvents = {
  /** The idle-screen content: once on connecting, and again whenever settings, property or weather change. */
  screen: (screen: import("./kiosk.js").KioskScreen) => void;
  /** The kiosk was revoked: sent just before the server disconnects it. */
  revoked: (event: { reason: string }) => void;
  /** The manager asked the kiosk to reload its page (the Electron shell reloads too). */
  reload: () => void;
};

/** `/kiosk`: what the kiosk page emits (calls come in a later slice). */
export type KioskClientEvents = Record<string, never>;
