// The team's conversations while someone is signed in: the list (for the Messenger and
// the badge in the navigation) kept live over the /staff socket, and the socket's
// events for whichever screen is open (a conversation, the devices): one connection for all.
import type { ConversationListItem, Device, Kiosk, Scenario, ScenarioRun, StaffSocketMessage } from "@innbox/protocol";
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { connectStaffSocket, type DeliveredEvent } from "../../api/staff-socket";
import { useSession } from "../../app-context";
import { sortConversations, upsertConversation } from "./conversation-state";

export interface InboxListener {
  message?(event: StaffSocketMessage): void;
  delivered?(event: DeliveredEvent): void;
  /** A device's state or availability changed, whoever changed it. */
  device?(device: Device): void;
  /** A scenario run was logged or finished. */
  scenarioRun?(run: ScenarioRun): void;
  /** A scenario was added or changed (its next run, its last run, a problem). */
  scenario?(scenario: Scenario): void;
  /** A scenario was deleted. */
  scenarioDeleted?(event: { id: string }): void;
  /** A kiosk was added, renamed, paired, or came online or went offline. */
  kiosk?(kiosk: Kiosk): void;
  /** A kiosk was revoked. */
  kioskDeleted?(event: { id: string }): void;
  /** The live connection came back after a drop: anything may have been missed. */
  reconnected?(): void;
}

export interface Inbox {
  /** null until the first answer. */
  conversations: ConversationListItem[] | null;
  loadError: string | null;
  /** Whether the live connection is up (true until it is known to be down). */
  live: boolean;
  refresh(): Promise<void>;
  /** A newer copy of one list item (e.g. from opening the conversation). */
  upsert(item: ConversationListItem): void;
  /** Subscribe to the socket's events; returns the unsubscribe function. */
  listen(listener: InboxListener): () => void;
}

const InboxContext = createContext<Inbox | null>(null);

export function useInbox(): Inbox {
  const inbox = useContext(InboxContext);
  if (!inbox) throw new Error("useInbox() outside <InboxProvider>");
  return inbox;
}

const RETRY_MS = [5_000, 15_000, 60_000];

export function InboxProvider({ children }: { children: ComponentChildren }) {
  const { api } = useSession();
  const [conversations, setConversations] = useState<ConversationListItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [live, setLive] = useState(true);
  const listeners = useRef(new Set<InboxListener>());

  const refresh = useCallback(async () => {
    try {
      const list = await api.listConversations();
      // Socket events may have overtaken this answer: keep whichever copy is newer.
      setConversations((current) => (current ? list.reduce(upsertConversation, current) : sortConversations(list)));
      setLoadError(null);
    } catch (error) {
      setLoadError(toApiError(error).message);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    let dropped = false;
    let refusals = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const each = (call: (listener: InboxListener) => void) => {
      for (const listener of [...listeners.current]) call(listener);
    };
    const socket = connectStaffSocket({
      connected() {
        setLive(true);
        refusals = 0;
        if (!dropped) return;
        dropped = false;
        void refresh();
        each((listener) => listener.reconnected?.());
      },
      disconnected(willRetry) {
        dropped = true;
        setLive(false);
        if (willRetry) return;
        // Refused (no session?): asking the API tells the app if the session ended.
        clearTimeout(retryTimer);
        const wait = RETRY_MS[Math.min(refusals++, RETRY_MS.length - 1)];
        retryTimer = setTimeout(() => {
          void refresh();
          socket.retry();
        }, wait);
      },
      message: (event) => each((listener) => listener.message?.(event)),
      conversation: (item) => setConversations((current) => upsertConversation(current ?? [], item)),
      delivered: (event) => each((listener) => listener.delivered?.(event)),
      device: (device) => each((listener) => listener.device?.(device)),
      scenarioRun: (run) => each((listener) => listener.scenarioRun?.(run)),
      scenario: (scenario) => each((listener) => listener.scenario?.(scenario)),
      scenarioDeleted: (event) => each((listener) => listener.scenarioDeleted?.(event)),
      kiosk: (kiosk) => each((listener) => listener.kiosk?.(kiosk)),
      kioskDeleted: (event) => each((listener) => listener.kioskDeleted?.(event)),
    });
    return () => {
      clearTimeout(retryTimer);
      socket.close();
    };
  }, [refresh]);

  const upsert = useCallback((item: ConversationListItem) => setConversations((current) => upsertConversation(current ?? [], item)), []);
  const listen = useCallback((listener: InboxListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<Inbox>(
    () => ({ conversations, loadError, live, refresh, upsert, listen }),
    [conversations, loadError, live, refresh, upsert, listen],
  );

  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}
