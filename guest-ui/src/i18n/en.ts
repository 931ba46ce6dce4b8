import type { BackAt } from "../back-at";

// Every sentence the guest pages show, in English. Each other language is an object typed
// `Messages` (see ./index.ts); keep keys grouped by part of the page.

export const en = {
  page: {
    loading: "Loading…",
    retry: "Try again",
    invalidTitle: "This reception link is not valid",
    invalidBody: "Please scan the QR code in your room again, or ask the reception team for help.",
    unreachableTitle: "The reception cannot be reached right now",
    unreachableBody: "Check your internet connection and try again.",
    roomLinkTitle: "This room link does not work",
    roomTagTooLong: (tag: string, max: number) =>
      `The room in this link, “${tag}”, is longer than ${max} characters, so the reception would not see which room you are in. Please let the reception know; you can still write to us without it.`,
    roomTagInvalid: (tag: string) =>
      `The room in this link, “${tag}”, has characters a room name cannot have, so the reception would not see which room you are in. Please let the reception know; you can still write to us without it.`,
    continueWithoutRoom: "Continue without the room",
  },

  chat: {
    title: "Chat with reception",
    intro: "Write to us here. The reception team answers on this page, so you can keep it open or come back later.",
    nameLabel: "Your name (optional)",
    namePlaceholder: "For example: Anna",
    chattingAs: (name: string) => `You are chatting as ${name}`,
    addName: "Add your name",
    change: "Change",
    save: "Save",
    cancel: "Cancel",
    nameSaved: "Your name is saved.",
    messageLabel: "Message",
    placeholder: "Write a message…",
    send: "Send",
    charsLeft: (n: number) => `${n} characters left`,
    sending: "Sending…",
    queued: "Waiting for connection",
    sent: "Sent",
    delivered: "Delivered",
    failed: "Not sent",
    remove: "Remove",
    offline: "Offline — your messages will be sent when the connection returns",
    reception: "Reception",
    today: "Today",
    yesterday: "Yesterday",
  },

  offHours: {
    title: "We are away right now",
    backAt: (when: BackAt) =>
      when.day === "today"
        ? `We're back today at ${when.time}.`
        : when.day === "tomorrow"
          ? `We're back tomorrow at ${when.time}.`
          : `We're back on ${when.day === "week" ? when.weekday : when.date} at ${when.time}.`,
    emailPrompt: "Leave your email and we'll answer there",
    emailLabel: "Your email",
    emailPlaceholder: "name@example.com",
    emailSaved: (email: string) => `Thanks. We will answer at ${email}.`,
    emailInvalid: "That does not look like an email address.",
    saveFailed: "That did not work. Check your connection and try again.",
  },
  reception: {
    language: "Language",
    openChat: "Chat with reception",
    closeChat: "Close the chat",
    dismiss: "Dismiss",
    servicesHeading: "Around us",
    call: "Call",
    website: "Website",
    map: "Map",
    directions: "Directions",
    locationHeading: "How to find us",
    openInMaps: "Open in maps",
    mapOf: (name: string) => `Map of ${name}`,
    mapFailed: "The map could not be loaded. The links below still work.",
    infoHeading: "Useful information",
    reservationHeading: "My reservation",
    previewChat: "Preview: the chat works on the real page.",
    footerChat: "Chat with reception",
  },
  reservation: {
    intro: "Enter the reservation code from your booking confirmation to see your stay.",
    codeLabel: "Reservation code",
    show: "Show my reservation",
    checking: "Checking…",
    checkIn: "Check-in",
    checkOut: "Check-out",
    fromTime: (time: string) => `from ${time}`,
    untilTime: (time: string) => `until ${time}`,
    cancelled: "This reservation has been cancelled.",
    instructions: "Arrival instructions",
    localTime: "Times are local time at the property.",
    unknownCode: "We could not find a reservation with this code. Please check it in your booking confirmation, or ask the reception.",
    tooMany: "Too many wrong codes. Please wait a few minutes and try again.",
    invalidCode: (min: number) => `A reservation code has at least ${min} characters.`,
    failed: "That did not work. Check your connection and try again.",
    sample: "Preview: each guest sees their own stay here.",
  },
};

export type Messages = typeof en;
