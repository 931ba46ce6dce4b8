/** Every sentence the kiosk capability says to people. */
export const kioskTexts = {
  unknownKiosk: "There is no such kiosk; it may have been removed. Reload the list.",
  badCode: "That pairing code does not work: it is unknown, already used or older than an hour. Create a new one in the admin page (Kiosk, Pair a kiosk).",
  tooManyCodes: (retryAfterS: number) => `Too many wrong pairing codes from this address. Try again in ${retryAfterS} seconds.`,
  missingToken: "This address is for a paired lobby kiosk: send its token as Authorization: Bearer <token>. Pair the kiosk from the admin page first.",
  staffSession: "This address is for a paired lobby kiosk only; the admin page's sign-in does not open it.",
  badToken: "This kiosk is not paired (any more): enter a new pairing code from the admin page.",
  notPaired: "not paired",
  revoked: "This kiosk was removed in the admin page: enter a new pairing code to use it again.",
  socketFailed: "The kiosk could not connect; it will try again.",
  tooManyMessages: "Too many messages from this kiosk. Wait a minute and try again.",
} as const;
