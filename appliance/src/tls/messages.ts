// The sentences the HTTPS capability says (log lines and API errors).

export const tlsTexts = {
  caCreated: (name: string) => `Created the local certificate authority "${name}" for HTTPS on the LAN.`,
  caReplaced: (reason: string) => `The local certificate authority was made anew (${reason}): devices that trusted the old one must install the new one.`,
  serverIssued: (reason: string, names: readonly string[], notAfter: string) =>
    `Issued the HTTPS certificate (${reason}) for ${names.join(", ")}, valid until ${notAfter}.`,
  renewFailed: "Could not renew the HTTPS certificate; the current one is still served. Trying again in a day.",
  disabled: "HTTPS on the LAN is off: set https.port in config.json to turn it on.",
  listening: (url: string, caUrl: string) => `HTTPS on ${url.replace(/\/$/, "")}/admin/ with the appliance's own certificate: install its authority on each device from ${caUrl} (Settings → Secure connection explains how).`,
  reasons: {
    missing: "first start",
    unreadable: "the old one could not be read",
    "other-ca": "it was not signed by the current authority",
    expiring: "it expires within 30 days",
    "not-yet-valid": "it starts in the future",
    "names-changed": "the box's names or addresses changed",
  } as Record<string, string>,
};
