import type { Property, SessionInfo } from "@innbox/protocol";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ApiClient } from "./api/client";

/** What every screen may use: the API client and the session state. */
export interface AppContextValue {
  api: ApiClient;
  session: SessionInfo | null;
  property: Property | null;
  /** Sign in on this browser with a session the appliance just answered with. */
  startSession(session: SessionInfo): void;
  /** Ask the appliance for the session again (after changing one's own account). */
  refreshSession(): Promise<void>;
  setProperty(property: Property): void;
  signOut(): Promise<void>;
  /** A one-time sentence for the sign-in page (signed out, session ended…). */
  loginNotice: string | null;
  setLoginNotice(notice: string | null): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp() outside <AppContext.Provider>");
  return value;
}

/** For screens that only render while someone is signed in. */
export function useSession(): AppContextValue & { session: SessionInfo } {
  const app = useApp();
  if (!app.session) throw new Error("useSession() while signed out");
  return app as AppContextValue & { session: SessionInfo };
}
