import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { en } from "../messages/en";
import { inFormWords, placeServerErrors } from "./server-errors";

const PROPERTY = { name: "Property name", slug: "Web address name", latitude: "Latitude", longitude: "Longitude" };

describe("the appliance's refusals in the form's words", () => {
  it("puts each field's sentence beside it, starting with the form's label", () => {
    const error = new ApiError(400, "2 fields of the request body need attention: slug, latitude.", [
      { field: "body.slug", message: "Slug must be 3 to 40 characters of lower-case letters, digits and dashes." },
      { field: "latitude", message: "Give the latitude too, or clear both." },
    ]);
    const placed = placeServerErrors(error, PROPERTY);
    expect(placed.fields).toEqual({
      slug: "Web address name must be 3 to 40 characters of lower-case letters, digits and dashes.",
      latitude: "Give the latitude too, or clear both.",
    });
    // The summary that speaks of "the request body" is never shown.
    expect(placed.alert).toBe(en.errors.fixFields);
  });

  it("rewords a missing field and a field named by its path", () => {
    expect(inFormWords("body.slug is required.", "body.slug", "Web address name")).toBe("Web address name is required.");
    expect(inFormWords("slug is required.", "slug", "Web address name")).toBe("Web address name is required.");
    expect(inFormWords("Name cannot be empty.", "body.name", "Property name")).toBe("Property name cannot be empty.");
    expect(inFormWords('Times look like "08:00".', "weekly.mon.0.from", "From")).toBe('Times look like "08:00".');
    // Only the field's own name at the start, not a word that begins with it.
    expect(inFormWords("Names are short.", "name", "Property name")).toBe("Names are short.");
  });

  it("places paths with a function, and keeps what it cannot place for above the form", () => {
    const error = new ApiError(400, "2 fields need attention.", [
      { field: "weekly.mon.0.from", message: 'Times look like "08:00".' },
      { field: "colour", message: '"colour" is not a field this request accepts.' },
    ]);
    const placed = placeServerErrors(error, (field) => (field.startsWith("weekly.") ? { key: field, label: "From" } : undefined));
    expect(placed.fields).toEqual({ "weekly.mon.0.from": 'Times look like "08:00".' });
    expect(placed.alert).toBe('"colour" is not a field this request accepts.');
  });

  it("joins two sentences about one field", () => {
    const error = new ApiError(400, "x", [
      { field: "password", message: "Password must be at least 8 characters." },
      { field: "password", message: "Give both a username and a password." },
    ]);
    expect(placeServerErrors(error, { password: "New password" }).fields.password).toBe(
      "New password must be at least 8 characters. Give both a username and a password.",
    );
  });

  it("keeps the appliance's advice above the form, but not its summary of the fields", () => {
    const refused = new ApiError(400, "Telegram did not accept this bot token. Copy it again from @BotFather.", [{ field: "token", message: "Telegram refused this token." }]);
    expect(placeServerErrors(refused, { token: "Bot token" })).toEqual({
      fields: { token: "Telegram refused this token." },
      alert: "Telegram did not accept this bot token. Copy it again from @BotFather.",
    });
    const one = new ApiError(400, "Slug must be 3 to 40 characters.", [{ field: "body.slug", message: "Slug must be 3 to 40 characters." }]);
    expect(placeServerErrors(one, PROPERTY)).toEqual({ fields: { slug: "Web address name must be 3 to 40 characters." }, alert: en.errors.fixFields });
  });

  it("shows a refusal without fields as it is, and a conflict by the field it is about", () => {
    expect(placeServerErrors(new ApiError(403, "Only a manager can do this."), PROPERTY)).toEqual({ fields: {}, alert: "Only a manager can do this." });
    const taken = new ApiError(409, 'The slug "casa" is already in use; choose another.');
    expect(placeServerErrors(taken, PROPERTY, { conflict: { key: "slug", message: "Taken." } })).toEqual({ fields: { slug: "Taken." }, alert: en.errors.fixFields });
  });
});
