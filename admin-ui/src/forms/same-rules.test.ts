// The page checks a form before sending it with the same rules the appliance applies: for
// each sample, the page's check passes exactly when the appliance's schema accepts the body
// the page would send. (Tests may import zod; the page itself imports only the plain values
// of @innbox/protocol/rules.)
import {
  ChatSettings,
  CreateTeamMemberBody,
  LoginBody,
  ReceptionLinkQuery,
  SetTelegramTokenBody,
  SetupBody,
  UpdatePropertyBody,
  WorkingHours,
} from "@innbox/protocol";
import { TELEGRAM_TOKEN } from "@innbox/protocol/rules";
import { describe, expect, it } from "vitest";
import { checkPropertyForm, type PropertyForm } from "../pages/property-validation";
import { fromAlertForm, validateAlerts } from "../pages/settings/alert-form";
import { fromForm, toForm, validateHours } from "../pages/settings/working-hours-form";
import { validateAccount, validatePropertyStep, type SetupForm } from "../pages/setup/setup-validation";
import { validateMember } from "../pages/team/member-validation";
import { checkTag, checkText } from "./checks";

const long = (length: number) => "x".repeat(length);

/** For each sample: [what the page's check says is fine, what the appliance accepts]. */
function agree<T>(samples: readonly T[], page: (sample: T) => boolean, appliance: (sample: T) => boolean) {
  for (const sample of samples) expect([sample, page(sample)]).toEqual([sample, appliance(sample)]);
}

