import type { Messages } from "./en";

export const fr: Messages = {
  page: {
    loading: "Chargement…",
    retry: "Réessayer",
    invalidTitle: "Ce lien vers la réception n’est pas valide",
    invalidBody: "Scannez à nouveau le QR code de votre chambre ou demandez de l’aide à la réception.",
    unreachableTitle: "La réception est injoignable pour le moment",
    unreachableBody: "Vérifiez votre connexion Internet et réessayez.",
    roomLinkTitle: "Ce lien de chambre ne fonctionne pas",
    roomTagTooLong: (tag, max) =>
      `La chambre indiquée dans ce lien, « ${tag} », dépasse ${max} caractères : la réception ne verrait pas dans quelle chambre vous êtes. Merci de le signaler à la réception ; vous pouvez quand même nous écrire sans elle.`,
    roomTagInvalid: (tag) =>
      `La chambre indiquée dans ce lien, « ${tag} », contient des caractères qu’un nom de chambre ne peut pas avoir : la réception ne verrait pas dans quelle chambre vous êtes. Merci de le signaler à la réception ; vous pouvez quand même nous écrire sans elle.`,
    continueWithoutRoom: "Continuer sans la chambre",
  },
  chat: {
    title: "Discuter avec la réception",
    intro: "Écrivez-nous ici. L’équipe de la réception répond sur cette page : vous pouvez la laisser ouverte ou revenir plus tard.",
    nameLabel: "Votre nom (facultatif)",
    namePlaceholder: "Par exemple : Anna",
    chattingAs: (name) => `Vous écrivez en tant que ${name}`,
    addName: "Indiquer votre nom",
    change: "Modifier",
    save: "Enregistrer",
    cancel: "Annuler",
    nameSaved: "Votre nom est enregistré.",
    messageLabel: "Message",
    placeholder: "Écrivez un message…",
    send: "Envoyer",
    charsLeft: (n) => `${n} caractères restants`,
    sending: "Envoi…",
    queued: "En attente de connexion",
    sent: "Envoyé",
    delivered: "Remis",
    failed: "Non envoyé",
    remove: "Supprimer",
    offline: "Hors ligne — vos messages partiront dès le retour de la connexion",
    reception: "Réception",
    today: "Aujourd’hui",
    yesterday: "Hier",
  },
  offHours: {
    title: "Nous sommes absents pour le moment",
    backAt: (when) =>
      when.day === "today"
        ? `Nous serons de retour aujourd’hui à ${when.time}.`
        : when.day === "tomorrow"
          ? `Nous serons de retour demain à ${when.time}.`
          : when.day === "week"
            ? `Nous serons de retour ${when.weekday} à ${when.time}.`
            : `Nous serons de retour le ${when.date} à ${when.time}.`,
    emailPrompt: "Laissez votre e-mail et nous vous répondrons par ce biais",
    emailLabel: "Votre e-mail",
    emailPlaceholder: "nom@exemple.fr",
    emailSaved: (email) => `Merci. Nous vous répondrons à ${email}.`,
    emailInvalid: "Cette adresse e-mail ne semble pas valide.",
    saveFailed: "Cela n’a pas fonctionné. Vérifiez votre connexion et réessayez.",
  },
  reception: {
    language: "Langue",
    openChat: "Discuter avec la réception",
    closeChat: "Fermer la discussion",
    dismiss: "Fermer",
    servicesHeading: "Autour de nous",
    call: "Appeler",
    website: "Site web",
    map: "Carte",
    directions: "Itinéraire",
    locationHeading: "Comment nous trouver",
    openInMaps: "Ouvrir dans Plans",
    mapOf: (name) => `Carte : ${name}`,
    mapFailed: "La carte n’a pas pu être chargée. Les liens ci-dessous fonctionnent toujours.",
    infoHeading: "Informations utiles",
    reservationHeading: "Ma réservation",
    previewChat: "Aperçu : la discussion fonctionne sur la vraie page.",
    footerChat: "Discuter avec la réception",
  },
};
