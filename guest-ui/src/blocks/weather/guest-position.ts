// The weather at the guest's own position: the browser asks for the position only when the
// guest taps, and the appliance fetches the forecast for the ~10 km cell around it.
import type { GuestWeather } from "@innbox/protocol";
import { apiFetch } from "@innbox/protocol/web/api-fetch";

export type PositionProblem = "denied" | "unavailable" | "failed";

export class PositionError extends Error {
  constructor(readonly problem: PositionProblem) {
    super(problem);
  }
}

function currentPosition(): Promise<{ latitude: number; longitude: number }> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) return reject(new PositionError("unavailable"));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      (e) => reject(new PositionError(e.code === e.PERMISSION_DENIED ? "denied" : "unavailable")),
      // A position from the last few minutes is as good for the weather, and quicker.
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  });
}

/** Asks the browser for the position, then the appliance for the weather there. Throws PositionError. */
export async function weatherAtGuestPosition(slug: string): Promise<GuestWeather> {
  const { latitude, longitude } = await currentPosition();
  // Two decimals (about 1 km) are more than the forecast needs; the appliance rounds further.
  const query = `latitude=${latitude.toFixed(2)}&longitude=${longitude.toFixed(2)}`;
  try {
    return await apiFetch<GuestWeather>({ method: "GET", path: `/api/guest/reception/${encodeURIComponent(slug)}/weather?${query}`, credentials: "omit", cache: "no-store" });
  } catch {
    throw new PositionError("failed");
  }
}

export function canAskPosition(): boolean {
  return typeof navigator !== "undefined" && "geolocation" in navigator;
}
