import { z } from "zod";
import { Id, IsoDateTime } from "./common.js";
import { ChatMessage } from "./chat.js";
import { NameText } from "./text.js";
import { hasControlCharacters, hasControlCharactersInLine } from "./rules.js";
import { Weather } from "./weather.js";

// The lobby kiosk (Remote Front Desk): pairing, its idle screen, the messages guests leave
// on it and the call log. A kiosk holds its own bearer token, good for /api/kiosk/* and the
// /kiosk socket namespace only.

export * from "./wifi-qr.js";
import { KIOSK_NAME_MAX, WIFI_SECURITY } from "./wifi-qr.js";

export const KioskParams = z.object({ id: Id });

export const CreateKioskBody = z.object({ name: NameText("The kiosk's name", KIOSK_NAME_MAX).describe('Where it stands, e.g. "Lobby".') });
export type CreateKioskBody = z.infer<typeof CreateKioskBody>;
export const UpdateKioskBody = CreateKioskBody;
export type UpdateKioskBody = CreateKioskBody;

export const KioskPairing = z
  .object({
    kiosk: z.object({ id: Id, name: z.string() }),
    pairingCode: z.string().describe('The one-time code, grouped for reading ("ACDE-FGHJ"); case, spaces and dashes do not matter when typed.'),
    pairingUrl: z.string().describe("`/kiosk?code=<pairingCode>`: opening it pairs the browser."),
    pairingLink: z.string().describe("The pairingUrl under the appliance's public address, for the QR code."),
    expiresAt: IsoDateTime,
  })
  .meta({ id: "KioskPairing" });
export type KioskPairing = z.infer<typeof KioskPairing>;

export const Kiosk = z
  .object({
    id: Id,
    name: z.string(),
    createdAt: IsoDateTime,
    pairedAt: IsoDateTime.nullable().describe("Null while it waits for its code to be entered."),
    pairingExpiresAt: IsoDateTime.nullable().describe("While waiting: when the code shown last stops working."),
    lastSeenAt: IsoDateTime.nullable(),
    online: z.boolean().describe("Whether its page is connected now."),
  })
  .meta({ id: "Kiosk" });
export type Kiosk = z.infer<typeof Kiosk>;
export const KioskList = z.object({ kiosks: z.array(Kiosk) });
export type KioskList = z.infer<typeof KioskList>;

export const PairKioskBody = z.object({
  code: z
    .string({ error: "code must be the pairing code the admin page shows, such as ACDE-FGHJ." })
    .max(40, { error: "code is too long: the pairing code has 8 letters and digits." })
    .describe("As typed: case, spaces and dashes do not matter."),
});
export const KioskToken = z.object({ token: z.string().describe("The kiosk's own credential: `Authorization: Bearer <token>` and the socket's `auth: {token}`.") });
export type KioskToken = z.infer<typeof KioskToken>;

export const ReloadAnswer = z.object({ connected: z.boolean().describe("Whether the kiosk was connected and got the request.") });

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
export const KIOSK_TEXT_MAX = 500;

const WifiSettings = z
  .object({
    ssid: z
      .string({ error: "wifi.ssid must be the network's name." })
      .min(1, { error: "wifi.ssid cannot be empty: give the network's name as phones list it." })
      .refine((s) => new TextEncoder().encode(s).length <= 32, { error: "wifi.ssid is at most 32 bytes long (a Wi-Fi rule)." })
      .refine((s) => !hasControlCharacters(s), { error: "wifi.ssid may not contain control characters." }),
    password: z
      .string({ error: "wifi.password must be text." })
      .max(63, { error: "wifi.password is at most 63 characters (a Wi-Fi rule)." })
      .refine((s) => !hasControlCharacters(s), { error: "wifi.password may not contain control characters." })
      .default("")
      .describe("Any characters, kept exactly; the QR code escapes them."),
    security: z.enum(WIFI_SECURITY, { error: 'wifi.security must be "WPA", "WEP" or "nopass".' }).describe('"WPA" covers WPA2 and WPA3.'),
    hidden: z.boolean({ error: "wifi.hidden must be true or false." }).optional(),
  })
  .superRefine((w, ctx) => {
    if (w.security === "WPA" && (w.password.length < 8 || w.password.length > 63))
      ctx.addIssue({ code: "custom", path: ["password"], message: "A WPA password has 8 to 63 characters: check it against the router's label." });
    if (w.security === "WEP" && ![5, 10, 13, 26].includes(w.password.length))
      ctx.addIssue({ code: "custom", path: ["password"], message: "A WEP key has 5 or 13 characters (or 10 or 26 hexadecimal digits)." });
    if (w.security === "nopass" && w.password !== "")
      ctx.addIssue({ code: "custom", path: ["password"], message: 'An open network ("nopass") has no password: clear it or choose WPA.' });
  });

