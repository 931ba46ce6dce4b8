// The home page's checklist, and the sections that come in later versions.

export const home = {
  title: "Home",
  welcome: (property: string) => `Welcome to ${property}`,
  greeting: (name: string) => `Hello, ${name}.`,
  managerLead: "This is your front desk. A few things to do first:",
  staffLead: "This is your front desk. Read and answer guests in the Messenger, or on Telegram once you link it below. Your manager sets up the property and the team; you can see who is on the team from the Team page.",
  checklistTitle: "Next steps",
  done: "Done",
  toDo: "To do",
  stepTeam: "Add your team members",
  stepTeamHint: "Give each person an admin-page login if they will use this page.",
  stepTeamAction: "Open Team",
  stepPlace: "Set the timezone and location",
  stepPlaceHint: "Used for local time, sunrise and sunset, and the weather on the Online Reception.",
  stepPlaceAction: "Open Property",
  stepTelegram: "Connect the property's Telegram bot",
  stepTelegramHint: "Guest messages then reach your team's phones, and they can answer from Telegram.",
  stepTelegramAction: "Open Settings",
  myTelegramTitle: "My Telegram",
  myTelegramLead: "Link your Telegram to get guests' messages on your phone while you are on duty, and answer them with Telegram's reply.",
  myTelegramLinked: (telegramName: string) => `Your Telegram is linked as ${telegramName}. Guest messages reach you there while you are on duty.`,
  myTelegramLinkedNow: "Your Telegram is linked.",
  comingTitle: "Coming in later versions",
  comingBody: "The website widget arrives in a later version of Innbox.",
};

export const sections = {
  badge: "Coming in a later version",
  notYet: "This section is not available in this version of Innbox yet.",
  reception: "Edit the Online Reception your guests open from the QR codes in their rooms: property information, services, local time and weather. Print QR stickers for the rooms.",
  devices: "Add and control Tuya, SmartLife, Gosund, eWeLink and Sonoff switches and lights over the local network, room by room.",
  scenarios: "Switch devices automatically at set times, at sunrise or sunset, when guests check in or out, or when the weather changes.",
  kiosk: "Pair the lobby tablet that runs the Remote Front Desk, where guests can call the team by audio or video.",
  widget: "Put the guest chat on your property's website with a one-line script, and choose how it looks and greets visitors.",
};
