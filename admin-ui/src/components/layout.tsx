import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../api/client";
import { useSession } from "../app-context";
import { t } from "../messages";
import { unansweredCount } from "../pages/messenger/conversation-state";
import { useInbox } from "../pages/messenger/inbox";
import { leave } from "../router";
import { sectionFor, sectionsFor } from "../sections";
import { Alert } from "./alert";
import { Icon } from "./icon";
import { Link } from "./link";

const iconUrl = `${import.meta.env.BASE_URL}icon.svg`;

/** The signed-in frame: top bar, navigation (sidebar, or a menu on phones) and the page. */
export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  const { session, property, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const { user } = session;
  const roleLabel = user.role === "manager" ? t.layout.roleManager : t.layout.roleStaff;
  const unanswered = unansweredCount(useInbox().conversations);
  const current = sectionFor(path);
  // The Messenger fills the window; with a conversation open on a phone, even the top bar goes.
  const messenger = current?.path === "/messenger";
  const shellClass = ["shell", menuOpen ? "menu-open" : "", messenger ? "shell-messenger" : "", messenger && path !== "/messenger" ? "shell-conversation" : ""];

  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setMenuOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(toApiError(error).message);
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div class={shellClass.filter(Boolean).join(" ")}>
      <a class="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header class="topbar">
        <button
          type="button"
          class="menu-button"
          aria-expanded={menuOpen}
          aria-controls="nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <Icon name={menuOpen ? "close" : "menu"} />
          <span class="visually-hidden">{menuOpen ? t.layout.closeMenu : t.layout.menu}</span>
          {unanswered > 0 && !menuOpen ? (
            <>
              <span class="menu-badge" aria-hidden="true">
                {unanswered}
              </span>
              <span class="visually-hidden">({t.messenger.unansweredCount(unanswered)})</span>
            </>
          ) : null}
        </button>
        <Link to="/" class="brand">
          <img src={iconUrl} alt="" width="32" height="32" />
          <span class="brand-text">
            <span class="brand-property">{property?.name ?? t.app.name}</span>
            {property ? <span class="brand-app">{t.app.name}</span> : null}
          </span>
        </Link>
        <div class="account">
          <span class="account-who">
            <span class="account-name">{user.name}</span>
            <span class="account-role">{roleLabel}</span>
          </span>
          <button
            type="button"
            class="button button-quiet sign-out"
            disabled={signingOut}
            onClick={() => leave("/login", () => void onSignOut())}
            aria-label={signingOut ? t.layout.signingOut : t.layout.signOut}
          >
            <Icon name="signOut" />
            <span class="phone-icon-only">{signingOut ? t.layout.signingOut : t.layout.signOut}</span>
          </button>
        </div>
      </header>
      <nav id="nav" class="sidebar" aria-label={t.layout.navLabel}>
        <p class="nav-account">
          {t.layout.signedInAs(user.name)} · {roleLabel}
        </p>
        <ul>
          {sectionsFor(user.role).map((section) => (
            <li key={section.path}>
              <Link to={section.path} class="nav-link" current={section === current}>
                <Icon name={section.icon} />
                <span class="nav-label">{section.label}</span>
                {section.path === "/messenger" && unanswered > 0 ? (
                  <>
                    <span class="nav-badge" aria-hidden="true">
                      {unanswered}
                    </span>
                    <span class="visually-hidden">({t.messenger.unansweredCount(unanswered)})</span>
                  </>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {menuOpen ? <div class="scrim" onClick={() => setMenuOpen(false)} /> : null}
      <main id="main" class="main" tabIndex={-1}>
        {signOutError ? <Alert kind="error">{signOutError}</Alert> : null}
        {children}
      </main>
    </div>
  );
}
