export { DeliveryError, Outbox, type OutboxItem, type OutboxTransport } from "./outbox.js";
export type { OutboxTables } from "./tables.js";
