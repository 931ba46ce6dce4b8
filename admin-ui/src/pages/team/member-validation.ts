import { t } from "../../messages";

export interface LoginFields {
  username: string;
  password: string;
}

/**
 * What the browser can check before asking: a login needs a username and, when new,
 * a password; passwords are at least 8 characters. The appliance checks the rest.
 */
export function validateMember(
  name: string,
  login: LoginFields | null,
  passwordRequired: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = t.validation.required(t.team.name);
  if (login) {
    if (!login.username.trim()) errors.username = t.validation.required(t.team.username);
    if (!login.password && passwordRequired) errors.password = t.validation.required(t.team.password);
    else if (login.password && login.password.length < 8) errors.password = t.validation.passwordTooShort;
  }
  return errors;
}
