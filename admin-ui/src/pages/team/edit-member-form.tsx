import type { Role, TeamMember, UpdateTeamMemberBody } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { TextField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { t } from "../../messages";
import { MemberLoginFields, loginOf, type LoginDraft } from "./member-login-fields";
import { MEMBER_FIELDS, validateMember } from "./member-validation";
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
  const [draft, setDraft] = useState<LoginDraft>({ enabled: hadLogin, username: member.username ?? "", password: "" });
  const { fieldErrors, alert, busy, check, send } = useFormRequest({ ...MEMBER_FIELDS, password: hadLogin ? t.team.newPassword : t.team.password });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const login = loginOf(draft);
    // A new login needs a password; an existing one keeps its password unless a new one is typed.
    if (!check(validateMember(name, login, !hadLogin))) return;

    const changes: UpdateTeamMemberBody = {};
    if (name.trim() !== member.name) changes.name = name.trim();
    if (role !== member.role) changes.role = role;
    if (login) {
      if (login.username.trim() !== member.username) changes.username = login.username.trim();
      if (login.password) changes.password = login.password;
    } else if (hadLogin) {
      changes.username = null;
    }

    await send(async () => onSaved(await api.updateMember(member.id, changes)));
  };

  return (
    <form class="form member-edit" onSubmit={onSubmit} noValidate aria-labelledby={`edit-${member.id}`}>
      <h3 id={`edit-${member.id}`} ref={heading} tabIndex={-1}>
        {t.team.editHeading(member.name)}
      </h3>
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      <div class="field-row">
        <TextField label={t.team.name} name="name" value={name} onValue={setName} error={fieldErrors.name} autoComplete="off" required />
        <RoleSelect value={role} onValue={setRole} error={fieldErrors.role} />
      </div>
      <MemberLoginFields draft={draft} onDraft={setDraft} errors={fieldErrors} hadLogin={hadLogin} row />
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
