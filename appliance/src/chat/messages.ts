/** Every sentence the chat capability says to people: errors, socket answers, limits. */
export const chatTexts = {
  unknownReceptionLink: "This reception link is not valid; scan the QR code again or ask the front desk.",
  missingGuestToken: "Send the guest token as Authorization: Bearer <token>.",
  badGuestToken: "This chat token is not valid; open the reception page again to start a new chat.",
  expiredGuestToken: "This chat has expired; open the reception page again to start a new chat.",
  unknownConversation: "There is no conversation with that id.",
  tooManyChats: "Too many new chats from this network; wait a minute and try again.",
  tooManyMessages: "Too many messages in a short time; wait a few seconds and send again.",
  socketOpenFailed: "Could not open the chat.",
  socketSendShape: "Send {text, clientId}.",
  socketSendFailed: "The message could not be stored; try again.",
  socketSignInFirst: "Sign in first: your session is missing or has ended.",
  socketSessionCheckFailed: "Could not check the session.",
  socketForeignOrigin: "This connection comes from another website; open the admin page at the appliance's own address.",
  tooManyChanges: "Too many changes in a short time; wait a few seconds and try again.",
} as const;
