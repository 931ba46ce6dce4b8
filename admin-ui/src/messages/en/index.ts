// Every sentence the admin page shows, in English: one file a screen (or a few screens
// that belong together), composed here into the one messages object. Keep keys grouped
// by screen. A new language is a folder like this one whose index exports an object
// typed `Messages` (each of its files typed by its part, e.g. `Messages["team"]`);
// ../index.ts picks the language.
import { app, errors, fields, forbidden, layout, nav, notFound, time, timezone, validation } from "./common";
import { devices } from "./devices";
import { energy } from "./energy";
import { home, sections } from "./home";
import { kiosk } from "./kiosk";
import { login } from "./login";
import { messenger } from "./messenger";
import { property } from "./property";
import { rooms } from "./rooms";
import { scenarios, sentence } from "./scenarios";
import { directory, editor, reception } from "./reception";
import { alerts, hours, secure, settings, telegram } from "./settings";
import { setup } from "./setup";
import { stickers } from "./stickers";
import { team } from "./team";

export const en = {
  app,
  errors,
  time,
  timezone,
  setup,
  login,
  validation,
  fields,
  layout,
  nav,
  home,
  property,
  reception,
  editor,
  directory,
  stickers,
  rooms,
  devices,
  energy,
  kiosk,
  scenarios,
  sentence,
  team,
  messenger,
  settings,
  telegram,
  hours,
  alerts,
  secure,
  sections,
  notFound,
  forbidden,
};

export type Messages = typeof en;
