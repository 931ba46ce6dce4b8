// The pairing code as the appliance issues it: typed on a touch screen, spaces, dashes and
// case do not matter.

/** "ab12-cd 34" → "AB12CD34": only letters and digits, upper case. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[^0-9a-z]/gi, "").toUpperCase();
}

/** Takes `?code=` out of the address (it pairs once; a reload must not send it again). */
export function codeInAddress(href: string): { code: string | null; cleaned: string } {
  const url = new URL(href);
  const code = url.searchParams.get("code");
  url.searchParams.delete("code");
  return { code: code ? normalizeCode(code) : null, cleaned: url.pathname + (url.search === "?" ? "" : url.search) + url.hash };
}
