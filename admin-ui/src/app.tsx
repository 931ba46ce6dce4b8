import type { Property, SessionInfo } from "@innbox/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApiClient, toApiError } from "./api/client";
import { AppContext, type AppContextValue } from "./app-context";
import { Alert } from "./components/alert";
import { AuthShell } from "./components/auth-shell";
import { Layout } from "./components/layout";
import { Redirect } from "./components/redirect";
import { t } from "./messages";
import { ComingSoonPage } from "./pages/coming-soon-page";
import { ForbiddenPage, NotFoundPage } from "./pages/not-found-page";
import { DevicesPage } from "./pages/devices/devices-page";
import { EnergyPage } from "./pages/devices/energy-page";
import { KioskPage } from "./pages/kiosk/kiosk-page";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { InboxProvider } from "./pages/messenger/inbox";
import { MessengerPage } from "./pages/messenger/messenger-page";
import { PropertyPage } from "./pages/property-page";
import { RoomsPage } from "./pages/rooms/rooms-page";
import { ScenariosPage } from "./pages/scenarios/scenarios-page";
import { ReceptionPage } from "./pages/reception/reception-page";
import { SettingsPage } from "./pages/settings/settings-page";
import { SetupPage } from "./pages/setup/setup-page";
import { StickersPage } from "./pages/stickers/stickers-page";
import { TeamPage } from "./pages/team/team-page";
import { navigate, useLocation } from "./router";
import { sectionFor } from "./sections";

export function App() {
  const location = useLocation();
  // undefined while we ask the appliance; null when nobody is signed in.
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [property, setProperty] = useState<Property | null>(null);
  const [setupNeeded, setSetupNeeded] = useState<boolean | null>(null);
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const [bootError, setBootError] = useState<string | null>(null);
  const [bootAttempt, setBootAttempt] = useState(0);

  const sessionEnded = useRef(() => {});
  const api = useMemo(() => createApiClient({ onSessionEnded: () => sessionEnded.current() }), []);

  const startSession = useCallback(
    (next: SessionInfo) => {
      api.setCsrfToken(next.csrfToken);
      setSession(next);
      setLoginNotice(null);
    },
    [api],
  );

  const endSession = useCallback(
    (notice: string | null) => {
      api.setCsrfToken(null);
      setSession(null);
      setProperty(null);
      setSetupNeeded(false);
      setLoginNotice(notice);
    },
    [api],
  );

  sessionEnded.current = () => {
    if (!session) return;
    const { path } = location;
    endSession(t.errors.sessionEnded);
    navigate(path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`);
  };

  // Who is this browser? And, when nobody is signed in, is the appliance set up at all?
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const current = await api.getSession();
        if (cancelled) return;
        if (current) {
          startSession(current);
          return;
        }
        const status = await api.getSetupStatus();
        if (cancelled) return;
        setSetupNeeded(status.needed);
        setSession(null);
      } catch (error) {
        if (!cancelled) setBootError(toApiError(error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, startSession, bootAttempt]);

  const userId = session?.user.id;
  useEffect(() => {
    if (!userId) return;
    api.getProperty().then(setProperty, () => {
      // The header falls back to "Innbox"; the Property page reports its own errors.
    });
  }, [api, userId]);

  const context: AppContextValue = {
    api,
    session: session ?? null,
    property,
    startSession,
    async refreshSession() {
      const current = await api.getSession();
      if (current) startSession(current);
    },
    setProperty,
    async signOut() {
      try {
        await api.logout();
      } catch (error) {
        // Not signed in any more is what we wanted; no answer at all is worth saying.
        if (toApiError(error).status === 0) throw error;
      }
      endSession(t.login.signedOut);
      navigate("/login");
    },
    loginNotice,
    setLoginNotice,
  };

  return <AppContext.Provider value={context}>{route()}</AppContext.Provider>;

  function route() {
    const { path, query } = location;
    if (bootError) {
      return (
        <AuthShell>
          <Alert kind="error">{bootError}</Alert>
          <div class="actions">
            <button
              type="button"
              class="button button-primary"
              onClick={() => {
                setBootError(null);
                setBootAttempt(bootAttempt + 1);
              }}
            >
              {t.app.retry}
            </button>
          </div>
        </AuthShell>
      );
    }
    if (session === undefined) return <Loading />;
    if (path === "/setup") return <SetupPage token={query.get("token")} />;

    if (!session) {
      if (setupNeeded) return <Redirect to="/setup" />;
      if (path === "/login") return <LoginPage next={safeNext(query.get("next"))} />;
      return <Redirect to={path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`} />;
    }
    if (path === "/login") return <Redirect to={safeNext(query.get("next"))} />;

    return (
      <InboxProvider>
        <Layout path={path}>
          <Screen path={path} role={session.user.role} />
        </Layout>
      </InboxProvider>
    );
  }
}

function Screen({ path, role }: { path: string; role: "manager" | "staff" }) {
  const section = sectionFor(path);
  if (!section) return <NotFoundPage />;
  if (section.managerOnly && role !== "manager") return <ForbiddenPage />;
  if (section.comingSoon) return path === section.path ? <ComingSoonPage title={section.label} description={section.comingSoon} /> : <NotFoundPage />;
  // What follows the section's path, e.g. the conversation id in /messenger/c_1.
  const rest = path === section.path ? null : safeDecode(path.slice(section.path.length + 1));
  if (section.path === "/messenger") return rest?.includes("/") ? <NotFoundPage /> : <MessengerPage conversationId={rest} />;
  if (section.path === "/settings") return <SettingsPage page={rest} />;
  if (section.path === "/reception") return <ReceptionPage page={rest} />;
  if (section.path === "/scenarios") return rest?.includes("/") ? <NotFoundPage /> : <ScenariosPage page={rest} />;
  if (section.path === "/property" && rest === "stickers") return <StickersPage />;
  if (section.path === "/devices" && rest === "energy") return <EnergyPage />;
  if (rest !== null) return <NotFoundPage />;
  switch (section.path) {
    case "/team":
      return <TeamPage />;
    case "/property":
      return <PropertyPage />;
    case "/rooms":
      return <RoomsPage />;
    case "/devices":
      return <DevicesPage />;
    case "/kiosk":
      return <KioskPage />;
    default:
      return <HomePage />;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function Loading() {
  return (
    <div class="loading" role="status">
      {t.app.loading}
    </div>
  );
}

/** Only in-app paths we know, so a crafted link cannot send people elsewhere after signing in. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  return sectionFor(next) ? next : "/";
}
