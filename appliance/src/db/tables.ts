import type { AuthTables } from "../auth/index.js";
import type { BookingsTables } from "../bookings/index.js";
import type { DevicesTables } from "../devices/index.js";
import type { EnergyTables } from "../energy/index.js";
import type { ChatTables } from "../chat/index.js";
import type { OutboxTables } from "../outbox/index.js";
import type { PropertyTables } from "../property/index.js";
import type { ReceptionTables } from "../reception/index.js";
import type { TeamTables } from "../team/index.js";
import type { TelegramTables } from "../telegram/index.js";
import type { WeatherTables } from "../weather/index.js";
import type { ScenariosTables } from "../scenarios/index.js";
import type { KioskTables } from "../kiosk/index.js";

/** Every table of every capability; each capability declares its own in its tables.ts. */
export interface Database extends AuthTables, PropertyTables, TeamTables, ChatTables, TelegramTables, OutboxTables, WeatherTables, ReceptionTables, BookingsTables, DevicesTables, ScenariosTables, EnergyTables, KioskTables {}
