import type { ComponentChildren } from "preact";
import { t } from "../messages";

const iconUrl = `${import.meta.env.BASE_URL}icon.svg`;

/** The frame of the screens shown before signing in: a centred card under the brand. */
export function AuthShell({ children, wide }: { children: ComponentChildren; wide?: boolean }) {
  return (
    <div class="auth">
      <div class="auth-brand">
        <img src={iconUrl} alt="" width="40" height="40" />
        <span>{t.app.name}</span>
      </div>
      <main id="main" class={wide ? "auth-card auth-card-wide" : "auth-card"}>
        {children}
      </main>
    </div>
  );
}
