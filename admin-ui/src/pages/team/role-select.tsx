import type { Role } from "@innbox/protocol";
import { SelectField } from "../../components/field";
import { t } from "../../messages";

export function RoleSelect({ value, onValue, error }: { value: Role; onValue: (role: Role) => void; error?: string | undefined }) {
  return (
    <SelectField
      label={t.team.role}
      name="role"
      value={value}
      onValue={(role) => onValue(role === "manager" ? "manager" : "staff")}
      hint={t.team.roleHint}
      error={error}
    >
      <option value="staff">{t.team.roleStaff}</option>
      <option value="manager">{t.team.roleManager}</option>
    </SelectField>
  );
}
