import { z } from "zod";
import {
  DATE,
  EXCEPTION_NOTE_MAX,
  EXCEPTIONS_MAX,
  hasControlCharacters,
  MESSAGE_MAX,
  NOTICE_LANGUAGE,
  OFF_HOURS_NOTICE_MAX,
  RANGES_PER_DAY_MAX,
  TIME_OF_DAY,
  UNANSWERED_MINUTES,
} from "./rules.js";
import { ConversationBooking, ReservationCode } from "./bookings.js";
import { Tag } from "./reception.js";
import { NameText } from "./text.js";

export const Channel = z.enum(["web", "telegram", "kiosk", "widget"]);
export type Channel = z.infer<typeof Channel>;

export const MessageText = z
  .string({ error: "Text must be a string." })
  .transform((s) => s.replace(/\r\n?/g, "\n"))
  .pipe(
    z
      .string()
      .refine((s) => s.trim().length > 0, { error: "Text cannot be empty." })
      .refine((s) => s.length <= MESSAGE_MAX, { error: "Text must be at most 4,000 characters." })
      .refine((s) => !hasControlCharacters(s), { error: "Text may not contain control characters or text-direction overrides." }),
  );

export const ClientId = z
  .string({ error: "clientId must be a string." })
  .min(1, { error: "clientId cannot be empty." })
  .max(100, { error: "clientId must be at most 100 characters." })
  .regex(/^[\w:.-]+$/, { error: "clientId may use letters, digits and _ : . - only." });

export const ChatMessage = z
  .object({
    id: z.string(),
    from: z.enum(["guest", "staff", "system"]),
    text: z.string(),
    createdAt: z.string(),
    staffName: z.string().optional(),
    clientId: z.string().optional(),
    deliveredAt: z.string().optional().describe("Guest messages: when it first reached a staff member."),
  })
  .meta({ id: "ChatMessage" });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Language = z
  .string({ error: "Language must be text." })
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'Language must be a language tag such as "en" or "pt-BR".' });

export const CreateGuestSessionBody = z.strictObject({
  slug: z.string({ error: "slug is required." }).min(1).max(40),
  tag: Tag.optional().describe("The room or place of the QR link (`?t=Room12`): 1 to 40 letters, digits, spaces and . _ # -, kept as given (trimmed). A longer or odd tag is refused (400), never dropped."),
  name: NameText("Name", 80).optional(),
  language: Language.optional(),
  channel: z
    .literal("web", { error: 'Chats opened here are on the "web" channel; the kiosk and the website widget sign in with their own credentials.' })
    .optional()
    .describe('Always "web" (the default): the kiosk and widget channels have their own credentials.'),
  reservationCode: ReservationCode.optional().describe(
    "Opens My Reservation with the booking's code (capitals, spaces and dashes do not matter): the conversation is linked to that booking. Unknown: 404; repeated misses from one address: 429.",
  ),
});
export type CreateGuestSessionBody = z.infer<typeof CreateGuestSessionBody>;

export const GuestSession = z.object({ conversationId: z.string(), token: z.string() });
export type GuestSession = z.infer<typeof GuestSession>;

export const SendMessageBody = z.strictObject({ text: MessageText, clientId: ClientId.optional() });
export type SendMessageBody = z.input<typeof SendMessageBody>;

export const MessageList = z.object({ messages: z.array(ChatMessage) });

const OnDuty = z.boolean().describe("Whether someone is on duty now: within the working hours (always, when none are set).");
const OffHoursNotice = z
  .string()
  .nullable()
  .describe("Shown to the guest when nobody is on duty: the manager's notice in the guest's language, else their English one, else the appliance's own in the guest's language.");
const BackAt = z
  .string()
  .nullable()
  .describe("When nobody is on duty: the next moment someone is (ISO 8601, UTC), from the working hours and their exceptions. Null while someone is on duty, or when no working hours lie ahead.");

/** What the reception page learns before a chat starts. */
export const GuestProperty = z
  .object({
    name: z.string(),
    slug: z.string(),
    formerSlugs: z
      .array(z.string())
      .describe("Links the property used before; they redirect here. The page carries a chat it saved under one of them over to `slug`."),
    timezone: z.string(),
    onDuty: OnDuty,
    offHoursNotice: OffHoursNotice,
    backAt: BackAt,
  })
  .meta({ id: "GuestProperty" });
export type GuestProperty = z.infer<typeof GuestProperty>;

