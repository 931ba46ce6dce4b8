import { useApp } from "../app-context";
import { timeFormat, type TimeFormat } from "./time-format";

/** Times in the property's timezone (the device's until the property is known). */
export function useTimeFormat(): TimeFormat {
  return timeFormat(useApp().property?.timezone);
}
