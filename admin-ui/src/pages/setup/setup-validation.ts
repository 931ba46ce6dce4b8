import { t } from "../../messages";

export interface SetupForm {
  propertyName: string;
  name: string;
  username: string;
  password: string;
  passwordAgain: string;
}

/** Checks the browser can make without asking; the appliance checks the rest. */
export function validatePropertyName(form: SetupForm): Record<string, string> {
  return form.propertyName.trim() ? {} : { propertyName: t.validation.required(t.setup.propertyName) };
}

export function validateAccount(form: SetupForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = t.validation.required(t.setup.managerName);
  if (!form.username.trim()) errors.username = t.validation.required(t.setup.username);
  if (!form.password) errors.password = t.validation.required(t.setup.password);
  else if (form.password.length < 8) errors.password = t.validation.passwordTooShort;
  if (form.password && !form.passwordAgain) errors.passwordAgain = t.validation.passwordAgainMissing;
  else if (form.password && form.passwordAgain !== form.password) errors.passwordAgain = t.validation.passwordsDiffer;
  return errors;
}
