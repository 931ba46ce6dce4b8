export { createEventBus, type BookingEvent, type DeviceStatePayload, type EventBus, type Events } from "./event-bus.js";
