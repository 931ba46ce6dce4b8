// What every screen shares: the app's name, errors, form checks, the frame around each page and the error pages.

export const app = {
  name: "Innbox",
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

export const validation = {
  required: (label: string) => `${label} is required.`,
  passwordTooShort: "Password must be at least 8 characters.",
  passwordsDiffer: "The two passwords are not the same.",
  passwordAgainMissing: "Type the password a second time.",
  notANumber: (label: string) => `${label} must be a number, for example 38.7223.`,
  loginIncomplete: "Give both a username and a password, or switch the login off.",
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
