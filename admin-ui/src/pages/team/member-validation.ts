import { PERSON_NAME_MAX } from "@innbox/protocol/rules";
import { checkName, checkPassword, checkUsername, problems } from "../../forms/checks";
import type { FieldWords } from "../../forms/server-errors";
import { t } from "../../messages";

export interface LoginFields {
  username: string;
  password: string;
}

/**
 * A member as the add and edit forms hold it, checked with the appliance's rules: a name,
 * and for a login a username and (when new, or when one is typed) a password.
 */
export function validateMember(name: string, login: LoginFields | null, passwordRequired: boolean): Record<string, string> {
  return problems({
    name: checkName(name, t.team.name, PERSON_NAME_MAX),
    username: login ? checkUsername(login.username, t.team.username) : undefined,
    password: login ? checkPassword(login.password, passwordRequired ? t.team.password : t.team.newPassword, { required: passwordRequired }) : undefined,
  });
}

/** The team requests' fields as the forms name them. */
export const MEMBER_FIELDS: FieldWords = {
  name: t.team.name,
  role: t.team.role,
  username: t.team.username,
  password: t.team.password,
};
