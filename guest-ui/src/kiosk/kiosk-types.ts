// The kiosk API's answers as the page reads them (protocol/src/kiosk.ts). Types only: the
// page carries no zod.
export type { KioskScreen, KioskServerEvents } from "@innbox/protocol";
