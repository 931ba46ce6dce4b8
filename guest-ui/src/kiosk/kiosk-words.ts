// Every sentence of the kiosk page. The guest's words come in the guest pages' eight
// languages (guest-ui/src/i18n); the pairing screen is for whoever sets the tablet up and
// speaks English, like the admin page.
import type { Language } from "../i18n";

export const PAIRING_WORDS = {
  title: "Pair this kiosk",
  intro: "In the admin page, open Kiosk and choose Pair a kiosk. Type the code it shows here, or open its link on this tablet.",
  codeLabel: "Pairing code",
  pair: "Pair",
  pairing: "Pairing…",
  emptyCode: "Type the code the admin page shows.",
  wrongCode: "This code does not work: it is wrong, already used or expired. Check it, or ask the admin page for a new one.",
  tooManyTries: (seconds: number) =>
    `Too many wrong codes. Wait ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`} and try again.`,
  tooManyTriesNoWait: "Too many wrong codes. Wait a minute and try again.",
  unreachable: "The appliance cannot be reached. Check the tablet's network and try again.",
  unpaired: "This kiosk is no longer paired. Ask the manager for a new pairing code.",
} as const;

export interface KioskWords {
  language: string;
  offline: string;
  callReception: string;
  callHint: string;
  leaveMessage: string;
  messageTitle: string;
  messageIntro: string;
  nameLabel: string;
  messageLabel: string;
  send: string;
  sending: string;
  sent: string;
  sentBody: string;
  sendFailed: string;
  emptyMessage: string;
  close: string;
  wifi: string;
  wifiScan: string;
  network: string;
  password: string;
  openNetwork: string;
  reception: string;
  receptionScan: string;
  phone: string;
  emergency: string;
}

const en: KioskWords = {
  language: "Language",
  offline: "Offline — trying again",
  callReception: "Call reception",
  callHint: "Nobody at the desk? Tap to reach the reception team.",
  leaveMessage: "Leave a message",
  messageTitle: "Leave a message for reception",
  messageIntro: "The reception team reads it on their phones and will come to you or answer as soon as they can.",
  nameLabel: "Your name or room (optional)",
  messageLabel: "Your message",
  send: "Send",
  sending: "Sending…",
  sent: "Your message has been sent",
  sentBody: "Thank you. The reception team will get back to you soon.",
  sendFailed: "The message could not be sent. Please try again.",
  emptyMessage: "Please write a message first.",
  close: "Close",
  wifi: "Wi-Fi",
  wifiScan: "Scan with your phone's camera to join",
  network: "Network",
  password: "Password",
  openNetwork: "Open network, no password",
  reception: "Online Reception",
  receptionScan: "Scan for information, your reservation and chat",
  phone: "Phone",
  emergency: "Emergency",
};

const de: KioskWords = {
  language: "Sprache",
  offline: "Offline — neuer Versuch läuft",
  callReception: "Rezeption anrufen",
  callHint: "Niemand am Empfang? Tippen Sie hier, um das Rezeptionsteam zu erreichen.",
  leaveMessage: "Nachricht hinterlassen",
  messageTitle: "Nachricht an die Rezeption",
  messageIntro: "Das Rezeptionsteam liest sie auf dem Handy und kommt zu Ihnen oder antwortet so bald wie möglich.",
  nameLabel: "Ihr Name oder Zimmer (optional)",
  messageLabel: "Ihre Nachricht",
  send: "Senden",
  sending: "Wird gesendet…",
  sent: "Ihre Nachricht wurde gesendet",
  sentBody: "Danke. Das Rezeptionsteam meldet sich bald bei Ihnen.",
  sendFailed: "Die Nachricht konnte nicht gesendet werden. Bitte versuchen Sie es erneut.",
  emptyMessage: "Bitte schreiben Sie zuerst eine Nachricht.",
  close: "Schließen",
  wifi: "WLAN",
  wifiScan: "Mit der Handykamera scannen, um sich zu verbinden",
  network: "Netzwerk",
  password: "Passwort",
  openNetwork: "Offenes Netzwerk, kein Passwort",
  reception: "Online-Rezeption",
  receptionScan: "Scannen für Infos, Ihre Buchung und den Chat",
  phone: "Telefon",
  emergency: "Notfall",
};

const fr: KioskWords = {
  language: "Langue",
  offline: "Hors ligne — nouvel essai en cours",
  callReception: "Appeler la réception",
  callHint: "Personne à l’accueil ? Touchez ici pour joindre l’équipe de réception.",
  leaveMessage: "Laisser un message",
  messageTitle: "Laisser un message à la réception",
  messageIntro: "L’équipe le lit sur son téléphone et viendra vous voir ou vous répondra dès que possible.",
  nameLabel: "Votre nom ou chambre (facultatif)",
  messageLabel: "Votre message",
  send: "Envoyer",
  sending: "Envoi…",
  sent: "Votre message a été envoyé",
  sentBody: "Merci. L’équipe de réception revient vers vous très vite.",
  sendFailed: "Le message n’a pas pu être envoyé. Veuillez réessayer.",
  emptyMessage: "Veuillez d’abord écrire un message.",
  close: "Fermer",
  wifi: "Wi-Fi",
  wifiScan: "Scannez avec l’appareil photo de votre téléphone pour vous connecter",
  network: "Réseau",
  password: "Mot de passe",
  openNetwork: "Réseau ouvert, sans mot de passe",
  reception: "Réception en ligne",
  receptionScan: "Scannez pour les infos, votre réservation et le chat",
  phone: "Téléphone",
  emergency: "Urgence",
};

const es: KioskWords = {
  language: "Idioma",
  offline: "Sin conexión — reintentando",
  callReception: "Llamar a recepción",
  callHint: "¿No hay nadie en el mostrador? Toque aquí para contactar con recepción.",
  leaveMessage: "Dejar un mensaje",
  messageTitle: "Dejar un mensaje a recepción",
  messageIntro: "El equipo lo lee en su teléfono y vendrá o le responderá lo antes posible.",
  nameLabel: "Su nombre o habitación (opcional)",
  messageLabel: "Su mensaje",
  send: "Enviar",
  sending: "Enviando…",
  sent: "Su mensaje se ha enviado",
  sentBody: "Gracias. El equipo de recepción le responderá pronto.",
  sendFailed: "No se pudo enviar el mensaje. Inténtelo de nuevo.",
  emptyMessage: "Escriba primero un mensaje.",
  close: "Cerrar",
  wifi: "Wi-Fi",
  wifiScan: "Escanee con la cámara del móvil para conectarse",
  network: "Red",
  password: "Contraseña",
  openNetwork: "Red abierta, sin contraseña",
  reception: "Recepción online",
  receptionScan: "Escanee para información, su reserva y el chat",
  phone: "Teléfono",
  emergency: "Emergencia",
};

const it: KioskWords = {
  language: "Lingua",
  offline: "Offline — nuovo tentativo in corso",
  callReception: "Chiama la reception",
  callHint: "Nessuno al banco? Tocca qui per contattare la reception.",
  leaveMessage: "Lascia un messaggio",
  messageTitle: "Lascia un messaggio alla reception",
  messageIntro: "Il team lo legge sul telefono e verrà da te o risponderà appena possibile.",
  nameLabel: "Il tuo nome o camera (facoltativo)",
  messageLabel: "Il tuo messaggio",
  send: "Invia",
  sending: "Invio…",
  sent: "Il tuo messaggio è stato inviato",
  sentBody: "Grazie. Il team della reception ti risponderà presto.",
  sendFailed: "Non è stato possibile inviare il messaggio. Riprova.",
  emptyMessage: "Scrivi prima un messaggio.",
  close: "Chiudi",
  wifi: "Wi-Fi",
  wifiScan: "Inquadra con la fotocamera del telefono per connetterti",
  network: "Rete",
  password: "Password",
  openNetwork: "Rete aperta, senza password",
  reception: "Reception online",
  receptionScan: "Inquadra per informazioni, la prenotazione e la chat",
  phone: "Telefono",
  emergency: "Emergenza",
};

const pt: KioskWords = {
  language: "Idioma",
  offline: "Sem ligação — a tentar de novo",
  callReception: "Ligar para a receção",
  callHint: "Ninguém no balcão? Toque aqui para falar com a receção.",
  leaveMessage: "Deixar uma mensagem",
  messageTitle: "Deixar uma mensagem à receção",
  messageIntro: "A equipa lê-a no telemóvel e virá ter consigo ou responderá assim que puder.",
  nameLabel: "O seu nome ou quarto (opcional)",
  messageLabel: "A sua mensagem",
  send: "Enviar",
  sending: "A enviar…",
  sent: "A sua mensagem foi enviada",
  sentBody: "Obrigado. A equipa da receção responderá em breve.",
  sendFailed: "Não foi possível enviar a mensagem. Tente novamente.",
  emptyMessage: "Escreva primeiro uma mensagem.",
  close: "Fechar",
  wifi: "Wi-Fi",
  wifiScan: "Leia com a câmara do telemóvel para se ligar",
  network: "Rede",
  password: "Palavra-passe",
  openNetwork: "Rede aberta, sem palavra-passe",
  reception: "Receção online",
  receptionScan: "Leia para informações, a sua reserva e o chat",
  phone: "Telefone",
  emergency: "Emergência",
};

const ru: KioskWords = {
  language: "Язык",
  offline: "Нет связи — пробуем снова",
  callReception: "Позвонить на ресепшен",
  callHint: "На стойке никого нет? Нажмите, чтобы связаться с ресепшен.",
  leaveMessage: "Оставить сообщение",
  messageTitle: "Сообщение для ресепшен",
  messageIntro: "Сотрудники прочитают его на телефоне и подойдут или ответят как можно скорее.",
  nameLabel: "Ваше имя или номер (необязательно)",
  messageLabel: "Ваше сообщение",
  send: "Отправить",
  sending: "Отправка…",
  sent: "Ваше сообщение отправлено",
  sentBody: "Спасибо. Сотрудники ресепшен скоро с вами свяжутся.",
  sendFailed: "Не удалось отправить сообщение. Попробуйте ещё раз.",
  emptyMessage: "Сначала напишите сообщение.",
  close: "Закрыть",
  wifi: "Wi-Fi",
  wifiScan: "Наведите камеру телефона, чтобы подключиться",
  network: "Сеть",
  password: "Пароль",
  openNetwork: "Открытая сеть, без пароля",
  reception: "Онлайн-ресепшен",
  receptionScan: "Сканируйте: информация, бронирование и чат",
  phone: "Телефон",
  emergency: "Экстренная помощь",
};

const zh: KioskWords = {
  language: "语言",
  offline: "离线 — 正在重试",
  callReception: "呼叫前台",
  callHint: "前台没人？点此联系前台团队。",
  leaveMessage: "留言",
  messageTitle: "给前台留言",
  messageIntro: "前台团队会在手机上看到，并尽快过来或回复您。",
  nameLabel: "您的姓名或房间（选填）",
  messageLabel: "您的留言",
  send: "发送",
  sending: "正在发送…",
  sent: "您的留言已发送",
  sentBody: "谢谢。前台团队会尽快与您联系。",
  sendFailed: "留言未能发送，请重试。",
  emptyMessage: "请先写下留言。",
  close: "关闭",
  wifi: "Wi-Fi",
  wifiScan: "用手机相机扫描即可连接",
  network: "网络",
  password: "密码",
  openNetwork: "开放网络，无需密码",
  reception: "在线前台",
  receptionScan: "扫描查看信息、您的预订和聊天",
  phone: "电话",
  emergency: "紧急情况",
};

export const KIOSK_WORDS: Record<Language, KioskWords> = { en, de, fr, es, it, pt, ru, zh };
