export { createEventBus, type BookingEvent, type EventBus, type Events } from "./event-bus.js";
