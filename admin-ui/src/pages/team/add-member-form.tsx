import type { CreateTeamMemberBody, Role, TeamMember } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { type ApiError, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, TextField } from "../../components/field";
import { t } from "../../messages";
import { validateMember } from "./member-validation";
import { RoleSelect } from "./role-select";

export function AddMemberForm({ onAdded }: { onAdded: (member: TeamMember) => void }) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [withLogin, setWithLogin] = useState(false);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const login = withLogin ? { username, password } : null;
    const errors = validateMember(name, login, true);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;

    const body: CreateTeamMemberBody = { name: name.trim(), role };
    if (login) {
      body.username = login.username.trim();
      body.password = login.password;
    }
    setBusy(true);
    try {
      const member = await api.createMember(body);
      setName("");
      setRole("staff");
      setWithLogin(false);
      setUsername("");
      setPassword("");
      onAdded(member);
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      setFieldErrors({ ...failure.fields });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t.team.addHeading}</h2>
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      <TextField label={t.team.name} name="name" value={name} onValue={setName} error={fieldErrors.name} autoComplete="off" required />
      <RoleSelect value={role} onValue={setRole} error={fieldErrors.role} />
      <Checkbox label={t.team.loginToggle} name="withLogin" checked={withLogin} onChecked={setWithLogin} />
      {withLogin ? (
        <div class="subfields">
          <TextField
            label={t.team.username}
            name="username"
            value={username}
            onValue={setUsername}
            hint={t.team.usernameHint}
            error={fieldErrors.username}
            autoComplete="off"
            required
            verbatim
          />
          <TextField
            label={t.team.password}
            name="password"
            type="password"
            value={password}
            onValue={setPassword}
            hint={t.team.passwordHint}
            error={fieldErrors.password}
            autoComplete="new-password"
            required
          />
        </div>
      ) : null}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.team.adding : t.team.add}
        </button>
      </div>
    </form>
  );
}
