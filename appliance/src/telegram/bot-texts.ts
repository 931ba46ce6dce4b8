// Every sentence the bot writes, in one place. Staff-facing texts are English for now;
// guest-facing ones follow the guest's Telegram language with English as fallback.
// Texts that quote what someone wrote fit Telegram's 4,096 characters: a quote too long
// is shortened and says where the whole text is (see message-length.ts).

import { fitQuote } from "./message-length.js";

/** What a Telegram user sees of our HTML: tags gone, entities decoded, ends trimmed. */
export const htmlToPlain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeHtml(s).replace(/"/g, "&quot;");

const CHANNEL_LABEL: Record<string, string> = { web: "Online Reception", telegram: "Telegram", kiosk: "Lobby kiosk", widget: "Website chat" };

/** Who a relayed guest message is from, as the first line of the relay shows it. */
export interface RelayHeader {
  guestName: string;
  tag: string | null;
  channel: string;
  language: string | null;
}

export const sameRelayHeader = (a: RelayHeader, b: RelayHeader) =>
  a.guestName === b.guestName && a.tag === b.tag && a.channel === b.channel && a.language === b.language;

const quote = (text: string) => `<blockquote>${escapeHtml(text)}</blockquote>`;

/** Said under a quote that was shortened; `messengerUrl` opens the conversation in the admin page. */
const shortenedNote = (messengerUrl: string | null) =>
  `\n<i>✂️ Shortened: the whole message is in the ${messengerUrl ? `<a href="${escapeAttribute(messengerUrl)}">Team Messenger</a>` : "Team Messenger (admin page)"}.</i>`;

export const staffTexts = {
  /**
   * A guest's message, or several waiting ones of the same guest, as one bot message.
   * One message too long is shortened; several are only put together when they fit whole.
   */
  relay(header: RelayHeader, texts: string[], messengerUrl: string | null, limit?: number) {
    const where = [header.tag, CHANNEL_LABEL[header.channel] ?? header.channel, header.language ? header.language.toUpperCase() : null].filter(Boolean).join(" · ");
    const head = `💬 <b>${escapeHtml(header.guestName)}</b> · ${escapeHtml(where)}\n`;
    const foot = "\n<i>Reply to this message to answer.</i>";
    if (texts.length !== 1) return `${head}${texts.map(quote).join("\n")}${foot}`;
    return fitQuote(texts[0]!, (text, shortened) => `${head}${quote(text)}${shortened ? shortenedNote(messengerUrl) : ""}${foot}`, limit);
  },
  alert(input: { guestName: string; tag: string | null; minutes: number; text: string }, messengerUrl: string | null) {
    const who = input.tag ? `${input.guestName} (${input.tag})` : input.guestName;
    return fitQuote(
      input.text,
      (text, shortened) =>
        `⏰ <b>${escapeHtml(who)}</b> has waited ${input.minutes} min for an answer:\n${quote(text)}${shortened ? shortenedNote(messengerUrl) : ""}\n<i>Reply to this message to answer.</i>`,
    );
  },
  answeredBy(staffName: string, text: string, messengerUrl: string | null) {
    return fitQuote(text, (t, shortened) => `✅ Answered by <b>${escapeHtml(staffName)}</b>:\n${quote(t)}${shortened ? shortenedNote(messengerUrl) : ""}`);
  },
  linked(name: string, property: string) {
    return `✅ Hello ${escapeHtml(name)}! This chat is now linked to <b>${escapeHtml(property)}</b> in Innbox.\nGuest messages arrive here while you are on duty. Reply to one to answer that guest.\n/help lists what else I understand.`;
  },
  unknownCode:
    "This link code is unknown, already used or expired (codes work once, for 24 hours). Ask your manager for a new link: Innbox admin page → Team → Telegram link.",
  alreadyLinkedElsewhere: "This Telegram account is already linked to another team member. Ask your manager to unlink it first.",
  help: [
    "<b>Innbox front desk bot</b>",
    "• Guest messages arrive here while you are on duty.",
    "• To answer, <b>reply</b> to the guest's message (swipe left on it, or tap it and choose Reply).",
    "/onduty — receive guest messages",
    "/offduty — stop receiving them for now",
    "/status — are you on duty, and is it within working hours",
    "/run — list the scenarios you can start; /run 2 or /run &lt;name&gt; starts one",
    "/help — this text",
  ].join("\n"),
  runList: (names: string[]) => `Scenarios you can start:\n${names.map((n, i) => `${i + 1}. ${escapeHtml(n)}`).join("\n")}\nSend /run and a number or a name.`,
  runNone: "No scenario can be started by hand: a manager adds a manual trigger to one in the admin page (Scenarios).",
  runUnknown: (which: string) => `No scenario “${escapeHtml(which)}” can be started by hand. Send /run for the list.`,
  runStarted: (name: string) => `▶️ Started “${escapeHtml(name)}”. The run log in the admin page shows what it did.`,
  replyNeeded: "To answer a guest, <b>reply</b> to their message (swipe left on it, or tap it and choose Reply). /help for more.",
  notARelay: "That message is not a guest's message, so I cannot tell whom to answer. Reply to a message that starts with 💬 or ⏰.",
  onlyTextStaff: "Only text can be passed on to guests for now. Please write your answer as text, as a reply to the guest's message.",
  onDuty: (withinHours: boolean) =>
    withinHours ? "🟢 You are on duty: guest messages will arrive here." : "🟢 Your switch is on, but it is outside working hours: guest messages will arrive when hours begin.",
  offDuty: "⚪ You are off duty: guest messages will not be sent to you until you send /onduty.",
  status: (onDuty: boolean, withinHours: boolean) =>
    `${onDuty ? "🟢 Your duty switch is on." : "⚪ Your duty switch is off (/onduty to turn it on)."}\n${withinHours ? "It is within working hours." : "It is outside working hours."}`,
};

const GUEST_TEXTS: Record<string, { welcome: (property: string) => string; onlyText: string; staffSays: (staff: string) => string }> = {
  en: {
    welcome: (p) => `Welcome to ${escapeHtml(p)}! Write your question here and our front desk will answer in this chat.`,
    onlyText: "Only text messages reach the front desk for now. Please write your question in words.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b>:`,
  },
  de: {
    welcome: (p) => `Willkommen bei ${escapeHtml(p)}! Schreiben Sie Ihre Frage hier, unsere Rezeption antwortet in diesem Chat.`,
    onlyText: "Derzeit erreichen nur Textnachrichten die Rezeption. Bitte schreiben Sie Ihre Frage in Worten.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b>:`,
  },
  fr: {
    welcome: (p) => `Bienvenue à ${escapeHtml(p)} ! Écrivez votre question ici, notre réception vous répondra dans ce chat.`,
    onlyText: "Pour l'instant, seuls les messages texte parviennent à la réception. Merci d'écrire votre question.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b> :`,
  },
  es: {
    welcome: (p) => `¡Bienvenido a ${escapeHtml(p)}! Escriba su pregunta aquí y nuestra recepción le responderá en este chat.`,
    onlyText: "Por ahora solo los mensajes de texto llegan a recepción. Por favor, escriba su pregunta.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b>:`,
  },
  it: {
    welcome: (p) => `Benvenuto a ${escapeHtml(p)}! Scriva qui la sua domanda, la nostra reception le risponderà in questa chat.`,
    onlyText: "Per ora alla reception arrivano solo messaggi di testo. Scriva la sua domanda a parole.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b>:`,
  },
  pt: {
    welcome: (p) => `Bem-vindo a ${escapeHtml(p)}! Escreva aqui a sua pergunta e a nossa receção responderá neste chat.`,
    onlyText: "Por agora só mensagens de texto chegam à receção. Escreva a sua pergunta por palavras.",
    staffSays: (s) => `<b>${escapeHtml(s)}</b>:`,
  },
};

export function guestTexts(language: string | null | undefined) {
  const primary = (language ?? "en").toLowerCase().split("-")[0]!;
  return GUEST_TEXTS[primary] ?? GUEST_TEXTS.en!;
}
