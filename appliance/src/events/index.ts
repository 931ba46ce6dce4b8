export { createEventBus, type EventBus, type Events } from "./event-bus.js";
