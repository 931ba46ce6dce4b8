import { describe, expect, it } from "vitest";
import { en } from "../../messages/en";
import { validateAccount, validatePropertyStep, type SetupForm } from "./setup-validation";

const filled: SetupForm = {
  propertyName: "Casa Azul",
  timezone: "Europe/Lisbon",
  name: "Mara",
  username: "mara",
  password: "sea view 2024",
  passwordAgain: "sea view 2024",
};

describe("setup form checks", () => {
  it("passes a complete form", () => {
    expect(validatePropertyStep(filled)).toEqual({});
    expect(validateAccount(filled)).toEqual({});
  });

  it("needs a property name that is not just spaces, and a timezone the appliance knows", () => {
    expect(validatePropertyStep({ ...filled, propertyName: "  " })).toEqual({ propertyName: en.validation.required(en.setup.propertyName) });
    expect(validatePropertyStep({ ...filled, timezone: "Mars/Olympus_Mons" })).toEqual({ timezone: en.validation.timezoneUnknown });
    expect(validatePropertyStep({ ...filled, propertyName: "x".repeat(121) }).propertyName).toBe(en.validation.tooLong(en.setup.propertyName, 120));
  });

  it("names each missing field in the form's words", () => {
    const errors = validateAccount({ ...filled, name: "", username: "", password: "", passwordAgain: "" });
    expect(errors).toEqual({
      name: en.validation.required(en.setup.managerName),
      username: en.validation.required(en.setup.username),
      password: en.validation.required(en.setup.password),
    });
  });

  it("checks the username as the appliance does", () => {
    expect(validateAccount({ ...filled, username: "ma" }).username).toBe(en.validation.tooShort(en.setup.username, 3));
    expect(validateAccount({ ...filled, username: "mara azul" }).username).toBe(en.validation.usernameCharacters(en.setup.username));
  });

  it("wants the password twice and the same", () => {
    expect(validateAccount({ ...filled, passwordAgain: "" }).passwordAgain).toBe(en.validation.passwordAgainMissing);
    expect(validateAccount({ ...filled, passwordAgain: "sea view 2025" }).passwordAgain).toBe(en.validation.passwordsDiffer);
    expect(validateAccount({ ...filled, password: "short", passwordAgain: "short" }).password).toBe(en.validation.tooShort(en.setup.password, 8));
  });
});
