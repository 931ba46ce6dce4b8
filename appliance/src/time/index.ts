export { sleep, systemTimers, type TimerHandle, type Timers } from "./clock.js";
export { addDays, instantsOf, localDate, localNoon, localTime, weekdayOf, WEEKDAYS, type Weekday } from "./zoned-time.js";
