// The data points (DPs) each kind of simulated device exposes, as the real products do:
// a plug or wall switch has one boolean per gang (DPs 1..n); a v2 light has DP 20 on,
// 21 mode, 22 brightness 10–1000 and 23 colour temperature 0–1000; a heater has DP 1 on,
// 2 target temperature and 3 measured temperature (°C).
export type TuyaDeviceKind = "switch" | "light" | "heater";
export type DpValue = boolean | number | string;
export type Dps = Record<string, DpValue>;

export function initialDps(kind: TuyaDeviceKind, gangs = 1): Dps {
  switch (kind) {
    case "switch": {
      const dps: Dps = {};
      for (let gang = 1; gang <= gangs; gang++) dps[String(gang)] = false;
      return dps;
    }
    case "light":
      return { "20": false, "21": "white", "22": 1000, "23": 500 };
    case "heater":
      return { "1": false, "2": 21, "3": 19 };
  }
}

/** Keeps the values a device accepts for its DPs; unknown DPs and wrong types are dropped, as devices do. */
export function acceptedDps(current: Dps, wanted: Record<string, unknown>): Dps {
  const accepted: Dps = {};
  for (const [dp, value] of Object.entries(wanted)) {
    const now = current[dp];
    if (now === undefined || typeof value !== typeof now) continue;
    if (dp === "22" && typeof value === "number" && (value < 10 || value > 1000)) continue;
    accepted[dp] = value as DpValue;
  }
  return accepted;
}
