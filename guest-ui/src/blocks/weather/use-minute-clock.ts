import { useEffect, useState } from "preact/hooks";
import { msToNextMinute } from "./weather-format";

/**
 * The time, renewed at each full minute of the clock (not a minute after the page opened, so a
 * clock on the page turns with the guest's own). A phone that slept catches up when shown again.
 */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      clearTimeout(timer);
      timer = setTimeout(tick, msToNextMinute(at));
    };
    timer = setTimeout(tick, msToNextMinute(Date.now()));
    const onShow = () => {
      if (document.visibilityState === "visible") tick();
    };
    document.addEventListener("visibilitychange", onShow);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onShow);
    };
  }, []);
  return now;
}

