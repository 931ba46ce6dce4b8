// What every screen shares: the app's name, errors, form checks, the frame around each page and the error pages.

export const app = {
  name: "Innbox",
  /** Dates and language names are written in this locale's words. */
  locale: "en-GB",
  titleSuffix: "Innbox",
  loading: "Loading…",
  retry: "Try again",
  skipToContent: "Skip to content",
};

export const errors = {
  network: "Innbox did not answer. Check that the appliance is switched on and that this device is on the same network, then try again.",
  unexpected: (status: number) => `Something went wrong on the appliance (error ${status}). Try again; if it keeps happening, restart the appliance.`,
  sessionEnded: "Your session has ended. Sign in again to continue.",
  fixFields: "Some fields need your attention.",
};

/** Times, in the property's timezone (see format/time-format.ts). */
export const time = {
  justNow: "now",
  minutesAgo: (minutes: number) => `${minutes} min`,
  hoursAgo: (hours: number) => `${hours} h`,
  today: "Today",
  yesterday: "Yesterday",
  /** "Monday 2 November 2026" */
  longDate: (weekday: string, day: string, month: string, year: string) => `${weekday} ${day} ${month} ${year}`,
  /** "2 Nov", or "2 Nov 2025" in another year */
  shortDate: (day: string, month: string, year?: string) => (year ? `${day} ${month} ${year}` : `${day} ${month}`),
  /** "Monday 2 November" */
  dayDate: (weekday: string, day: string, month: string) => `${weekday} ${day} ${month}`,
  dayAndTime: (day: string, time: string) => `${day}, ${time}`,
};

/** The searchable timezone field of setup and the Property page. */
export const timezone = {
  placeholder: "Type a city, for example Rome",
  listLabel: "Search results",
  searchHint: "Type a city to search, for example Rome or New York.",
  noMatch: (typed: string) => `No timezone matches “${typed}”. Try the nearest large city.`,
};

export const validation = {
  required: (label: string) => `${label} is required.`,
  tooShort: (label: string, min: number) => `${label} must be at least ${min} characters.`,
  tooLong: (label: string, max: number) => `${label} must be at most ${max.toLocaleString("en")} characters.`,
  nameCharacters: (label: string) => `${label} cannot hold line breaks, control characters or text-direction overrides.`,
  usernameCharacters: (label: string) => `${label} may use letters, digits and . _ @ - only.`,
  tagCharacters: (label: string) => `${label} may use letters, digits, spaces and . _ # - only.`,
  passwordsDiffer: "The two passwords are not the same.",
  passwordAgainMissing: "Type the password a second time.",
  slugShape: (label: string, min: number, max: number) =>
    `${label} must be ${min} to ${max} characters of lower-case letters, digits and dashes, for example casa-azul.`,
  notANumber: (label: string) => `${label} must be a number, for example 38.7223.`,
  between: (label: string, min: number, max: number) => `${label} must be between ${min} and ${max}.`,
  coordinatesTogether: (missing: string) => `Give the ${missing.toLowerCase()} too, or leave both empty.`,
  timezoneUnknown: "Choose a timezone from the list: type a city, for example Rome.",
};

/** Words of the shared form fields (components/). */
export const fields = {
  colourPicker: (label: string) => `${label}: picker`,
};

export const layout = {
  menu: "Menu",
  closeMenu: "Close menu",
  navLabel: "Sections",
  signOut: "Sign out",
  signingOut: "Signing out…",
  signedInAs: (name: string) => `Signed in as ${name}`,
  roleManager: "Manager",
  roleStaff: "Staff",
};

export const nav = {
  home: "Home",
  messenger: "Messenger",
  reception: "Reception",
  rooms: "Rooms & bookings",
  devices: "Devices",
  scenarios: "Scenarios",
  kiosk: "Kiosk",
  widget: "Widget",
  team: "Team",
  property: "Property",
  settings: "Settings",
};

export const notFound = {
  title: "Page not found",
  body: "There is no page at this address.",
  home: "Go to Home",
};

export const forbidden = {
  title: "Manager only",
  body: "Only a manager can open this page.",
};
