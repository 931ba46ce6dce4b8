import { PERSON_NAME_MAX, PROPERTY_NAME_MAX } from "@innbox/protocol/rules";
import { checkName, checkPassword, checkPasswordAgain, checkTimezone, checkUsername, problems } from "../../forms/checks";
import type { FieldWords } from "../../forms/server-errors";
import { t } from "../../messages";

export interface SetupForm {
  propertyName: string;
  /** Guessed from this device; sent to the property once the account exists. */
  timezone: string;
  name: string;
  username: string;
  password: string;
  passwordAgain: string;
}

/** Step 1, the property: its name and timezone. */
export function validatePropertyStep(form: SetupForm): Record<string, string> {
  return problems({
    propertyName: checkName(form.propertyName, t.setup.propertyName, PROPERTY_NAME_MAX),
    timezone: checkTimezone(form.timezone, t.setup.timezone),
  });
}

/** Step 2, the manager's account, with the appliance's rules for names, usernames and passwords. */
export function validateAccount(form: SetupForm): Record<string, string> {
  return problems({
    name: checkName(form.name, t.setup.managerName, PERSON_NAME_MAX),
    username: checkUsername(form.username, t.setup.username),
    password: checkPassword(form.password, t.setup.password),
    passwordAgain: checkPasswordAgain(form.password, form.passwordAgain),
  });
}

/** The setup request's fields as the wizard names them. */
export const SETUP_FIELDS: FieldWords = {
  propertyName: t.setup.propertyName,
  name: t.setup.managerName,
  username: t.setup.username,
  password: t.setup.password,
};
