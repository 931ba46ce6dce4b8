/** Every sentence the shell shows (setup page errors, the exit prompt), in one place. */
export const messages = {
  badAddress: "Type the appliance's address as shown on its admin page, for example https://innbox.local:8443.",
  unreachable: "The appliance did not answer at this address. Check that the tablet is on the property's network and the address is right.",
  noCa: "The appliance did not offer its certificate authority at /ca.crt. Check that HTTPS is on in its configuration.",
  caMismatch: "The appliance's HTTPS certificate was not issued by the certificate authority it offers. Check the address; someone else may be answering.",
  caChanged: "The appliance's certificate authority is not the one this kiosk trusted at pairing. Pair the kiosk again if the appliance was reinstalled.",
  badCode: "This pairing code is unknown, used or expired. Create a new one on the admin page (Kiosk, Pair a kiosk).",
  tooManyCodes: "Too many wrong codes. Wait a minute, then try again.",
  codeMissing: "Type the pairing code shown on the admin page.",
  revoked: "This kiosk is no longer paired. Create a pairing code on the admin page and enter it here.",
  serverError: "The appliance could not pair this kiosk just now. Try again in a minute.",
  badPin: "Wrong PIN.",
  pinTooShort: "The exit PIN needs at least 4 digits.",
} as const;
