/** Every sentence the energy capability says to people. */
export const energyTexts = {
  reportSummary:
    "Hours each device was on, per room and local day, and the part of them when the room had no guest in it (between a check-out and the next check-in). Days run from the property's local midnight to the next (23 or 25 hours when the clocks change); time a device did not answer, or the box was off, is not counted.",
  reportAnswer: "The report: one row per room with devices, one figure per day.",
  noRoom: "No room",
} as const;
