import { Api, NetworkError, TelegramApiError, type Message, type Update } from "node-telegram-bot-api";
import { afterEach, describe, expect, it } from "vitest";
import { startTelegramEmulator, type TelegramEmulator, type TelegramEmulatorOptions } from "./telegram-emulator.js";

let emulator: TelegramEmulator | undefined;

async function start(options?: TelegramEmulatorOptions): Promise<{ tg: TelegramEmulator; api: Api }> {
  const tg = await startTelegramEmulator(options);
  emulator = tg;
  return { tg, api: new Api(tg.token, { apiRoot: tg.apiRoot, maxRetries: 0 }) };
}

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function messageOf(update: Update | undefined): Message {
  if (!update || !("message" in update)) throw new Error(`not a message update: ${JSON.stringify(update)}`);
  return update.message;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

describe("Telegram Bot API emulator", () => {
  it("answers getMe with the bot's identity", async () => {
    const { tg, api } = await start({ botUsername: "front_desk_bot" });
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "front_desk_bot" });
    expect(typeof me.first_name).toBe("string");
    expect(tg.stats.calls.getMe).toBe(1);
  });

  it("answers 401 to a wrong token and 404 to an unknown method", async () => {
    const { tg } = await start();
    const wrong = new Api("999:nope", { apiRoot: tg.apiRoot, maxRetries: 0 });
    const err = await rejection(wrong.getMe());
    expect(err).toBeInstanceOf(TelegramApiError);
    expect((err as TelegramApiError).errorCode).toBe(401);
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/noSuchMethod`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("redelivers updates until a later getUpdates confirms them with a higher offset", async () => {
    const { tg, api } = await start();
    const anna = tg.user(1001, { firstName: "Anna", lastName: "Berg", username: "anna_b" });
    const first = await anna.send("Hello");
    const second = await anna.send("Is breakfast included?");

    const a = await api.getUpdates({ timeout: 0 });
    expect(a.map((u) => messageOf(u).text)).toEqual(["Hello", "Is breakfast included?"]);
    const again = await api.getUpdates({ timeout: 0 });
    expect(again.map((u) => u.update_id)).toEqual(a.map((u) => u.update_id));
    const sameOffset = await api.getUpdates({ offset: a[0]!.update_id, timeout: 0 });
    expect(sameOffset).toHaveLength(2);

    const msg = messageOf(a[0]);
    expect(msg).toMatchObject({
      message_id: first.message_id,
      from: { id: 1001, is_bot: false, first_name: "Anna", last_name: "Berg", username: "anna_b" },
      chat: { id: 1001, type: "private", first_name: "Anna" },
      text: "Hello",
    });
    expect(msg.date).toBeLessThan(10_000_000_000); // seconds, not milliseconds
    expect(msg).not.toHaveProperty("botToken");
    expect(second.message_id).toBeGreaterThan(first.message_id);
    expect(a[0]!.update_id).not.toBe(first.message_id);

    const rest = await api.getUpdates({ offset: a[0]!.update_id + 1, timeout: 0 });
    expect(rest.map((u) => messageOf(u).text)).toEqual(["Is breakfast included?"]);
    expect(tg.confirmedOffset).toBe(a[0]!.update_id + 1);
    expect(tg.pendingUpdates()).toHaveLength(1);

    const none = await api.getUpdates({ offset: a[1]!.update_id + 1, timeout: 0 });
    expect(none).toEqual([]);
    expect(tg.pendingUpdates()).toEqual([]);
  });

  it("honours limit and a negative offset", async () => {
    const { tg, api } = await start();
    const u = tg.user(1002, { firstName: "Ben" });
    for (const t of ["one", "two", "three"]) await u.send(t);
    expect((await api.getUpdates({ limit: 2 })).map((x) => messageOf(x).text)).toEqual(["one", "two"]);
    expect((await api.getUpdates({ offset: -1 })).map((x) => messageOf(x).text)).toEqual(["three"]);
    expect(tg.pendingUpdates().map((x) => messageOf(x).text)).toEqual(["three"]);
  });

  it("holds a long poll until a user sends, then answers at once", async () => {
    const { tg, api } = await start();
    const guest = tg.user(1003, { firstName: "Chloe" });
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 20 });
    setTimeout(() => void guest.send("Late check-out please"), 300);
    const updates = await poll;
    const elapsed = Date.now() - started;
    expect(updates.map((u) => messageOf(u).text)).toEqual(["Late check-out please"]);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
  });

  it("answers an empty list when the long poll timeout passes without updates", async () => {
    const { api } = await start();
    const started = Date.now();
    const updates = await api.getUpdates({ timeout: 1 });
    expect(updates).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("stops waiting when the client aborts the long poll", async () => {
    const { tg, api } = await start();
    const controller = new AbortController();
    const poll = api.getUpdates({ timeout: 30 }, controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await expect(poll).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(tg.requests.at(-1)?.outcome).toBe("aborted");
    // The next poller is not told it conflicts with the abandoned one.
    await tg.user(1004, { firstName: "Dan" }).send("hi");
    expect(await api.getUpdates({ timeout: 5 })).toHaveLength(1);
    expect(tg.stats.conflicts).toBe(0);
  });

  it("ends a waiting long poll with 409 Conflict when another getUpdates arrives", async () => {
    const { tg, api } = await start();
    const first = rejection(api.getUpdates({ timeout: 30 }));
    await new Promise((r) => setTimeout(r, 100));
    const second = api.getUpdates({ timeout: 1 });
    const err = await first;
    expect(err).toBeInstanceOf(TelegramApiError);
    expect((err as TelegramApiError).errorCode).toBe(409);
    expect((err as TelegramApiError).description).toContain("terminated by other getUpdates request");
    expect(await second).toEqual([]);
    expect(tg.stats.conflicts).toBe(1);
  });

  it("answers 429 with retry_after, which the client surfaces as TelegramApiError.retryAfter", async () => {
    const { tg, api } = await start();
    tg.user(1005, { firstName: "Eva" });
    await tg.user(1005).send("hello");
    tg.rateLimitNext(1, 7, { method: "sendMessage" });
    await api.getMe(); // not sendMessage: unaffected
    const err = await rejection(api.sendMessage({ chat_id: 1005, text: "one" }));
    expect(err).toBeInstanceOf(TelegramApiError);
    const apiErr = err as TelegramApiError;
    expect(apiErr.errorCode).toBe(429);
    expect(apiErr.retryAfter).toBe(7);
    expect(apiErr.description).toBe("Too Many Requests: retry after 7");
    expect(tg.stats.rateLimited).toBe(1);
    expect(tg.sent).toHaveLength(0);
    await api.sendMessage({ chat_id: 1005, text: "two" });
    expect(tg.sent.map((s) => s.text)).toEqual(["two"]);
  });

  it("answers 5xx for the next calls after failNext, with nothing delivered", async () => {
    const { tg, api } = await start();
    await tg.user(1006, { firstName: "Finn" }).send("hi");
    tg.failNext(2, { status: 502 });
    const first = await rejection(api.sendMessage({ chat_id: 1006, text: "x" }));
    expect(first).toBeInstanceOf(TelegramApiError);
    expect((first as TelegramApiError).errorCode).toBe(502);
    const second = await rejection(api.getMe());
    expect((second as TelegramApiError).errorCode).toBe(502);
    await expect(api.getMe()).resolves.toMatchObject({ is_bot: true });

    tg.failNext(1, { status: 503, html: true, method: "sendMessage" });
    await api.getUpdates({ timeout: 0 }); // other methods are unaffected
    const html = await rejection(api.sendMessage({ chat_id: 1006, text: "y" }));
    expect(html).toBeInstanceOf(NetworkError); // non-JSON 5xx body
    expect(tg.stats.failed).toBe(3);
    expect(tg.sent).toHaveLength(0);
    // A failed getUpdates confirms nothing.
    tg.failNext(1, { status: 500, method: "getUpdates" });
    const pending = tg.pendingUpdates();
    await expect(api.getUpdates({ offset: pending[0]!.update_id + 1 })).rejects.toBeInstanceOf(TelegramApiError);
    expect(tg.pendingUpdates()).toHaveLength(1);
  });

  it("fails calls with a network error during an outage, also a pending long poll, and recovers", async () => {
    const { tg, api } = await start();
    const guest = tg.user(1007, { firstName: "Gina" });
    const poll = rejection(api.getUpdates({ timeout: 30 }));
    await new Promise((r) => setTimeout(r, 100));
    tg.outage(true);
    expect(await poll).toBeInstanceOf(NetworkError);
    expect(await rejection(api.getMe())).toBeInstanceOf(NetworkError);
    await guest.send("anyone there?"); // users still reach Telegram
    expect(await rejection(api.getUpdates({ timeout: 0 }))).toBeInstanceOf(NetworkError);
    tg.outage(false);
    const updates = await api.getUpdates({ timeout: 0 });
    expect(updates.map((u) => messageOf(u).text)).toEqual(["anyone there?"]);
    await expect(api.sendMessage({ chat_id: 1007, text: "Yes, hello!" })).resolves.toMatchObject({ text: "Yes, hello!" });
    expect(tg.stats.dropped).toBeGreaterThanOrEqual(3);
  });

  it("leaves requests unanswered in a hanging outage until the client times out", async () => {
    const { tg } = await start();
    const api = new Api(tg.token, { apiRoot: tg.apiRoot, maxRetries: 0, timeoutMs: 400 });
    tg.outage(true, { mode: "hang" });
    const started = Date.now();
    const err = await rejection(api.getMe());
    expect(err).toMatchObject({ code: "ETIMEOUT" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    tg.outage(false);
    await expect(api.getMe()).resolves.toMatchObject({ is_bot: true });
  });

  it("delays responses when asked", async () => {
    const { tg, api } = await start();
    tg.delay(300);
    const started = Date.now();
    await api.getMe();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    tg.delay(0);
  });

  it("answers sendMessage with a proper Message and records it for the user", async () => {
    const { tg, api } = await start();
    const staff = tg.user(2001, { firstName: "Hana", username: "hana_desk" });
    const hello = await staff.send("/start ABC123");
    expect(hello.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);

    const a = await api.sendMessage({ chat_id: 2001, text: "Linked as <b>Hana</b> &amp; team", parse_mode: "HTML" });
    const b = await api.sendMessage({ chat_id: 2001, text: "Second" });
    expect(a).toMatchObject({
      from: { id: 123456, is_bot: true, username: tg.botUsername },
      chat: { id: 2001, type: "private", first_name: "Hana", username: "hana_desk" },
      text: "Linked as Hana & team",
      entities: [{ type: "bold", offset: 10, length: 4 }],
    });
    expect(a.message_id).toBeGreaterThan(hello.message_id);
    expect(b.message_id).toBeGreaterThan(a.message_id);
    expect(a.date).toBeLessThan(10_000_000_000);
    expect(staff.received().map((m) => m.text)).toEqual(["Linked as Hana & team", "Second"]);
    expect(tg.sent.map((s) => [s.chatId, s.text, s.parseMode])).toEqual([
      [2001, "Linked as Hana & team", "HTML"],
      [2001, "Second", undefined],
    ]);
    expect(tg.sent[0]!.rawText).toBe("Linked as <b>Hana</b> &amp; team");
    expect(typeof tg.sent[0]!.at).toBe("number");
  });

  it("rejects HTML that Telegram cannot parse, such as an unescaped less-than sign", async () => {
    const { tg, api } = await start();
    await tg.user(2002, { firstName: "Ivo" }).send("hi");
    const err = await rejection(api.sendMessage({ chat_id: 2002, text: "Guest wrote: I <3 it", parse_mode: "HTML" }));
    expect(err).toBeInstanceOf(TelegramApiError);
    expect((err as TelegramApiError).errorCode).toBe(400);
    expect((err as TelegramApiError).description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "3"/);
    const unclosed = await rejection(api.sendMessage({ chat_id: 2002, text: "<b>bold", parse_mode: "HTML" }));
    expect((unclosed as TelegramApiError).description).toContain("Can't find end tag");
    const ok = await api.sendMessage({
      chat_id: 2002,
      text: '<a href="https://example.com/r/1">Room 12</a>\n<blockquote>I &lt;3 it</blockquote>',
      parse_mode: "HTML",
    });
    expect(ok.text).toBe("Room 12\nI <3 it");
    expect(ok.entities).toEqual([
      { type: "text_link", offset: 0, length: 7, url: "https://example.com/r/1" },
      { type: "blockquote", offset: 8, length: 7 },
    ]);
    const empty = await rejection(api.sendMessage({ chat_id: 2002, text: "  " }));
    expect((empty as TelegramApiError).description).toBe("Bad Request: message text is empty");
    const long = await rejection(api.sendMessage({ chat_id: 2002, text: "x".repeat(4097) }));
    expect((long as TelegramApiError).description).toBe("Bad Request: message is too long");
  });

  it("counts the 4,096 characters as Telegram does: after HTML parsing, in UTF-16 code units", async () => {
    const { tg, api } = await start();
    const user = tg.user(2003, { firstName: "Len" });
    await user.send("hi");
    // Escaped, this is far longer than 4,096; parsed, it is exactly 4,096.
    const escaped = await api.sendMessage({ chat_id: 2003, text: `<b>${"&lt;".repeat(4000)}</b>${"&amp;".repeat(96)}`, parse_mode: "HTML" });
    expect(escaped.text).toHaveLength(4096);
    const overParsed = await rejection(api.sendMessage({ chat_id: 2003, text: `<blockquote>${"&gt;".repeat(4097)}</blockquote>`, parse_mode: "HTML" }));
    expect((overParsed as TelegramApiError).description).toBe("Bad Request: message is too long");
    // 2,048 emoji outside the BMP are 4,096 code units; one more is too long.
    await api.sendMessage({ chat_id: 2003, text: "😀".repeat(2048) });
    const overEmoji = await rejection(api.sendMessage({ chat_id: 2003, text: "😀".repeat(2049) }));
    expect((overEmoji as TelegramApiError).errorCode).toBe(400);
    expect((overEmoji as TelegramApiError).description).toBe("Bad Request: message is too long");
  });

  it("answers a 400 with the given description when told to (Telegram refusing one call)", async () => {
    const { tg, api } = await start();
    const user = tg.user(2004, { firstName: "Ula" });
    await user.send("hi");
    tg.failNext(1, { status: 400, description: "Bad Request: message is too long", method: "sendMessage" });
    const refused = await rejection(api.sendMessage({ chat_id: 2004, text: "short" }));
    expect((refused as TelegramApiError).errorCode).toBe(400);
    expect((refused as TelegramApiError).description).toBe("Bad Request: message is too long");
    await api.sendMessage({ chat_id: 2004, text: "short" });
    expect(user.received().map((m) => m.text)).toEqual(["short"]);
  });

  it("refuses chats the bot cannot write to", async () => {
    const { tg, api } = await start();
    const unknown = await rejection(api.sendMessage({ chat_id: 3001, text: "hi" }));
    expect((unknown as TelegramApiError).description).toBe("Bad Request: chat not found");
    const silent = tg.user(3002, { firstName: "Jon" });
    const cannot = await rejection(api.sendMessage({ chat_id: 3002, text: "hi" }));
    expect((cannot as TelegramApiError).errorCode).toBe(403);
    await silent.send("hello");
    await api.sendMessage({ chat_id: 3002, text: "hi" });
    silent.block();
    const blocked = await rejection(api.sendMessage({ chat_id: 3002, text: "hi again" }));
    expect((blocked as TelegramApiError).description).toBe("Forbidden: bot was blocked by the user");
    silent.unblock();
    await api.sendMessage({ chat_id: 3002, text: "welcome back" });
    expect(silent.received().map((m) => m.text)).toEqual(["hi", "welcome back"]);
  });

  it("carries reply_to_message on bot replies and on user replies to bot messages", async () => {
    const { tg, api } = await start();
    const staff = tg.user(4001, { firstName: "Kim" });
    const question = await staff.send("What is the wifi password?");
    const answer = await api.sendMessage({ chat_id: 4001, text: "It is on the card", reply_parameters: { message_id: question.message_id } });
    expect(answer.reply_to_message).toMatchObject({ message_id: question.message_id, text: "What is the wifi password?" });
    expect(tg.sent[0]!.replyToMessageId).toBe(question.message_id);

    // Legacy reply_to_message_id, in a JSON body this time.
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 4001, text: "legacy", reply_to_message_id: question.message_id }),
    });
    const legacy = (await res.json()) as { ok: boolean; result: Message };
    expect(legacy.ok).toBe(true);
    expect(legacy.result.reply_to_message?.message_id).toBe(question.message_id);

    const missing = await rejection(api.sendMessage({ chat_id: 4001, text: "x", reply_parameters: { message_id: 999999 } }));
    expect((missing as TelegramApiError).description).toBe("Bad Request: message to be replied not found");
    const allowed = await api.sendMessage({ chat_id: 4001, text: "x", reply_parameters: { message_id: 999999, allow_sending_without_reply: true } });
    expect(allowed.reply_to_message).toBeUndefined();

    const relay = await api.sendMessage({ chat_id: 4001, text: "Guest Room 12: towels please" });
    const reply = await staff.reply(relay, "On the way");
    expect(reply.reply_to_message).toMatchObject({ message_id: relay.message_id, from: { is_bot: true }, text: "Guest Room 12: towels please" });
    const updates = await api.getUpdates({ timeout: 0 });
    const last = messageOf(updates.at(-1));
    expect(last.text).toBe("On the way");
    expect(last.reply_to_message?.message_id).toBe(relay.message_id);
    expect(last.reply_to_message?.reply_to_message).toBeUndefined();
  });

  it("delivers photos and stickers as updates without text", async () => {
    const { tg, api } = await start();
    const guest = tg.user(5001, { firstName: "Lea" });
    await guest.sendPhoto("the stain");
    await guest.sendSticker();
    const [photo, sticker] = (await api.getUpdates({ timeout: 0 })).map(messageOf);
    expect(photo!.text).toBeUndefined();
    expect(photo!.caption).toBe("the stain");
    expect(photo!.photo?.length).toBe(3);
    expect(photo!.photo?.[0]).toMatchObject({ file_id: expect.any(String), width: expect.any(Number) });
    expect(sticker!.text).toBeUndefined();
    expect(sticker!.sticker).toMatchObject({ type: "regular", emoji: "👍" });
  });

  it("waits for a bot message that matches", async () => {
    const { tg, api } = await start();
    const staff = tg.user(6001, { firstName: "Mia" });
    await staff.send("hi");
    await api.sendMessage({ chat_id: 6001, text: "first" });
    setTimeout(() => void api.sendMessage({ chat_id: 6001, text: "Guest Room 7 says: hello" }), 100);
    const got = await staff.waitFor((m) => (m.text ?? "").includes("Room 7"), 3000);
    expect(got.text).toBe("Guest Room 7 says: hello");
    await expect(staff.waitFor("first")).resolves.toMatchObject({ text: "first" });
    await expect(staff.waitFor("never", 200)).rejects.toThrow(/did not receive/);
  });

  it("answers editMessageText, sendChatAction, setMyCommands and deleteWebhook", async () => {
    const { tg, api } = await start();
    const staff = tg.user(7001, { firstName: "Noa" });
    await staff.send("hi");
    const msg = await api.sendMessage({ chat_id: 7001, text: "Guest: towels please" });
    const edited = await api.editMessageText({ chat_id: 7001, message_id: msg.message_id, text: "Guest: towels please (answered by Noa)" });
    expect(edited).toMatchObject({ message_id: msg.message_id, text: "Guest: towels please (answered by Noa)" });
    expect(staff.received()[0]!.text).toBe("Guest: towels please (answered by Noa)");
    expect(tg.edits).toHaveLength(1);
    const same = await rejection(api.editMessageText({ chat_id: 7001, message_id: msg.message_id, text: "Guest: towels please (answered by Noa)" }));
    expect((same as TelegramApiError).description).toContain("message is not modified");
    await expect(api.sendChatAction({ chat_id: 7001, action: "typing" })).resolves.toBe(true);
    await expect(api.setMyCommands({ commands: [{ command: "start", description: "Link this chat" }] })).resolves.toBe(true);
    await expect(api.getMyCommands()).resolves.toEqual([{ command: "start", description: "Link this chat" }]);
    await expect(api.deleteWebhook({ drop_pending_updates: false })).resolves.toBe(true);
    expect(tg.pendingUpdates()).toHaveLength(1);
  });

  it("answers 429 past a short burst to one private chat when limits are enforced", async () => {
    const { tg, api } = await start({ enforceLimits: true });
    await tg.user(8001, { firstName: "Olga" }).send("hi");
    for (let i = 0; i < 3; i++) await api.sendMessage({ chat_id: 8001, text: `burst ${i}` });
    const err = await rejection(api.sendMessage({ chat_id: 8001, text: "too fast" }));
    expect(err).toBeInstanceOf(TelegramApiError);
    expect((err as TelegramApiError).errorCode).toBe(429);
    expect((err as TelegramApiError).retryAfter).toBe(1);
    expect(tg.stats.rateLimited).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    await api.sendMessage({ chat_id: 8001, text: "after waiting" });
    expect(tg.sent.map((s) => s.text)).toEqual(["burst 0", "burst 1", "burst 2", "after waiting"]);
  });

  it("answers 429 past 30 messages per second overall and 20 per minute to a group", async () => {
    const { tg, api } = await start({ enforceLimits: true });
    for (let id = 9001; id <= 9031; id++) await tg.user(id, { firstName: `U${id}` }).send("hi");
    const results = await Promise.allSettled(
      Array.from({ length: 31 }, (_, i) => api.sendMessage({ chat_id: 9001 + i, text: "broadcast" })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ errorCode: 429 });

    const group = -100200300;
    await new Promise((r) => setTimeout(r, 1050));
    for (let i = 0; i < 20; i++) await api.sendMessage({ chat_id: group, text: `g${i}` });
    const err = await rejection(api.sendMessage({ chat_id: group, text: "g20" }));
    expect((err as TelegramApiError).errorCode).toBe(429);
    expect((err as TelegramApiError).retryAfter).toBeGreaterThan(50);
    expect((err as TelegramApiError).retryAfter).toBeLessThanOrEqual(60);
    expect(tg.stats.rateLimited).toBe(2);
  });

  it("ends a pending long poll when stopped and stops idempotently", async () => {
    const { tg, api } = await start();
    const poll = rejection(api.getUpdates({ timeout: 30 }));
    await new Promise((r) => setTimeout(r, 100));
    await tg.stop();
    expect(await poll).toBeInstanceOf(NetworkError);
    await tg.stop();
    expect(await rejection(api.getMe())).toBeInstanceOf(NetworkError);
  });
});
