import type { CreateTeamMemberBody, Role, TeamMember } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { TextField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { t } from "../../messages";
import { MemberLoginFields, NO_LOGIN, loginOf } from "./member-login-fields";
import { MEMBER_FIELDS, validateMember } from "./member-validation";
import { RoleSelect } from "./role-select";

export function AddMemberForm({ onAdded }: { onAdded: (member: TeamMember) => void }) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [draft, setDraft] = useState(NO_LOGIN);
  const { fieldErrors, alert, busy, check, send } = useFormRequest(MEMBER_FIELDS);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const login = loginOf(draft);
    if (!check(validateMember(name, login, true))) return;

    const body: CreateTeamMemberBody = { name: name.trim(), role };
    if (login) {
      body.username = login.username.trim();
      body.password = login.password;
    }
    await send(async () => {
      const member = await api.createMember(body);
      setName("");
      setRole("staff");
      setDraft(NO_LOGIN);
      onAdded(member);
    });
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t.team.addHeading}</h2>
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      <TextField label={t.team.name} name="name" value={name} onValue={setName} error={fieldErrors.name} autoComplete="off" required />
      <RoleSelect value={role} onValue={setRole} error={fieldErrors.role} />
      <MemberLoginFields draft={draft} onDraft={setDraft} errors={fieldErrors} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.team.adding : t.team.add}
        </button>
      </div>
    </form>
  );
}
