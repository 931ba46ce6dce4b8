import { describe, expect, it } from "vitest";
import { backAtParts, type BackAtOptions } from "./back-at";
import { LANGUAGES, type Language } from "./i18n";

// Friday 27 November 2026, 19:30 in Rome (UTC+1).
const now = new Date("2026-11-27T18:30:00Z");
const rome = (locale: string, extra: Partial<BackAtOptions> = {}): BackAtOptions => ({ timeZone: "Europe/Rome", locale, now, ...extra });
const say = (language: Language, locale: string, backAt: string, extra: Partial<BackAtOptions> = {}) =>
  LANGUAGES[language].offHours.backAt(backAtParts(backAt, rome(locale, extra))!);

describe("when the team is back", () => {
  it("says today, tomorrow, a weekday within the week, or a date, by the property's calendar", () => {
    expect(backAtParts("2026-11-27T20:00:00Z", rome("en-GB"))).toMatchObject({ day: "today", time: "21:00" });
    // 00:30 UTC on the 28th is already Saturday in Rome, so "tomorrow" although UTC says the 28th too.
    expect(backAtParts("2026-11-28T08:00:00Z", rome("en-GB"))).toMatchObject({ day: "tomorrow", time: "09:00", weekday: "Saturday", weekdayIndex: 6 });
    expect(backAtParts("2026-11-30T08:00:00Z", rome("en-GB"))).toMatchObject({ day: "week", weekday: "Monday", weekdayIndex: 1 });
    expect(backAtParts("2026-12-03T08:00:00Z", rome("en-GB"))).toMatchObject({ day: "week", weekday: "Thursday" });
    // A week on, the weekday alone would read as today's: the date says it.
    expect(backAtParts("2026-12-04T08:00:00Z", rome("en-GB"))).toMatchObject({ day: "later", date: "Friday 4 December" });
    expect(backAtParts("2026-12-07T08:00:00Z", rome("en-GB"))).toMatchObject({ day: "later", date: "Monday 7 December", dayMonth: "7 December" });
    // Late at night in Rome (23:30) the next morning is "tomorrow" even though it is the same UTC date.
    const lateNight = new Date("2026-11-27T22:30:00Z");
    expect(backAtParts("2026-11-28T08:00:00Z", rome("en-GB", { now: lateNight }))?.day).toBe("tomorrow");
    // Just after midnight in Rome (00:30, still the 27th in UTC) 09:00 is "today".
    const afterMidnight = new Date("2026-11-27T23:30:00Z");
    expect(backAtParts("2026-11-28T08:00:00Z", rome("en-GB", { now: afterMidnight }))?.day).toBe("today");
  });

  it("uses the property's timezone across a daylight-saving change, whatever the machine's", () => {
    // Saturday 24 October 2026 in Rome (summer time); back on Monday the 26th at 09:00 winter time (08:00 UTC).
    const parts = backAtParts("2026-10-26T08:00:00Z", rome("de-DE", { now: new Date("2026-10-24T14:00:00Z") }));
    expect(parts).toMatchObject({ day: "week", weekday: "Montag", time: "09:00" });
    expect(backAtParts("2026-11-30T08:00:00Z", { timeZone: "Asia/Shanghai", locale: "zh-CN", now })).toMatchObject({ weekday: "星期一", time: "16:00" });
  });

  it("writes the time as the guest's locale does, and names the zone only when the guest's clock reads otherwise", () => {
    expect(backAtParts("2026-11-30T08:00:00Z", rome("en-US"))?.time).toBe("9:00 AM");
    expect(backAtParts("2026-11-30T08:00:00Z", rome("en-GB"))?.time).toBe("09:00");
    // Berlin reads the same clock as Rome: no zone. Lisbon does not.
    expect(backAtParts("2026-11-30T08:00:00Z", rome("de-DE", { guestTimeZone: "Europe/Berlin" }))?.time).toBe("09:00");
    expect(backAtParts("2026-11-30T08:00:00Z", rome("de-DE", { guestTimeZone: "Europe/Lisbon" }))?.time).toBe("09:00 MEZ");
  });

  it("is nothing for something that is not a moment", () => {
    expect(backAtParts("soon", rome("en"))).toBeNull();
  });

  it("reads naturally in each of the page's languages", () => {
    const monday = "2026-11-30T08:00:00Z";
    expect(say("en", "en-GB", monday)).toBe("We're back on Monday at 09:00.");
    expect(say("en", "en-US", "2026-11-28T08:00:00Z")).toBe("We're back tomorrow at 9:00 AM.");
    expect(say("en", "en-GB", "2026-11-27T20:00:00Z")).toBe("We're back today at 21:00.");
    expect(say("en", "en-GB", "2026-12-07T08:00:00Z")).toBe("We're back on Monday 7 December at 09:00.");
    expect(say("de", "de-DE", monday)).toBe("Wir sind am Montag um 09:00 wieder für Sie da.");
    expect(say("de", "de-DE", "2026-11-28T08:00:00Z")).toBe("Wir sind morgen um 09:00 wieder für Sie da.");
    expect(say("de", "de-DE", "2026-12-07T08:00:00Z")).toBe("Wir sind am Montag, 7. Dezember um 09:00 wieder für Sie da.");
    expect(say("es", "es-ES", monday)).toBe("Volvemos el lunes a las 09:00.");
    expect(say("es", "es-ES", "2026-11-28T00:30:00Z")).toBe("Volvemos mañana a la 01:30.");
    expect(say("fr", "fr-FR", monday)).toBe("Nous serons de retour lundi à 09:00.");
    expect(say("fr", "fr-FR", "2026-11-27T20:00:00Z")).toBe("Nous serons de retour aujourd’hui à 21:00.");
    expect(say("fr", "fr-FR", "2026-12-07T08:00:00Z")).toBe("Nous serons de retour le lundi 7 décembre à 09:00.");
    expect(say("it", "it-IT", monday)).toBe("Torniamo lunedì alle 09:00.");
    expect(say("it", "it-IT", "2026-11-28T08:00:00Z")).toBe("Torniamo domani alle 09:00.");
    expect(say("pt", "pt-PT", monday)).toBe("Voltamos na segunda-feira às 09:00.");
    expect(say("pt", "pt-BR", "2026-12-05T08:00:00Z", { now: new Date("2026-11-30T18:00:00Z") })).toBe("Voltamos no sábado às 09:00.");
    expect(say("ru", "ru-RU", monday)).toBe("Мы вернёмся в понедельник в 09:00.");
    expect(say("ru", "ru-RU", "2026-12-01T08:00:00Z")).toBe("Мы вернёмся во вторник в 09:00.");
    expect(say("ru", "ru-RU", "2026-12-07T08:00:00Z")).toBe("Мы вернёмся в понедельник, 7 декабря, в 09:00.");
    expect(say("ru", "ru-RU", "2026-11-28T08:00:00Z")).toBe("Мы вернёмся завтра в 09:00.");
    expect(say("zh", "zh-CN", monday)).toBe("我们将于星期一 09:00 回来。");
    expect(say("zh", "zh-CN", "2026-11-28T08:00:00Z")).toBe("我们将于明天 09:00 回来。");
    expect(say("zh", "zh-CN", "2026-12-07T08:00:00Z")).toBe("我们将于12月7日星期一 09:00 回来。");
  });
});
