import { describe, expect, it } from "vitest";
import { en } from "../../messages/en";
import { validateAccount, validatePropertyName, type SetupForm } from "./setup-validation";

const filled: SetupForm = {
  propertyName: "Casa Azul",
  name: "Mara",
  username: "mara",
  password: "sea view 2024",
  passwordAgain: "sea view 2024",
};

describe("setup form checks", () => {
  it("passes a complete form", () => {
    expect(validatePropertyName(filled)).toEqual({});
    expect(validateAccount(filled)).toEqual({});
  });

  it("needs a property name that is not just spaces", () => {
    expect(validatePropertyName({ ...filled, propertyName: "  " })).toHaveProperty("propertyName");
  });

  it("names each missing field", () => {
    const errors = validateAccount({ ...filled, name: "", username: "", password: "", passwordAgain: "" });
    expect(Object.keys(errors).sort()).toEqual(["name", "password", "username"]);
  });

  it("wants the password twice and the same", () => {
    expect(validateAccount({ ...filled, passwordAgain: "" }).passwordAgain).toBe(en.validation.passwordAgainMissing);
    expect(validateAccount({ ...filled, passwordAgain: "sea view 2025" }).passwordAgain).toBe(en.validation.passwordsDiffer);
    expect(validateAccount({ ...filled, password: "short", passwordAgain: "short" }).password).toBe(en.validation.passwordTooShort);
  });
});
