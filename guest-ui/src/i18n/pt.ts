import type { Messages } from "./en";

export const pt: Messages = {
  page: {
    loading: "A carregar…",
    retry: "Tentar novamente",
    invalidTitle: "Este link da receção não é válido",
    invalidBody: "Leia novamente o código QR do seu quarto ou peça ajuda na receção.",
    unreachableTitle: "Não é possível contactar a receção neste momento",
    unreachableBody: "Verifique a sua ligação à Internet e tente novamente.",
    roomLinkTitle: "Este link do quarto não funciona",
    roomTagTooLong: (tag, max) =>
      `O quarto indicado neste link, «${tag}», tem mais de ${max} caracteres, por isso a receção não veria em que quarto está. Avise a receção, por favor; pode escrever-nos na mesma sem ele.`,
    roomTagInvalid: (tag) =>
      `O quarto indicado neste link, «${tag}», contém caracteres que o nome de um quarto não pode ter, por isso a receção não veria em que quarto está. Avise a receção, por favor; pode escrever-nos na mesma sem ele.`,
    continueWithoutRoom: "Continuar sem o quarto",
  },
  chat: {
    title: "Conversar com a receção",
    intro: "Escreva-nos aqui. A equipa da receção responde nesta página: pode deixá-la aberta ou voltar mais tarde.",
    nameLabel: "O seu nome (opcional)",
    namePlaceholder: "Por exemplo: Ana",
    chattingAs: (name) => `Está a escrever como ${name}`,
    addName: "Indicar o seu nome",
    change: "Alterar",
    save: "Guardar",
    cancel: "Cancelar",
    nameSaved: "O seu nome foi guardado.",
    messageLabel: "Mensagem",
    placeholder: "Escreva uma mensagem…",
    send: "Enviar",
    charsLeft: (n) => `Restam ${n} caracteres`,
    sending: "A enviar…",
    queued: "À espera de ligação",
    sent: "Enviada",
    delivered: "Entregue",
    failed: "Não enviada",
    remove: "Remover",
    offline: "Sem ligação — as suas mensagens serão enviadas quando a ligação voltar",
    reception: "Receção",
    today: "Hoje",
    yesterday: "Ontem",
  },
  offHours: {
    title: "De momento não estamos disponíveis",
    backAt: (when) => {
      // "à 1:00", "às 9:00".
      const at = `${/^0?1\D/.test(when.time) ? "à" : "às"} ${when.time}`;
      if (when.day === "today") return `Voltamos hoje ${at}.`;
      if (when.day === "tomorrow") return `Voltamos amanhã ${at}.`;
      // "no sábado", "no domingo", but "na segunda-feira".
      const on = when.weekdayIndex === 0 || when.weekdayIndex === 6 ? "no" : "na";
      return `Voltamos ${on} ${when.day === "week" ? when.weekday : when.date} ${at}.`;
    },
    emailPrompt: "Deixe o seu email e responderemos por lá",
    emailLabel: "O seu email",
    emailPlaceholder: "nome@exemplo.pt",
    emailSaved: (email) => `Obrigado. Responderemos para ${email}.`,
    emailInvalid: "Isto não parece um endereço de email.",
    saveFailed: "Não funcionou. Verifique a sua ligação e tente novamente.",
  },
  reception: {
    language: "Idioma",
    openChat: "Conversar com a receção",
    closeChat: "Fechar a conversa",
    dismiss: "Fechar",
    servicesHeading: "Por perto",
    call: "Ligar",
    website: "Site",
    map: "Mapa",
    directions: "Direções",
    locationHeading: "Como nos encontrar",
    openInMaps: "Abrir nos mapas",
    mapOf: (name) => `Mapa de ${name}`,
    mapFailed: "Não foi possível carregar o mapa. As ligações abaixo continuam a funcionar.",
    infoHeading: "Informações úteis",
    reservationHeading: "A minha reserva",
    previewChat: "Pré-visualização: a conversa funciona na página real.",
    footerChat: "Conversar com a receção",
  },
  reservation: {
    intro: "Introduza o código de reserva da sua confirmação para ver a sua estadia.",
    codeLabel: "Código de reserva",
    show: "Ver a minha reserva",
    checking: "A verificar…",
    checkIn: "Check-in",
    checkOut: "Check-out",
    fromTime: (time) => `a partir das ${time}`,
    untilTime: (time) => `até às ${time}`,
    cancelled: "Esta reserva foi cancelada.",
    instructions: "Instruções de chegada",
    localTime: "As horas são as locais do alojamento.",
    unknownCode: "Não encontrámos nenhuma reserva com este código. Verifique-o na confirmação da reserva ou pergunte na receção.",
    tooMany: "Demasiados códigos errados. Aguarde alguns minutos e tente novamente.",
    invalidCode: (min) => `Um código de reserva tem pelo menos ${min} caracteres.`,
    failed: "Não funcionou. Verifique a ligação e tente novamente.",
    sample: "Pré-visualização: cada hóspede vê aqui a sua própria estadia.",
  },
};
