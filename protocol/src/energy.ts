import { z } from "zod";
import { isCalendarDate } from "./bookings.js";
import { DEVICE_KINDS } from "./devices.js";

// The Energy view: how long each device was on, per room and local day, and how much of
// that was while its room had no guest in it (what the scenarios can save).

export const ENERGY_DAYS = { min: 1, max: 62, default: 7 } as const;

export const EnergyQuery = z.object({
  from: z
    .string({ error: "from must be a date such as 2026-12-24." })
    .refine(isCalendarDate, { error: "from must be a real date written as 2026-12-24." })
    // Within the years a box's clock and history can hold (and far from where date arithmetic overflows).
    .refine((day) => day >= "1970-01-01" && day <= "2999-12-31", { error: "from must be a day from 1970-01-01 to 2999-12-31." })
    .optional()
    .describe("The first day (YYYY-MM-DD, the property's timezone); when absent, the range ends today (from six days before today for 7 days)."),
  days: z.coerce
    .number({ error: `days must be a number from ${ENERGY_DAYS.min} to ${ENERGY_DAYS.max}.` })
    .int({ error: `days must be a whole number from ${ENERGY_DAYS.min} to ${ENERGY_DAYS.max}.` })
    .min(ENERGY_DAYS.min, { error: `days must be from ${ENERGY_DAYS.min} to ${ENERGY_DAYS.max}.` })
    .max(ENERGY_DAYS.max, { error: `days must be from ${ENERGY_DAYS.min} to ${ENERGY_DAYS.max}.` })
    .default(ENERGY_DAYS.default)
    .describe("How many days, 1 to 62; 7 when absent."),
});
export type EnergyQuery = z.infer<typeof EnergyQuery>;

const Hours = z.array(z.number()).describe("Hours, one number per day of `days`, to 2 decimals.");

export const EnergyDevice = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(DEVICE_KINDS),
    onHours: Hours.describe("Hours the device was on and answering, per day (offline time is not counted)."),
    onHoursWhileVacant: Hours.describe("The part of onHours when its room had no guest in it (between a check-out and the next check-in)."),
  })
  .meta({ id: "EnergyDevice" });
export type EnergyDevice = z.infer<typeof EnergyDevice>;

export const EnergyRoom = z
  .object({
    roomId: z.string().nullable().describe("null: the devices that are in no room (never counted as vacant)."),
    name: z.string(),
    occupied: z.array(z.boolean()).describe("Per day: a confirmed stay covers that day's night."),
    devices: z.array(EnergyDevice),
    onHours: Hours.describe("The room's devices together, per day."),
    onHoursWhileVacant: Hours,
  })
  .meta({ id: "EnergyRoom" });
export type EnergyRoom = z.infer<typeof EnergyRoom>;

export const EnergyReport = z
  .object({
    timeZone: z.string().describe("The property's timezone; days run from local midnight to local midnight (23 or 25 hours on DST days)."),
    days: z.array(z.string()).describe("The days reported, YYYY-MM-DD."),
    rooms: z.array(EnergyRoom).describe("Rooms with devices (by the devices' current room), by name; the devices in no room last."),
    totals: z.object({
      onHours: z.number().describe("Every device, every day."),
      onHoursWhileVacant: z.number(),
    }),
  })
  .meta({ id: "EnergyReport" });
export type EnergyReport = z.infer<typeof EnergyReport>;
