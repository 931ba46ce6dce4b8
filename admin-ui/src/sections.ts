import type { IconName } from "./components/icon";
import { t } from "./messages";

/** One entry of the navigation. */
export interface Section {
  path: string;
  label: string;
  icon: IconName;
  /** Hidden from staff. Staff still see Team, read-only. */
  managerOnly: boolean;
  /** Sections not built yet say what they will do instead of showing controls. */
  comingSoon?: string;
}

export const sections: readonly Section[] = [
  { path: "/", label: t.nav.home, icon: "home", managerOnly: false },
  { path: "/messenger", label: t.nav.messenger, icon: "messenger", managerOnly: false },
  { path: "/reception", label: t.nav.reception, icon: "reception", managerOnly: true },
  { path: "/rooms", label: t.nav.rooms, icon: "rooms", managerOnly: false },
  { path: "/devices", label: t.nav.devices, icon: "devices", managerOnly: false },
  { path: "/scenarios", label: t.nav.scenarios, icon: "scenarios", managerOnly: false },
  { path: "/kiosk", label: t.nav.kiosk, icon: "kiosk", managerOnly: true },
  { path: "/widget", label: t.nav.widget, icon: "widget", managerOnly: true, comingSoon: t.sections.widget },
  { path: "/team", label: t.nav.team, icon: "team", managerOnly: false },
  { path: "/property", label: t.nav.property, icon: "property", managerOnly: true },
  { path: "/settings", label: t.nav.settings, icon: "settings", managerOnly: true },
];

export function sectionsFor(role: "manager" | "staff"): readonly Section[] {
  return role === "manager" ? sections : sections.filter((section) => !section.managerOnly);
}

/** The section a path belongs to: its own path, or a page under it ("/messenger/c_1"). */
export function sectionFor(path: string): Section | undefined {
  return sections.find((section) => section.path === path || (section.path !== "/" && path.startsWith(`${section.path}/`)));
}
