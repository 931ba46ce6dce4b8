import type { AuthTables } from "../auth/tables.js";
import type { PropertyTables } from "../property/tables.js";
import type { TeamTables } from "../team/tables.js";
import type { ChatTables } from "../chat/tables.js";
import type { TelegramTables } from "../telegram/tables.js";

/** Every table of every capability; each capability declares its own in its tables.ts. */
export interface Database extends AuthTables, PropertyTables, TeamTables, ChatTables, TelegramTables {}