export const GuestConversationInfo = z.object({
  conversationId: z.string(),
  guestName: z.string().nullable(),
  tag: z.string().nullable(),
  propertyName: z.string(),
  onDuty: OnDuty,
  offHoursNotice: OffHoursNotice,
  backAt: BackAt,
  email: z.string().nullable(),
});
export type GuestConversationInfo = z.infer<typeof GuestConversationInfo>;

export const UpdateGuestBody = z.strictObject({
  name: NameText("Name", 80).optional(),
  email: z.email({ error: "That does not look like an email address." }).max(200).optional(),
  language: Language.optional(),
});

export const ConversationListItem = z
  .object({
    id: z.string(),
    channel: Channel,
    guestName: z.string(),
    tag: z.string().optional(),
    language: z.string().optional(),
    email: z.string().optional(),
    lastMessage: z.string(),
    lastMessageAt: z.string(),
    unanswered: z.boolean(),
    alerted: z.boolean().describe("Staff on duty were alerted that this guest waits for an answer."),
    waitingSince: z.string().optional().describe("When the oldest unanswered guest message arrived."),
    booking: ConversationBooking.optional().describe("The booking this conversation is linked to (by the guest's reservation code, or by staff)."),
  })
  .meta({ id: "ConversationListItem" });
export type ConversationListItem = z.infer<typeof ConversationListItem>;

export const ConversationList = z.object({ conversations: z.array(ConversationListItem) });
export const ConversationDetail = z.object({ conversation: ConversationListItem, messages: z.array(ChatMessage) });
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const StaffSocketMessage = z.object({ conversationId: z.string(), message: ChatMessage });
export type StaffSocketMessage = z.infer<typeof StaffSocketMessage>;

// Working hours: a weekly schedule in the property's timezone, plus exceptions by date.
const Time = z.string().regex(TIME_OF_DAY, { error: 'Times look like "08:00" (24-hour clock; 24:00 is midnight at the end of the day).' });
export const TimeRange = z
  .strictObject({ from: Time, to: Time })
  .refine((r) => r.from < r.to, { error: "A range must end after it starts (use 24:00 for midnight)." });

/** Ranges of one day must not overlap; checked on the sorted list. */
const DayRanges = z
  .array(TimeRange)
  .max(RANGES_PER_DAY_MAX, { error: `At most ${RANGES_PER_DAY_MAX} ranges a day.` })
  .refine(
    (ranges) => {
      const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
      return sorted.every((r, i) => i === 0 || sorted[i - 1]!.to <= r.from);
    },
    { error: "The ranges of one day overlap; merge them." },
  );
export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export const WorkingHours = z
  .strictObject({
    enabled: z.boolean().describe("When false, the team is always on duty."),
    weekly: z.strictObject({ mon: DayRanges, tue: DayRanges, wed: DayRanges, thu: DayRanges, fri: DayRanges, sat: DayRanges, sun: DayRanges }),
    exceptions: z
      .array(
        z.strictObject({
          date: z.string().regex(DATE, { error: "Dates look like 2026-12-25." }),
          ranges: DayRanges.describe("Empty: closed all day."),
          note: z.string().max(EXCEPTION_NOTE_MAX).optional(),
        }),
      )
      .max(EXCEPTIONS_MAX)
      .refine((list) => new Set(list.map((e) => e.date)).size === list.length, { error: "Each date may have one exception only." }),
  })
  .meta({ id: "WorkingHours" });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const ChatSettings = z
  .strictObject({
    unansweredMinutes: z.number({ error: "Minutes must be a number." }).int().min(UNANSWERED_MINUTES.min, { error: "At least 1 minute." }).max(UNANSWERED_MINUTES.max, { error: "At most 1,440 minutes (a day)." }),
    offHoursNotice: z
      .record(z.string().regex(NOTICE_LANGUAGE, { error: "Languages are two- or three-letter codes such as en or de." }), z.string().trim().min(1).max(OFF_HOURS_NOTICE_MAX))
      .refine((notices) => typeof notices.en === "string", { error: "Keep an English notice: it is what guests in other languages see." })
      .describe('Per language, e.g. {"en": "…", "de": "…"}; English is required, as the fallback.'),
  })
  .meta({ id: "ChatSettings" });
export type ChatSettings = z.infer<typeof ChatSettings>;

export const DutyBody = z.strictObject({ onDuty: z.boolean({ error: "onDuty must be true or false." }) });
export const DutyStatus = z.object({ onDuty: z.boolean(), withinHours: z.boolean() });
export type DutyStatus = z.infer<typeof DutyStatus>;