export const KioskSettings = z
  .object({
    wifi: WifiSettings.optional(),
    phone: z
      .string({ error: "phone must be text." })
      .trim()
      .max(40, { error: "phone is at most 40 characters." })
      .regex(/^[0-9+()./\s-]*$/, { error: "phone holds digits, spaces and + ( ) - . / only, such as +39 0471 123 456." })
      .optional(),
    emergencyText: z
      .record(
        z.string().regex(LANG, { error: 'Each emergencyText language is a code such as "en", "de" or "pt-BR".' }),
        z
          .string({ error: "Each emergency text must be text." })
          .trim()
          .min(1, { error: "An emergency text cannot be empty: remove the language instead." })
          .max(KIOSK_TEXT_MAX, { error: `An emergency text is at most ${KIOSK_TEXT_MAX} characters.` })
          .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), { error: "An emergency text may not contain control characters." }),
      )
      .optional()
      .describe("Per language code: what to do in an emergency (numbers to call, where the first-aid kit is)."),
  })
  .meta({ id: "KioskSettings" });
export type KioskSettings = z.infer<typeof KioskSettings>;
export type KioskSettingsInput = z.input<typeof KioskSettings>;

export const KioskScreen = z
  .object({
    property: z.object({
      name: z.string(),
      timezone: z.string(),
      logoUrl: z.string().optional(),
      colors: z.object({ text: z.string(), background: z.string() }).optional(),
    }),
    weather: Weather.optional().describe("The cached forecast (current and next days); absent until the property has a position and a forecast."),
    wifi: z
      .object({ ssid: z.string(), password: z.string(), security: z.enum(WIFI_SECURITY), hidden: z.boolean(), qr: z.string().describe("The exact `WIFI:` text for the QR code.") })
      .optional(),
    receptionUrl: z.string().describe("`<publicUrl>/r/<slug>`: the Online Reception QR code."),
    phone: z.string().optional(),
    emergencyText: z.record(z.string(), z.string()),
    languages: z.array(z.string()).describe("The languages the screen offers, the first the default."),
  })
  .meta({ id: "KioskScreen" });
export type KioskScreen = z.infer<typeof KioskScreen>;

export const KioskMessageBody = z.object({
  text: z
    .string({ error: "text must be the message." })
    .trim()
    .min(1, { error: "The message cannot be empty." })
    .max(4000, { error: "A message is at most 4,000 characters." })
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), { error: "The message may not contain control characters." }),
  name: z
    .string({ error: "name must be text." })
    .trim()
    .max(80, { error: "name is at most 80 characters." })
    .refine((s) => !hasControlCharactersInLine(s), { error: "name may not contain control characters or line breaks." })
    .optional(),
  language: z.string().regex(LANG, { error: 'language is a code such as "en" or "de".' }).optional(),
  clientId: z.string().min(1).max(64).optional().describe("The same clientId twice stores the message once."),
});
export type KioskMessageBody = z.infer<typeof KioskMessageBody>;
export const KioskMessageCreated = z.object({ conversationId: Id, message: ChatMessage });

export const CALL_OUTCOMES = ["answered", "missed", "declined", "cancelled"] as const;
export const CallLogEntry = z
  .object({
    id: Id,
    kioskId: Id,
    kioskName: z.string(),
    startedAt: IsoDateTime,
    answeredAt: IsoDateTime.optional(),
    endedAt: IsoDateTime.optional(),
    answeredBy: z.object({ id: Id, name: z.string() }).optional(),
    outcome: z.enum(CALL_OUTCOMES),
    durationS: z.number().int(),
  })
  .meta({ id: "CallLogEntry" });
export type CallLogEntry = z.infer<typeof CallLogEntry>;
export const CallList = z.object({ calls: z.array(CallLogEntry) });
export const CallListQuery = z.object({ limit: z.coerce.number({ error: "limit must be a number from 1 to 500." }).int().min(1).max(500).optional() });
