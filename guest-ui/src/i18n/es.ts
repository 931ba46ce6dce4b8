import type { Messages } from "./en";

export const es: Messages = {
  page: {
    loading: "Cargando…",
    retry: "Reintentar",
    invalidTitle: "Este enlace de recepción no es válido",
    invalidBody: "Vuelva a escanear el código QR de su habitación o pida ayuda en recepción.",
    unreachableTitle: "No se puede contactar con la recepción en este momento",
    unreachableBody: "Compruebe su conexión a Internet e inténtelo de nuevo.",
    roomLinkTitle: "Este enlace de habitación no funciona",
    roomTagTooLong: (tag, max) =>
      `La habitación de este enlace, «${tag}», tiene más de ${max} caracteres, así que la recepción no vería en qué habitación está. Avise a la recepción, por favor; aun así puede escribirnos sin ella.`,
    roomTagInvalid: (tag) =>
      `La habitación de este enlace, «${tag}», contiene caracteres que un nombre de habitación no puede tener, así que la recepción no vería en qué habitación está. Avise a la recepción, por favor; aun así puede escribirnos sin ella.`,
    continueWithoutRoom: "Continuar sin la habitación",
  },
  chat: {
    title: "Chat con recepción",
    intro: "Escríbanos aquí. El equipo de recepción responde en esta página: puede dejarla abierta o volver más tarde.",
    nameLabel: "Su nombre (opcional)",
    namePlaceholder: "Por ejemplo: Ana",
    chattingAs: (name) => `Está escribiendo como ${name}`,
    addName: "Añadir su nombre",
    change: "Cambiar",
    save: "Guardar",
    cancel: "Cancelar",
    nameSaved: "Su nombre se ha guardado.",
    messageLabel: "Mensaje",
    placeholder: "Escriba un mensaje…",
    send: "Enviar",
    charsLeft: (n) => `Quedan ${n} caracteres`,
    sending: "Enviando…",
    queued: "Esperando conexión",
    sent: "Enviado",
    delivered: "Entregado",
    failed: "No enviado",
    remove: "Quitar",
    offline: "Sin conexión: sus mensajes se enviarán cuando vuelva la conexión",
    reception: "Recepción",
    today: "Hoy",
    yesterday: "Ayer",
  },
  offHours: {
    title: "Ahora mismo no estamos disponibles",
    backAt: (when) => {
      // "a la 1:00", "a las 9:00".
      const at = `${/^0?1\D/.test(when.time) ? "a la" : "a las"} ${when.time}`;
      if (when.day === "today") return `Volvemos hoy ${at}.`;
      if (when.day === "tomorrow") return `Volvemos mañana ${at}.`;
      return `Volvemos el ${when.day === "week" ? when.weekday : when.date} ${at}.`;
    },
    emailPrompt: "Déjenos su correo electrónico y le responderemos allí",
    emailLabel: "Su correo electrónico",
    emailPlaceholder: "nombre@ejemplo.com",
    emailSaved: (email) => `Gracias. Le responderemos en ${email}.`,
    emailInvalid: "Eso no parece una dirección de correo electrónico.",
    saveFailed: "No ha funcionado. Compruebe su conexión e inténtelo de nuevo.",
  },
  reception: {
    language: "Idioma",
    openChat: "Chatear con recepción",
    closeChat: "Cerrar el chat",
    dismiss: "Cerrar",
    servicesHeading: "Cerca de nosotros",
    call: "Llamar",
    website: "Sitio web",
    map: "Mapa",
    directions: "Cómo llegar",
    locationHeading: "Cómo encontrarnos",
    openInMaps: "Abrir en mapas",
    mapOf: (name) => `Mapa de ${name}`,
    mapFailed: "No se pudo cargar el mapa. Los enlaces de abajo siguen funcionando.",
    infoHeading: "Información útil",
    reservationHeading: "Mi reserva",
    previewChat: "Vista previa: el chat funciona en la página real.",
    footerChat: "Chatear con recepción",
  },
};
