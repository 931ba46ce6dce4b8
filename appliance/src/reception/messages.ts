/** Every sentence the reception capability says to people. */
export const receptionTexts = {
  linkSummary: "The guests' reception link for a room or place, to copy and send.",
  qrSummary: "The QR code of the reception link for a room or place, as PNG or SVG, to print.",
  linkAnswer: "The link, and the tag it carries.",
  qrAnswer: "The QR code (error correction M, with a quiet zone) of <publicUrl>/r/<slug>?t=<tag>.",
} as const;
