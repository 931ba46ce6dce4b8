// Fault injection: failNext (5xx), rateLimitNext (429), outages ("reset" / "hang") and
// delays. The front layer takes the rules per request (outage → delay → failNext →
// rateLimitNext → normal processing).
import type { EmulatorContext } from "./context.js";
import type { TelegramEmulator } from "./types.js";

export interface FaultRule {
  remaining: number;
  method?: string;
  kind: "fail" | "rateLimit";
  status: number;
  description?: string;
  html?: boolean;
  retryAfter?: number;
}

export type FaultControls = Pick<TelegramEmulator, "failNext" | "rateLimitNext" | "outage" | "delay" | "clearFaults"> & {
  /** The rule that answers the next call of `method` instead of it, if any (and counts it). */
  takeFault(method: string): FaultRule | undefined;
};

export function createFaults(ctx: EmulatorContext): FaultControls {
  let faults: FaultRule[] = [];

  function takeFault(method: string): FaultRule | undefined {
    const rule = faults.find((f) => f.remaining > 0 && (!f.method || f.method.toLowerCase() === method.toLowerCase()));
    if (!rule) return undefined;
    rule.remaining--;
    faults = faults.filter((f) => f.remaining > 0);
    return rule;
  }

  function outage(on: boolean, opts: { mode?: "reset" | "hang" } = {}): void {
    if (on) {
      ctx.outageMode = opts.mode ?? "reset";
      ctx.waiter?.finish("drop");
      if (ctx.outageMode === "reset") for (const s of [...ctx.sockets]) s.destroy();
    } else {
      ctx.outageMode = null;
      for (const s of [...ctx.hung]) s.destroy();
      ctx.hung.clear();
    }
  }

  return {
    takeFault,
    failNext(n, opts = {}) {
      const rule: FaultRule = { remaining: n, kind: "fail", status: opts.status ?? 500 };
      if (opts.method) rule.method = opts.method;
      if (opts.description) rule.description = opts.description;
      if (opts.html) rule.html = true;
      faults.push(rule);
    },
    rateLimitNext(n, retryAfterS, opts = {}) {
      const rule: FaultRule = { remaining: n, kind: "rateLimit", status: 429, retryAfter: retryAfterS };
      if (opts.method) rule.method = opts.method;
      faults.push(rule);
    },
    outage,
    delay(ms, opts = {}) {
      ctx.delayMs = Math.max(0, ms);
      ctx.delayAfterProcessing = opts.afterProcessing === true;
    },
    clearFaults() {
      faults = [];
      ctx.delayMs = 0;
      ctx.delayAfterProcessing = false;
      outage(false);
    },
  };
}
