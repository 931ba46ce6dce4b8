import { Checkbox, TextField } from "../../components/field";
import { t } from "../../messages";
import type { LoginFields } from "./member-validation";

/** A member's admin-page login as the form holds it: switched on or off, username, (new) password. */
export interface LoginDraft {
  enabled: boolean;
  username: string;
  password: string;
}

export const NO_LOGIN: LoginDraft = { enabled: false, username: "", password: "" };

/** The login to check and send, or null when it is switched off. */
export function loginOf(draft: LoginDraft): LoginFields | null {
  return draft.enabled ? { username: draft.username, password: draft.password } : null;
}

interface MemberLoginFieldsProps {
  draft: LoginDraft;
  onDraft: (draft: LoginDraft) => void;
  errors: Readonly<Record<string, string>>;
  /** Editing a member who has a login: switching it off removes it, an empty password keeps it. */
  hadLogin?: boolean;
  /** Username and password side by side. */
  row?: boolean;
}

/** The "can sign in" switch of the add and edit forms, and the username and password under it. */
export function MemberLoginFields({ draft, onDraft, errors, hadLogin = false, row = false }: MemberLoginFieldsProps) {
  return (
    <>
      <Checkbox
        label={t.team.loginToggle}
        name="withLogin"
        checked={draft.enabled}
        onChecked={(enabled) => onDraft({ ...draft, enabled })}
        hint={hadLogin && !draft.enabled ? t.team.removeLoginHint : undefined}
      />
      {draft.enabled ? (
        <div class={row ? "subfields field-row" : "subfields"}>
          <TextField
            label={t.team.username}
            name="username"
            value={draft.username}
            onValue={(username) => onDraft({ ...draft, username })}
            hint={t.team.usernameHint}
            error={errors.username}
            autoComplete="off"
            required
            verbatim
          />
          <TextField
            label={hadLogin ? t.team.newPassword : t.team.password}
            name="password"
            type="password"
            value={draft.password}
            onValue={(password) => onDraft({ ...draft, password })}
            hint={hadLogin ? t.team.newPasswordHint : t.team.passwordHint}
            error={errors.password}
            autoComplete="new-password"
            required={!hadLogin}
          />
        </div>
      ) : null}
    </>
  );
}
