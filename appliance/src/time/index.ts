export { sleep, systemTimers, type TimerHandle, type Timers } from "./clock.js";
