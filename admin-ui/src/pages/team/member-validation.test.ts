import { describe, expect, it } from "vitest";
import { en } from "../../messages/en";
import { validateMember } from "./member-validation";

describe("team member form checks", () => {
  it("needs only a name when there is no login", () => {
    expect(validateMember("Ana", null, true)).toEqual({});
    expect(validateMember(" ", null, true)).toEqual({ name: en.validation.required(en.team.name) });
    expect(validateMember("x".repeat(81), null, true)).toEqual({ name: en.validation.tooLong(en.team.name, 80) });
  });

  it("needs a username and password for a new login", () => {
    expect(validateMember("Ana", { username: "", password: "" }, true)).toEqual({
      username: en.validation.required(en.team.username),
      password: en.validation.required(en.team.password),
    });
    expect(validateMember("Ana", { username: "ana lima", password: "front desk 9" }, true)).toEqual({
      username: en.validation.usernameCharacters(en.team.username),
    });
  });

  it("keeps an existing password when none is typed, but checks a new one", () => {
    expect(validateMember("Ana", { username: "ana", password: "" }, false)).toEqual({});
    expect(validateMember("Ana", { username: "ana", password: "short" }, false)).toEqual({
      password: en.validation.tooShort(en.team.newPassword, 8),
    });
  });
});
