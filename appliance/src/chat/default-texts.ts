/** Sentences the appliance itself writes into guest conversations, per language; English is the fallback. */
export const DEFAULT_OFF_HOURS_NOTICE: Record<string, string> = {
  en: "Our front desk is closed right now. Your message is saved and we will answer as soon as we are back. Leave your email if you would like the answer there too.",
  de: "Unsere Rezeption ist gerade nicht besetzt. Ihre Nachricht ist gespeichert und wir antworten, sobald wir zurück sind. Hinterlassen Sie gern Ihre E-Mail-Adresse, wenn Sie die Antwort auch dorthin möchten.",
  fr: "Notre réception est fermée pour le moment. Votre message est enregistré et nous vous répondrons dès notre retour. Laissez votre e-mail si vous souhaitez aussi recevoir la réponse par e-mail.",
  es: "Nuestra recepción está cerrada en este momento. Su mensaje está guardado y le responderemos en cuanto volvamos. Deje su correo electrónico si también desea recibir la respuesta allí.",
  it: "La nostra reception è chiusa in questo momento. Il suo messaggio è salvato e risponderemo appena rientriamo. Lasci la sua email se desidera ricevere la risposta anche lì.",
  pt: "A nossa receção está fechada neste momento. A sua mensagem foi guardada e responderemos assim que voltarmos. Deixe o seu email se quiser receber a resposta também por lá.",
  ru: "Наш ресепшен сейчас закрыт. Ваше сообщение сохранено, и мы ответим, как только вернёмся. Оставьте свой email, если хотите получить ответ и туда.",
  zh: "前台目前不在服务时间。您的消息已保存，我们回来后会尽快回复。如果您希望同时通过电子邮件收到回复，请留下您的邮箱地址。",
};

export function pickLanguage<T>(byLanguage: Record<string, T>, language: string | null | undefined): T | undefined {
  const primary = (language ?? "en").toLowerCase().split("-")[0]!;
  return byLanguage[primary] ?? byLanguage.en ?? Object.values(byLanguage)[0];
}

/**
 * The off-hours notice for a guest's language: the manager's in that language; else the
 * manager's English one if they wrote their own (it may say what ours cannot); else ours
 * in the guest's language, English when we have none in it.
 */
export function offHoursNoticeFor(notices: Record<string, string>, language: string | null | undefined): string {
  const primary = (language ?? "en").toLowerCase().split("-")[0]!;
  const own = Object.hasOwn(notices, primary) ? notices[primary] : undefined;
  if (own) return own;
  if (notices.en && notices.en !== DEFAULT_OFF_HOURS_NOTICE.en) return notices.en;
  return pickLanguage(DEFAULT_OFF_HOURS_NOTICE, language)!;
}
