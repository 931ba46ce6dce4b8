import type { Role, TeamMember, UpdateTeamMemberBody } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ApiError, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, TextField } from "../../components/field";
import { t } from "../../messages";
import { validateMember } from "./member-validation";
import { RoleSelect } from "./role-select";

interface EditMemberFormProps {
  member: TeamMember;
  onSaved: (member: TeamMember) => void;
  onCancel: () => void;
}

export function EditMemberForm({ member, onSaved, onCancel }: EditMemberFormProps) {
  const { api } = useSession();
  const hadLogin = member.username !== null;
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<Role>(member.role);
  const [withLogin, setWithLogin] = useState(hadLogin);
  const [username, setUsername] = useState(member.username ?? "");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const login = withLogin ? { username, password } : null;
    // A new login needs a password; an existing one keeps its password unless a new one is typed.
    const errors = validateMember(name, login, !hadLogin);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;

    const changes: UpdateTeamMemberBody = {};
    if (name.trim() !== member.name) changes.name = name.trim();
    if (role !== member.role) changes.role = role;
    if (login) {
      if (login.username.trim() !== member.username) changes.username = login.username.trim();
      if (login.password) changes.password = login.password;
    } else if (hadLogin) {
      changes.username = null;
    }

    setBusy(true);
    try {
      onSaved(await api.updateMember(member.id, changes));
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      setFieldErrors({ ...failure.fields });
      setBusy(false);
    }
  };

  return (
    <form class="form member-edit" onSubmit={onSubmit} noValidate aria-labelledby={`edit-${member.id}`}>
      <h3 id={`edit-${member.id}`} ref={heading} tabIndex={-1}>
        {t.team.editHeading(member.name)}
      </h3>
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      <div class="field-row">
        <TextField label={t.team.name} name="name" value={name} onValue={setName} error={fieldErrors.name} autoComplete="off" required />
        <RoleSelect value={role} onValue={setRole} error={fieldErrors.role} />
      </div>
      <Checkbox
        label={t.team.loginToggle}
        name="withLogin"
        checked={withLogin}
        onChecked={setWithLogin}
        hint={hadLogin && !withLogin ? t.team.removeLoginHint : undefined}
      />
      {withLogin ? (
        <div class="subfields field-row">
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
            label={hadLogin ? t.team.newPassword : t.team.password}
            name="password"
            type="password"
            value={password}
            onValue={setPassword}
            hint={hadLogin ? t.team.newPasswordHint : t.team.passwordHint}
            error={fieldErrors.password}
            autoComplete="new-password"
            required={!hadLogin}
          />
        </div>
      ) : null}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.team.saving : t.team.save}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          {t.team.cancel}
        </button>
      </div>
    </form>
  );
}
