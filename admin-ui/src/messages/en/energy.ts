// The Energy view, inside Devices: how long lights, plugs and heaters were on each day,
// room by room, and how much of it while nobody was staying in the room.

const hoursText = (hours: number) => `${hours.toLocaleString("en", { maximumFractionDigits: 1 })} h`;
const joinWords = (words: string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`);

export const energy = {
  title: "Energy",
  lead: "How long each device was on, day by day, and how much of it in rooms with no guest: the hours your scenarios can save.",
  tabsLabel: "Devices pages",
  devicesTab: "Devices",
  energyTab: "Energy",
  hours: hoursText,
  /** The kinds present, in words: "lights and heaters". */
  kinds: { light: "lights", switch: "plugs", heater: "heaters" } as Record<string, string>,
  devicesWord: "devices",
  joinWords,
  summary: (thisWeek: boolean, range: string, what: string, on: number, vacant: number) => {
    const when = thisWeek ? "This week" : `From ${range}`;
    const empty = vacant > 0 ? `${hoursText(vacant)} of it in empty rooms` : "none of it in empty rooms";
    return on > 0 ? `${when} ${what} were on ${hoursText(on)}, ${empty}.` : `${when} ${what} were not on at all.`;
  },
  noDevices: "No lights, plugs or heaters to count yet: add them on the Devices page.",
  counting: "Counted from when each device's changes are recorded; time a device did not answer, or the box was off, is not counted.",
  // The week picker
  weekLabel: "Week",
  rangeText: (from: string, to: string) => `${from} – ${to}`,
  earlier: "Previous week",
  later: "Next week",
  thisWeek: "This week",
  firstDay: "First day",
  // The legend and the table
  legendLabel: "What the colours mean",
  legendGuest: "Guest in the room that night",
  legendEmpty: "On in an empty room",
  roomTotals: (on: number, vacant: number) => (vacant > 0 ? `${hoursText(on)} on · ${hoursText(vacant)} in an empty room` : `${hoursText(on)} on`),
  tableCaption: (room: string, range: string) => `${room}: hours on per day, ${range}`,
  deviceColumn: "Device",
  totalColumn: "Total",
  guestRow: "Guest",
  guestYes: "Guest",
  guestNo: "Empty",
  allDevices: "All devices",
  noOnTime: "–",
  emptyPart: (hours: number) => `${hoursText(hours)} empty`,
  emptyPartLabel: (hours: number) => `of which ${hoursText(hours)} in an empty room`,
  noRoomNote: "Devices in no room are never counted as on in an empty room.",
  scrollRegion: (room: string) => `${room}, day by day`,
} as const;
