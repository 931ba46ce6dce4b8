import type { Logger } from "pino";

/** Every event name and its payload. Names are `capability.pastTense`. */
export interface Events {
  "team.memberCreated": { memberId: string; name: string; role: "manager" | "staff" };
  "team.memberDeleted": { memberId: string };
  "team.memberUpdated": { memberId: string; name: string; role: "manager" | "staff" };
  /** Sessions were removed: one (sign-out) or all of a member's (password changed, login removed). */
  "auth.sessionsEnded": { memberId?: string; sessionId?: string };
  "property.updated": { name: string; slug: string; timezone: string; latitude: number | null; longitude: number | null };
  "auth.setupCompleted": { memberId: string };
  "chat.messageStored": { conversationId: string; messageId: string; seq: number; from: "guest" | "staff" | "system" };
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
