import type { Messages } from "./en";

export const it: Messages = {
  page: {
    loading: "Caricamento…",
    retry: "Riprova",
    invalidTitle: "Questo link della reception non è valido",
    invalidBody: "Scansiona di nuovo il codice QR nella tua camera oppure chiedi aiuto alla reception.",
    unreachableTitle: "La reception non è raggiungibile in questo momento",
    unreachableBody: "Controlla la connessione a Internet e riprova.",
    roomLinkTitle: "Questo link della camera non funziona",
    roomTagTooLong: (tag, max) =>
      `La camera indicata in questo link, «${tag}», supera i ${max} caratteri, quindi la reception non vedrebbe in quale camera ti trovi. Avvisa la reception; puoi comunque scriverci senza indicarla.`,
    roomTagInvalid: (tag) =>
      `La camera indicata in questo link, «${tag}», contiene caratteri che il nome di una camera non può avere, quindi la reception non vedrebbe in quale camera ti trovi. Avvisa la reception; puoi comunque scriverci senza indicarla.`,
    continueWithoutRoom: "Continua senza la camera",
  },
  chat: {
    title: "Chatta con la reception",
    intro: "Scrivici qui. Il team della reception risponde su questa pagina: puoi lasciarla aperta o tornare più tardi.",
    nameLabel: "Il tuo nome (facoltativo)",
    namePlaceholder: "Per esempio: Anna",
    chattingAs: (name) => `Stai scrivendo come ${name}`,
    addName: "Aggiungi il tuo nome",
    change: "Modifica",
    save: "Salva",
    cancel: "Annulla",
    nameSaved: "Il tuo nome è stato salvato.",
    messageLabel: "Messaggio",
    placeholder: "Scrivi un messaggio…",
    send: "Invia",
    charsLeft: (n) => `Ancora ${n} caratteri`,
    sending: "Invio…",
    queued: "In attesa di connessione",
    sent: "Inviato",
    delivered: "Consegnato",
    failed: "Non inviato",
    remove: "Rimuovi",
    offline: "Offline: i tuoi messaggi verranno inviati quando torna la connessione",
    reception: "Reception",
    today: "Oggi",
    yesterday: "Ieri",
  },
  offHours: {
    title: "Al momento non siamo disponibili",
    backAt: (when) => {
      const at = `alle ${when.time}`;
      if (when.day === "today") return `Torniamo oggi ${at}.`;
      if (when.day === "tomorrow") return `Torniamo domani ${at}.`;
      return `Torniamo ${when.day === "week" ? when.weekday : when.date} ${at}.`;
    },
    emailPrompt: "Lascia la tua email e ti risponderemo lì",
    emailLabel: "La tua email",
    emailPlaceholder: "nome@esempio.it",
    emailSaved: (email) => `Grazie. Ti risponderemo a ${email}.`,
    emailInvalid: "Non sembra un indirizzo email valido.",
    saveFailed: "Non ha funzionato. Controlla la connessione e riprova.",
  },
  reception: {
    language: "Lingua",
    openChat: "Chatta con la reception",
    closeChat: "Chiudi la chat",
    dismiss: "Chiudi",
    servicesHeading: "Nei dintorni",
    call: "Chiama",
    website: "Sito web",
    map: "Mappa",
    directions: "Indicazioni",
    locationHeading: "Come trovarci",
    openInMaps: "Apri in Mappe",
    mapOf: (name) => `Mappa di ${name}`,
    mapFailed: "Non è stato possibile caricare la mappa. I link qui sotto funzionano comunque.",
    infoHeading: "Informazioni utili",
    reservationHeading: "La mia prenotazione",
    previewChat: "Anteprima: la chat funziona sulla pagina vera.",
    footerChat: "Chatta con la reception",
  },
};
