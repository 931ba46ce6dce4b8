import type { Messages } from "./en";

export const de: Messages = {
  page: {
    loading: "Wird geladen…",
    retry: "Erneut versuchen",
    invalidTitle: "Dieser Rezeptions-Link ist nicht gültig",
    invalidBody: "Bitte scannen Sie den QR-Code in Ihrem Zimmer erneut oder fragen Sie an der Rezeption nach.",
    unreachableTitle: "Die Rezeption ist gerade nicht erreichbar",
    unreachableBody: "Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
    roomLinkTitle: "Dieser Zimmer-Link funktioniert nicht",
    roomTagTooLong: (tag, max) =>
      `Das Zimmer in diesem Link, „${tag}“, ist länger als ${max} Zeichen, daher sähe die Rezeption nicht, in welchem Zimmer Sie sind. Bitte sagen Sie der Rezeption Bescheid; schreiben können Sie uns auch ohne Zimmerangabe.`,
    roomTagInvalid: (tag) =>
      `Das Zimmer in diesem Link, „${tag}“, enthält Zeichen, die ein Zimmername nicht haben kann, daher sähe die Rezeption nicht, in welchem Zimmer Sie sind. Bitte sagen Sie der Rezeption Bescheid; schreiben können Sie uns auch ohne Zimmerangabe.`,
    continueWithoutRoom: "Ohne Zimmerangabe fortfahren",
  },
  chat: {
    title: "Chat mit der Rezeption",
    intro: "Schreiben Sie uns hier. Das Rezeptionsteam antwortet auf dieser Seite – Sie können sie offen lassen oder später wiederkommen.",
    nameLabel: "Ihr Name (optional)",
    namePlaceholder: "Zum Beispiel: Anna",
    chattingAs: (name) => `Sie schreiben als ${name}`,
    addName: "Namen angeben",
    change: "Ändern",
    save: "Speichern",
    cancel: "Abbrechen",
    nameSaved: "Ihr Name ist gespeichert.",
    messageLabel: "Nachricht",
    placeholder: "Nachricht schreiben…",
    send: "Senden",
    charsLeft: (n) => `Noch ${n} Zeichen`,
    sending: "Wird gesendet…",
    queued: "Wartet auf Verbindung",
    sent: "Gesendet",
    delivered: "Zugestellt",
    failed: "Nicht gesendet",
    remove: "Entfernen",
    offline: "Offline – Ihre Nachrichten werden gesendet, sobald die Verbindung zurück ist",
    reception: "Rezeption",
    today: "Heute",
    yesterday: "Gestern",
  },
  offHours: {
    title: "Wir sind gerade nicht erreichbar",
    backAt: (when) =>
      when.day === "today"
        ? `Wir sind heute um ${when.time} wieder für Sie da.`
        : when.day === "tomorrow"
          ? `Wir sind morgen um ${when.time} wieder für Sie da.`
          : `Wir sind am ${when.day === "week" ? when.weekday : when.date} um ${when.time} wieder für Sie da.`,
    emailPrompt: "Hinterlassen Sie Ihre E-Mail-Adresse, dann antworten wir dort",
    emailLabel: "Ihre E-Mail-Adresse",
    emailPlaceholder: "name@beispiel.de",
    emailSaved: (email) => `Danke. Wir antworten an ${email}.`,
    emailInvalid: "Das sieht nicht wie eine E-Mail-Adresse aus.",
    saveFailed: "Das hat nicht geklappt. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  },
  reception: {
    language: "Sprache",
    openChat: "Chat mit der Rezeption",
    closeChat: "Chat schließen",
    dismiss: "Schließen",
    servicesHeading: "In der Nähe",
    call: "Anrufen",
    website: "Website",
    map: "Karte",
    directions: "Route",
    locationHeading: "So finden Sie uns",
    openInMaps: "In Karten öffnen",
    mapOf: (name) => `Karte: ${name}`,
    mapFailed: "Die Karte konnte nicht geladen werden. Die Links unten funktionieren trotzdem.",
    infoHeading: "Gut zu wissen",
    reservationHeading: "Meine Buchung",
    previewChat: "Vorschau: Der Chat funktioniert auf der echten Seite.",
    footerChat: "Chat mit der Rezeption",
  },
};
