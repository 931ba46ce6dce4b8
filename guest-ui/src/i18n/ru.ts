import type { Messages } from "./en";

export const ru: Messages = {
  page: {
    loading: "Загрузка…",
    retry: "Повторить",
    invalidTitle: "Эта ссылка на ресепшен недействительна",
    invalidBody: "Отсканируйте QR-код в номере ещё раз или обратитесь на ресепшен.",
    unreachableTitle: "Сейчас не удаётся связаться с ресепшеном",
    unreachableBody: "Проверьте подключение к интернету и попробуйте ещё раз.",
    roomLinkTitle: "Ссылка на номер не работает",
    roomTagTooLong: (tag, max) =>
      `Номер в этой ссылке, «${tag}», длиннее ${max} символов, поэтому на ресепшене не увидят, в каком номере вы живёте. Пожалуйста, сообщите об этом на ресепшен; написать нам можно и без номера.`,
    roomTagInvalid: (tag) =>
      `Номер в этой ссылке, «${tag}», содержит символы, которых не может быть в названии номера, поэтому на ресепшене не увидят, в каком номере вы живёте. Пожалуйста, сообщите об этом на ресепшен; написать нам можно и без номера.`,
    continueWithoutRoom: "Продолжить без номера",
  },
  chat: {
    title: "Чат с ресепшеном",
    intro: "Напишите нам здесь. Сотрудники ресепшена ответят на этой странице — её можно не закрывать или вернуться позже.",
    nameLabel: "Ваше имя (необязательно)",
    namePlaceholder: "Например: Анна",
    chattingAs: (name) => `Вы пишете как ${name}`,
    addName: "Указать имя",
    change: "Изменить",
    save: "Сохранить",
    cancel: "Отмена",
    nameSaved: "Ваше имя сохранено.",
    messageLabel: "Сообщение",
    placeholder: "Напишите сообщение…",
    send: "Отправить",
    charsLeft: (n) => `Осталось символов: ${n}`,
    sending: "Отправляется…",
    queued: "Ожидает подключения",
    sent: "Отправлено",
    delivered: "Доставлено",
    failed: "Не отправлено",
    remove: "Удалить",
    offline: "Нет подключения — сообщения отправятся, когда связь восстановится",
    reception: "Ресепшен",
    today: "Сегодня",
    yesterday: "Вчера",
  },
  offHours: {
    title: "Сейчас мы не на связи",
    backAt: (when) => {
      // The weekday after "в" is in the accusative: "в понедельник", "во вторник", "в среду".
      const on = ["в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"][when.weekdayIndex];
      if (when.day === "today") return `Мы вернёмся сегодня в ${when.time}.`;
      if (when.day === "tomorrow") return `Мы вернёмся завтра в ${when.time}.`;
      if (when.day === "week") return `Мы вернёмся ${on} в ${when.time}.`;
      return `Мы вернёмся ${on}, ${when.dayMonth}, в ${when.time}.`;
    },
    emailPrompt: "Оставьте ваш email, и мы ответим туда",
    emailLabel: "Ваш email",
    emailPlaceholder: "name@example.com",
    emailSaved: (email) => `Спасибо. Мы ответим на ${email}.`,
    emailInvalid: "Это не похоже на адрес электронной почты.",
    saveFailed: "Не получилось. Проверьте подключение и попробуйте ещё раз.",
  },
  reception: {
    language: "Язык",
    openChat: "Чат с ресепшн",
    closeChat: "Закрыть чат",
    dismiss: "Закрыть",
    servicesHeading: "Рядом с нами",
    call: "Позвонить",
    website: "Сайт",
    map: "Карта",
    directions: "Маршрут",
    locationHeading: "Как нас найти",
    openInMaps: "Открыть в картах",
    mapOf: (name) => `Карта: ${name}`,
    mapFailed: "Не удалось загрузить карту. Ссылки ниже работают.",
    infoHeading: "Полезная информация",
    reservationHeading: "Моё бронирование",
    previewChat: "Предпросмотр: чат работает на настоящей странице.",
    footerChat: "Чат с ресепшн",
  },
};
