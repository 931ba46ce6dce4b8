import type { Device, StayState, Weather } from "@innbox/protocol";

/** What scenarios need of other capabilities: small interfaces that app.ts forwards. */

export interface PlaceSource {
  /** The property's timezone, position and stay times. */
  get(): Promise<{ timeZone: string; latitude: number | null; longitude: number | null; checkInTime: string; checkOutTime: string }>;
}

export interface Stay {
  id: string;
  roomId: string;
  checkIn: string;
  checkOut: string;
}

export interface RoomsSource {
  rooms(): Promise<Array<{ id: string; name: string }>>;
  /** Confirmed stays. */
  stays(): Promise<Stay[]>;
  /** A room's stay state at an instant, from its confirmed stays. */
  stayState(stays: readonly Stay[], at: number, times: { timeZone: string; checkInTime: string; checkOutTime: string }): StayState;
}

export interface DevicesSource {
  list(): Promise<Device[]>;
  /** Resolves once the device confirmed; throws an error with a sentence otherwise. */
  setState(id: string, set: { on?: boolean; brightness?: number }): Promise<Device>;
}

export interface WeatherSource {
  /** The cached forecast, or undefined without one. */
  current(): Weather | undefined;
}

export interface StaffSource {
  /** A message to every linked staff member on duty on Telegram; false if nobody is. */
  notify(text: string): Promise<boolean>;
}
