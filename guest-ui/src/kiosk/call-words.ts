// The call screen's words per language; a language without its own reads English.
export interface CallWords {
  calling: string;
  callingHint: string;
  cancel: string;
  with: (name: string) => string;
  mute: string;
  unmute: string;
  cameraOff: string;
  cameraOn: string;
  hangUp: string;
  noAnswer: string;
  noAnswerBody: string;
  leaveMessage: string;
  ended: string;
  failed: string;
  close: string;
}

const en: CallWords = {
  calling: "Calling reception…",
  callingHint: "A member of the team will answer on their phone.",
  cancel: "Cancel",
  with: (name) => `You are talking with ${name}`,
  mute: "Mute",
  unmute: "Unmute",
  cameraOff: "Camera off",
  cameraOn: "Camera on",
  hangUp: "Hang up",
  noAnswer: "Nobody answered",
  noAnswerBody: "The team is busy right now. Leave a message and they will come to you or answer as soon as they can.",
  leaveMessage: "Leave a message",
  ended: "The call ended.",
  failed: "The call could not be made. Try again or leave a message.",
  close: "Close",
};

export const CALL_WORDS: Record<string, CallWords> = {
  en,
  de: {
    calling: "Rezeption wird angerufen…",
    callingHint: "Ein Teammitglied antwortet auf dem Handy.",
    cancel: "Abbrechen",
    with: (name) => `Sie sprechen mit ${name}`,
    mute: "Stumm",
    unmute: "Ton an",
    cameraOff: "Kamera aus",
    cameraOn: "Kamera an",
    hangUp: "Auflegen",
    noAnswer: "Niemand hat geantwortet",
    noAnswerBody: "Das Team ist gerade beschäftigt. Hinterlassen Sie eine Nachricht, man kommt zu Ihnen oder antwortet so bald wie möglich.",
    leaveMessage: "Nachricht hinterlassen",
    ended: "Der Anruf ist beendet.",
    failed: "Der Anruf kam nicht zustande. Versuchen Sie es noch einmal oder hinterlassen Sie eine Nachricht.",
    close: "Schließen",
  },
  fr: {
    calling: "Appel de la réception…",
    callingHint: "Un membre de l’équipe répondra sur son téléphone.",
    cancel: "Annuler",
    with: (name) => `Vous parlez avec ${name}`,
    mute: "Couper le micro",
    unmute: "Activer le micro",
    cameraOff: "Caméra éteinte",
    cameraOn: "Caméra allumée",
    hangUp: "Raccrocher",
    noAnswer: "Personne n’a répondu",
    noAnswerBody: "L’équipe est occupée. Laissez un message : elle viendra vous voir ou répondra dès que possible.",
    leaveMessage: "Laisser un message",
    ended: "L’appel est terminé.",
    failed: "L’appel n’a pas abouti. Réessayez ou laissez un message.",
    close: "Fermer",
  },
  es: {
    calling: "Llamando a recepción…",
    callingHint: "Un miembro del equipo responderá desde su teléfono.",
    cancel: "Cancelar",
    with: (name) => `Está hablando con ${name}`,
    mute: "Silenciar",
    unmute: "Activar micrófono",
    cameraOff: "Apagar cámara",
    cameraOn: "Encender cámara",
    hangUp: "Colgar",
    noAnswer: "Nadie ha respondido",
    noAnswerBody: "El equipo está ocupado. Deje un mensaje y vendrán a verle o le responderán lo antes posible.",
    leaveMessage: "Dejar un mensaje",
    ended: "La llamada ha terminado.",
    failed: "No se pudo hacer la llamada. Inténtelo de nuevo o deje un mensaje.",
    close: "Cerrar",
  },
};

export const callWords = (language: string): CallWords => CALL_WORDS[language] ?? en;