describe("the page checks forms with the appliance's rules", () => {
  it("setup: property name, manager name, username and password", () => {
    const filled: SetupForm = { propertyName: "Casa Azul", timezone: "Europe/Lisbon", name: "Mara", username: "mara", password: "sea view 2024", passwordAgain: "" };
    const body = (form: SetupForm) => ({ token: "t", propertyName: form.propertyName.trim(), name: form.name.trim(), username: form.username.trim(), password: form.password });
    const pageOk = (form: SetupForm) => Object.keys({ ...validatePropertyStep(form), ...validateAccount({ ...form, passwordAgain: form.password }) }).length === 0;
    const samples: SetupForm[] = [
      filled,
      ...["", "  ", long(120), long(121), "Casa\nAzul", "Casa \u202EAzul"].map((propertyName) => ({ ...filled, propertyName })),
      ...["", long(80), long(81), "Ma\u0007ra", "Mara\u2066", "Mara \u200F"].map((name) => ({ ...filled, name })),
      ...["", "ab", "abc", " mara ", "mara@casa.pt", "mara azul", "márá", long(64), long(65)].map((username) => ({ ...filled, username })),
      ...["", "short", "1234567", "12345678", "        ", long(256), long(257)].map((password) => ({ ...filled, password })),
    ];
    agree(samples, pageOk, (form) => SetupBody.safeParse(body(form)).success);
  });

  it("links and QR codes: a room or place, or none", () => {
    // The page leaves an empty tag out of the request: the link without a room.
    const query = (tag: string) => (tag.trim() ? { tag } : {});
    agree(
      ["", "  ", "Room12", "Room 12", " Room 12 ", "Suite #3", "Pool_bar.2-B", "Zimmer Ö 4", "客房 8", long(40), long(41), "Room<12>", "a/b", "Room\n12", "Room\t1", "50%"],
      (tag) => !checkTag(tag, "Room or place"),
      (tag) => ReceptionLinkQuery.safeParse(query(tag)).success,
    );
  });

  it("sign-in: a username and a password of sensible length", () => {
    const pageOk = ([username, password]: [string, string]) =>
      !checkText(username, "Username", { max: 64 }) && Boolean(password) && password.length <= 256;
    agree(
      [["mara", "x"], ["", "x"], ["mara", ""], [long(64), "x"], [long(65), "x"], ["mara", long(257)]] as Array<[string, string]>,
      pageOk,
      ([username, password]) => LoginBody.safeParse({ username: username.trim(), password }).success,
    );
  });

  it("team: a member's name, and a login's username and password", () => {
    const samples: Array<[string, { username: string; password: string } | null]> = [
      ["Ana", null],
      ["", null],
      [long(80), null],
      [long(81), null],
      ["An\ta", null],
      ["\u202Dana", null],
      ["Ana", { username: "ana", password: "front desk 9" }],
      ["Ana", { username: "an", password: "front desk 9" }],
      ["Ana", { username: "ana lima", password: "front desk 9" }],
      ["Ana", { username: "ana", password: "short" }],
      ["Ana", { username: "ana", password: "" }],
    ];
    agree(
      samples,
      ([name, login]) => Object.keys(validateMember(name, login, true)).length === 0,
      ([name, login]) =>
        CreateTeamMemberBody.safeParse({ name: name.trim(), role: "staff", ...(login ? { username: login.username.trim(), password: login.password } : {}) }).success,
    );
  });

  it("property: name, web address name, timezone, city, location and stay times", () => {
    const saved = { name: "Old", slug: "old-name", timezone: "UTC", latitude: null, longitude: null };
    const filled: PropertyForm = { name: "Casa Azul", slug: "casa-azul", timezone: "Europe/Rome", city: "Lisboa", latitude: "38.72", longitude: "-9.14", checkInTime: "15:00", checkOutTime: "11:00", arrivalInstructions: "" };
    const samples: PropertyForm[] = [
      filled,
      ...["", long(120), long(121)].map((name) => ({ ...filled, name })),
      ...["ab", "abc", "casa-azul-2", "Casa", "casa azul", "café", long(40), long(41)].map((slug) => ({ ...filled, slug })),
      ...["Europe/Rome", "UTC", "EST", "Mars/Olympus_Mons"].map((timezone) => ({ ...filled, timezone })),
      ...["", "  Lisboa ", long(80), long(81), "two\nlines"].map((city) => ({ ...filled, city })),
      ...["", "Key box **4821**\n\n- Parking behind", long(4000), long(4001)].map((arrivalInstructions) => ({ ...filled, arrivalInstructions })),
      ...["14:00", "00:00", "23:59", "24:00", "9:00", "", "15:60"].map((checkInTime) => ({ ...filled, checkInTime })),
      ...["10:30", "7:5", "noon"].map((checkOutTime) => ({ ...filled, checkOutTime })),
      ...[["90", "180"], ["-90.5", "0"], ["0", "180.1"], ["", ""], ["38", ""], ["", "-9"]].map(([latitude, longitude]) => ({ ...filled, latitude: latitude!, longitude: longitude! })),
    ];
    agree(
      samples,
      (form) => Object.keys(checkPropertyForm(form, saved).errors).length === 0,
      (form) => {
        const body = {
          name: form.name.trim(),
          slug: form.slug.trim(),
          timezone: form.timezone,
          city: form.city,
          latitude: form.latitude ? Number(form.latitude) : null,
          longitude: form.longitude ? Number(form.longitude) : null,
          checkInTime: form.checkInTime,
          checkOutTime: form.checkOutTime,
          arrivalInstructions: form.arrivalInstructions,
        };
        // The appliance keeps latitude and longitude together (checked beside the schema).
        return UpdatePropertyBody.safeParse(body).success && (body.latitude === null) === (body.longitude === null);
      },
    );
  });

  it("Telegram: the bot token's shape", () => {
    agree(
      ["123456789:AAEhBP0av28cXxxxxxxxxxxxxxxxxxxx", "123456789", "12:AAEhBP0av28cXxxxxxxxxxxxxxxxxxxx", "123456789:short", " 123456789:AAEhBP0av28cXxxxxxxxxxxxxxxxxxxx "],
      (token) => TELEGRAM_TOKEN.test(token.trim()),
      (token) => SetTelegramTokenBody.safeParse({ token }).success,
    );
  });

  it("alerts: reminder minutes and the notices by language", () => {
    const samples: Array<[string, Array<[string, string]>]> = [
      ["10", [["en", "Back soon."]]],
      ["0", [["en", "Back soon."]]],
      ["1440", [["en", "Back soon."]]],
      ["1441", [["en", "Back soon."]]],
      ["2.5", [["en", "Back soon."]]],
      ["ten", [["en", "Back soon."]]],
      ["10", [["en", "  "]]],
      ["10", [["en", long(1000)]]],
      ["10", [["en", long(1001)]]],
      ["10", [["en", "Back soon."], ["de", "Bald zurück."]]],
      ["10", [["en", "Back soon."], ["de", ""]]],
    ];
    agree(
      samples,
      ([minutes, notices]) => Object.keys(validateAlerts({ minutes, notices })).length === 0,
      ([minutes, notices]) => ChatSettings.safeParse(fromAlertForm({ minutes, notices })).success,
    );
  });

  it("working hours: times, their order, overlaps, exceptions and notes", () => {
    const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const day = (...ranges: Array<[string, string]>) => ranges.map(([from, to]) => ({ from, to }));
    const samples = [
      { ...week, mon: day(["09:00", "17:00"]) },
      { ...week, mon: day(["09:00", "24:00"]) },
      { ...week, mon: day(["17:00", "09:00"]) },
      { ...week, mon: day(["24:00", "24:00"]) },
      { ...week, mon: day(["9:00", "17:00"]) },
      { ...week, mon: day(["09:00", "13:00"], ["12:00", "18:00"]) },
      { ...week, mon: day(["09:00", "13:00"], ["13:00", "18:00"]) },
      { ...week, tue: day(["00:00", "01:00"], ["02:00", "03:00"], ["04:00", "05:00"], ["06:00", "07:00"], ["08:00", "09:00"], ["10:00", "11:00"], ["12:00", "13:00"]) },
    ].map((weekly) => ({ enabled: true, weekly, exceptions: [] as WorkingHours["exceptions"] }));
    samples.push(
      { enabled: true, weekly: week, exceptions: [{ date: "2026-12-25", ranges: [], note: "Christmas" }] },
      { enabled: true, weekly: week, exceptions: [{ date: "2026-12-25", ranges: [], note: long(121) }] },
      { enabled: true, weekly: week, exceptions: [{ date: "25/12/2026", ranges: [] }] },
      { enabled: true, weekly: week, exceptions: [{ date: "2026-12-25", ranges: [] }, { date: "2026-12-25", ranges: [] }] },
      { enabled: true, weekly: week, exceptions: [{ date: "2026-12-31", ranges: day(["14:00", "10:00"]) }] },
    );
    agree(
      samples,
      (hours) => Object.keys(validateHours(toForm(hours))).length === 0,
      (hours) => WorkingHours.safeParse(fromForm(toForm(hours))).success,
    );
  });
});
