import { useEffect, useState } from "preact/hooks";

/** Date.now(), refreshed every `intervalMs`, for "5 min ago" and "waiting 12 min". */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
