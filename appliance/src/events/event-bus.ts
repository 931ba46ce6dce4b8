import type { Logger } from "pino";

/** Every event name and its payload. Names are `capability.pastTense`. */
export interface DeviceStatePayload {
  on?: boolean;
  brightness?: number;
  gangs?: Array<{ on: boolean }>;
}

export interface Events {
  "team.memberCreated": { memberId: string; name: string; role: "manager" | "staff" };
  "team.memberDeleted": { memberId: string };
  "team.memberUpdated": { memberId: string; name: string; role: "manager" | "staff" };
  /** Sessions were removed: one (sign-out) or all of a member's (password changed, login removed). */
  "auth.sessionsEnded": { memberId?: string; sessionId?: string };
  "property.updated": { name: string; slug: string; timezone: string; latitude: number | null; longitude: number | null };
  "auth.setupCompleted": { memberId: string };
  "chat.messageStored": { conversationId: string; messageId: string; seq: number; from: "guest" | "staff" | "system" };
  /**
   * A stay's moments, each fired once. `at` is when it was due (created/cancelled: when it
   * happened); `late` when the box was down or asleep then and fires it on catching up.
   */
  "booking.created": BookingEvent;
  "booking.cancelled": BookingEvent;
  "booking.checkedIn": BookingEvent;
  "booking.checkedOut": BookingEvent;
  /** A stay's dates, room or guest changed (by hand or by its feed); its status did not. */
  "booking.updated": BookingEvent;
  /** A device's state changed: confirmed after a command, or pushed by the device (a button pressed by hand). */
  "device.stateChanged": { id: string; roomId: string | null; kind: string; state: DeviceStatePayload; source: "command" | "device" };
  /** A device became reachable or not; `error` says why not. */
  "device.availabilityChanged": { id: string; roomId: string | null; online: boolean; error?: string };
  /** The weather forecast was fetched and cached (weather.current() answers with it). */
  "weather.updated": { fetchedAt: string };
  /** A kiosk was revoked (deleted) or paired again elsewhere: its token no longer works. */
  "kiosk.revoked": { kioskId: string };
  /** An imported stay shares a night with another confirmed stay in its room: two platforms sold it. */
  "booking.conflictFound": { roomId: string; bookingId: string; conflictsWith: string[] };
}

export interface BookingEvent {
  bookingId: string;
  roomId: string;
  checkIn: string;
  checkOut: string;
  at: string;
  late: boolean;
}

type Listener<K extends keyof Events> = (payload: Events[K]) => void | Promise<void>;

export interface EventBus {
  on<K extends keyof Events>(name: K, fn: Listener<K>): () => void;
  emit<K extends keyof Events>(name: K, payload: Events[K]): void;
}

/** One failing listener is logged and never breaks the emitter or the other listeners. */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(name, fn) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(fn as Listener<never>);
      return () => set.delete(fn as Listener<never>);
    },
    emit(name, payload) {
      for (const fn of listeners.get(name) ?? []) {
        void (async () => {
          try {
            await (fn as Listener<typeof name>)(payload);
          } catch (err) {
            log.error({ err, event: name }, "event listener failed");
          }
        })();
      }
    },
  };
}
