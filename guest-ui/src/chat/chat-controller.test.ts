import type { ChatMessage, GuestConversationInfo } from "@innbox/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, type ChatApi } from "../api/guest-api";
import { ChatController, type NetworkWatch } from "./chat-controller";
import { memoryStore, readGuestRecord, writeGuestRecord, type KeyValueStore } from "./guest-storage";
import type { GuestSocketHandlers } from "./guest-socket";

/** An appliance in memory: one token per conversation, clientIds stored once. */
function fakeAppliance() {
  const conversations = new Map<string, { messages: ChatMessage[]; name: string | null; email: string | null }>();
  let seq = 0;
  let down = false;
  const sessions: unknown[] = [];
  const sends: string[] = [];
  const propertyLanguages: string[] = [];
  const duty: { onDuty: boolean; offHoursNotice: string | null; backAt: string | null } = { onDuty: true, offHoursNotice: null, backAt: null };
  const check = (token: string) => {
    if (down) throw new ApiError(0, "network error");
    const conversation = conversations.get(token);
    if (!conversation) throw new ApiError(401, "This link has expired.");
    return conversation;
  };
  const info = (token: string): GuestConversationInfo => {
    const c = check(token);
    return { conversationId: token, guestName: c.name, tag: null, propertyName: "Hotel", ...duty, email: c.email };
  };
  const api: ChatApi = {
    getProperty: async (slug, language) => {
      if (down) throw new ApiError(0, "network error");
      propertyLanguages.push(language);
      return { name: "Hotel", slug, formerSlugs: [], timezone: "UTC", ...duty };
    },
    createSession: async (body) => {
      if (down) throw new ApiError(0, "network error");
      sessions.push(body);
      const token = `t${++seq}`;
      conversations.set(token, { messages: [], name: body.name ?? null, email: null });
      return { conversationId: token, token };
    },
    listMessages: async (token) => [...check(token).messages],
    sendMessage: async (token, { text, clientId }) => {
      const c = check(token);
      sends.push(clientId);
      const known = c.messages.find((m) => m.clientId === clientId);
      if (known) return known;
      const message: ChatMessage = { id: `m${++seq}`, from: "guest", text, clientId, createdAt: new Date(Date.UTC(2026, 4, 1, 10, 0, seq)).toISOString() };
      c.messages.push(message);
      return message;
    },
    getConversation: async (token) => info(token),
    updateConversation: async (token, body) => {
      const c = check(token);
      if (body.name) c.name = body.name;
      if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(body.email)) throw new ApiError(400, "That does not look like an email address.");
      if (body.email) c.email = body.email;
      return info(token);
    },
  };
  return {
    api,
    conversations,
    sessions,
    sends,
    duty,
    propertyLanguages,
    setDown(value: boolean) {
      down = value;
    },
  };
}

function fakeNetwork(initial = true) {
  let online = initial;
  let listener: ((online: boolean) => void) | undefined;
  const network: NetworkWatch = {
    isOnline: () => online,
    subscribe(onChange) {
      listener = onChange;
      return () => (listener = undefined);
    },
  };
  return {
    network,
    set(value: boolean) {
      online = value;
      listener?.(value);
    },
  };
}

function fakeSockets() {
  const opened: Array<{ token: string; handlers: GuestSocketHandlers; closed: boolean }> = [];
  return {
    opened,
    connect(token: string, handlers: GuestSocketHandlers) {
      const socket = { token, handlers, closed: false };
      opened.push(socket);
      return { reconnect: () => undefined, close: () => void (socket.closed = true) };
    },
  };
}

describe("ChatController", () => {
  let store: KeyValueStore;
  let appliance: ReturnType<typeof fakeAppliance>;
  let net: ReturnType<typeof fakeNetwork>;
  let sockets: ReturnType<typeof fakeSockets>;
  let ids: number;
  const controllers: ChatController[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    store = memoryStore();
    appliance = fakeAppliance();
    net = fakeNetwork();
    sockets = fakeSockets();
    ids = 0;
  });

  afterEach(() => {
    for (const c of controllers.splice(0)) c.stop();
    vi.useRealTimers();
  });

  function controller(options: { tag?: string; duty?: { onDuty: boolean; offHoursNotice: string | null; backAt: string | null } } = {}) {
    const c = new ChatController({
      slug: "miramar",
      language: "de",
      api: appliance.api,
      store,
      connectSocket: sockets.connect,
      network: net.network,
      newId: () => `client-${++ids}`,
      now: () => new Date("2026-05-01T09:00:00.000Z"),
      ...options,
    });
    controllers.push(c);
    return c;
  }

  it("creates no conversation until the guest sends", async () => {
    const chat = controller();
    chat.start();
    await vi.runOnlyPendingTimersAsync();
    expect(appliance.sessions).toEqual([]);
    expect(chat.getState().hasConversation).toBe(false);
  });

  it("creates the conversation with the name, room and language on the first message", async () => {
    const chat = controller({ tag: "Room12" });
    chat.start();
    chat.setDraftName("  Anna ");
    chat.send("Hello");
    await vi.advanceTimersByTimeAsync(0);
    expect(appliance.sessions).toEqual([{ slug: "miramar", channel: "web", language: "de", tag: "Room12", name: "Anna" }]);
    const state = chat.getState();
    expect(state.messages.map((m) => m.text)).toEqual(["Hello"]);
    expect(state.outgoing).toEqual([]);
    expect(readGuestRecord(store, "miramar").token).toBe("t1");
    expect(sockets.opened.map((s) => s.token)).toEqual(["t1"]);
  });

  it("queues messages while offline and sends them once, in order, when back", async () => {
    const chat = controller();
    chat.start();
    chat.send("first");
    await vi.advanceTimersByTimeAsync(0);
    net.set(false);
    chat.send("second");
    chat.send("third");
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().offline).toBe(true);
    expect(chat.getState().outgoing.map((m) => [m.text, m.status])).toEqual([
      ["second", "queued"],
      ["third", "queued"],
    ]);
    expect(readGuestRecord(store, "miramar").queue.map((q) => q.text)).toEqual(["second", "third"]);

    net.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().outgoing).toEqual([]);
    expect(appliance.conversations.get("t1")!.messages.map((m) => m.text)).toEqual(["first", "second", "third"]);
  });

  it("retries with the same clientId when the answer was lost, so nothing doubles", async () => {
    const chat = controller();
    chat.start();
    chat.send("first");
    await vi.advanceTimersByTimeAsync(0);
    // The request reaches the appliance but the answer never comes back.
    const send = appliance.api.sendMessage;
    appliance.api.sendMessage = async (token, body) => {
      await send(token, body);
      throw new ApiError(0, "network error");
    };
    chat.send("lost answer");
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().offline).toBe(true);
    appliance.api.sendMessage = send;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(appliance.sends).toEqual(["client-1", "client-2", "client-2"]);
    expect(appliance.conversations.get("t1")!.messages.map((m) => m.text)).toEqual(["first", "lost answer"]);
    expect(chat.getState().offline).toBe(false);
    expect(chat.getState().outgoing).toEqual([]);
  });

  it("sends a queue left by an earlier visit", async () => {
    writeGuestRecord(store, "miramar", { queue: [{ clientId: "old-1", text: "from yesterday", typedAt: "2026-04-30T20:00:00.000Z" }] });
    const chat = controller();
    chat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(appliance.conversations.get("t1")!.messages.map((m) => m.clientId)).toEqual(["old-1"]);
  });

  it("loads the history of a stored conversation and merges live messages", async () => {
    appliance.conversations.set("t9", {
      messages: [{ id: "m1", from: "guest", text: "Hi", createdAt: "2026-05-01T08:00:00.000Z", clientId: "c1" }],
      name: "Anna",
      email: null,
    });
    writeGuestRecord(store, "miramar", { token: "t9", conversationId: "t9", language: "de", queue: [] });
    const chat = controller();
    chat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().messages.map((m) => m.text)).toEqual(["Hi"]);
    expect(chat.getState().name).toBe("Anna");

    const socket = sockets.opened[0]!;
    socket.handlers.message({ id: "m2", from: "staff", text: "Welcome", staffName: "Sam", createdAt: "2026-05-01T08:01:00.000Z" });
    socket.handlers.message({ id: "m2", from: "staff", text: "Welcome", staffName: "Sam", createdAt: "2026-05-01T08:01:00.000Z" });
    socket.handlers.delivered({ id: "m1", deliveredAt: "2026-05-01T08:00:30.000Z" });
    const state = chat.getState();
    expect(state.messages.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(state.messages[0]?.deliveredAt).toBe("2026-05-01T08:00:30.000Z");
  });

  it("shows the banner while the socket is down and refetches history when it returns", async () => {
    appliance.conversations.set("t9", { messages: [], name: null, email: null });
    writeGuestRecord(store, "miramar", { token: "t9", language: "de", queue: [] });
    const chat = controller();
    chat.start();
    await vi.advanceTimersByTimeAsync(0);
    const socket = sockets.opened[0]!;
    socket.handlers.disconnected(true);
    expect(chat.getState().offline).toBe(true);
    appliance.conversations.get("t9")!.messages.push({ id: "m5", from: "staff", text: "While you were away", createdAt: "2026-05-01T08:05:00.000Z" });
    socket.handlers.connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().offline).toBe(false);
    expect(chat.getState().messages.map((m) => m.id)).toEqual(["m5"]);
  });

  it("drops a token the appliance no longer accepts and starts afresh with the next message", async () => {
    writeGuestRecord(store, "miramar", { token: "revoked", language: "de", queue: [] });
    const chat = controller();
    chat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(chat.getState().hasConversation).toBe(false);
    expect(readGuestRecord(store, "miramar").token).toBeUndefined();
    expect(sockets.opened[0]?.closed).toBe(true);

    chat.send("Hello again");
    await vi.advanceTimersByTimeAsync(0);
    expect(appliance.sessions).toHaveLength(1);
    expect(chat.getState().messages.map((m) => m.text)).toEqual(["Hello again"]);
  });

  it("shows a message the appliance refused as not sent, and goes on with the next", async () => {
    const chat = controller();
    chat.start();
    const send = appliance.api.sendMessage;
    appliance.api.sendMessage = async (token, body) => {
      if (body.text === "bad") throw new ApiError(400, "Text may not contain control characters.");
      return send(token, body);
    };
    chat.send("bad");
    chat.send("good");
    await vi.advanceTimersByTimeAsync(0);
    const state = chat.getState();
    expect(state.outgoing.map((m) => [m.text, m.status])).toEqual([["bad", "failed"]]);
    expect(state.messages.map((m) => m.text)).toEqual(["good"]);
    chat.discard(state.outgoing[0]!.clientId);
    expect(chat.getState().outgoing).toEqual([]);
  });

  it("saves the name and email on the conversation", async () => {
    const chat = controller();
    chat.start();
    chat.send("Hello");
    await vi.advanceTimersByTimeAsync(0);
    await chat.update({ name: "Anna" });
    await chat.update({ email: "anna@example.com" });
    expect(chat.getState().name).toBe("Anna");
    expect(chat.getState().info?.email).toBe("anna@example.com");
  });

  describe("off hours", () => {
    const closed = { onDuty: false, offHoursNotice: "Wir sind gerade nicht da.", backAt: "2026-05-04T07:00:00.000Z" };

    beforeEach(() => {
      Object.assign(appliance.duty, closed);
    });

    it("says from the start, as the property told the page, that nobody is on duty", async () => {
      const chat = controller({ duty: closed });
      expect(chat.getState().duty).toEqual(closed);
      chat.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(appliance.sessions).toEqual([]);

      // The desk opens while the page stays open: the property is asked again, in the page's language.
      Object.assign(appliance.duty, { onDuty: true, offHoursNotice: null, backAt: null });
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(appliance.propertyLanguages).toEqual(["de"]);
      expect(chat.getState().duty).toEqual({ onDuty: true, offHoursNotice: null, backAt: null });
      expect(appliance.sessions).toEqual([]);
    });

    it("keeps the property's answer while the first message creates the conversation, then follows the conversation", async () => {
      const chat = controller({ duty: closed });
      chat.start();
      const seen: Array<boolean | undefined> = [];
      chat.subscribe((state) => seen.push(state.duty?.onDuty));
      chat.send("Hello");
      await vi.advanceTimersByTimeAsync(0);
      expect(chat.getState().info?.onDuty).toBe(false);
      // Never a moment without an answer, so the notice does not flicker.
      expect(seen.every((onDuty) => onDuty === false)).toBe(true);

      Object.assign(appliance.duty, { onDuty: true, offHoursNotice: null, backAt: null });
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(chat.getState().duty?.onDuty).toBe(true);
      expect(appliance.propertyLanguages).toEqual([]);
    });

    it("waits for a stored conversation's own answer instead of the property's", () => {
      appliance.conversations.set("t9", { messages: [], name: null, email: null });
      writeGuestRecord(store, "miramar", { token: "t9", language: "de", queue: [] });
      const chat = controller({ duty: closed });
      expect(chat.getState().duty).toBeNull();
    });

    it("keeps an email saved before the first message and stores it right after that message", async () => {
      const chat = controller({ duty: closed });
      chat.start();
      await chat.update({ email: " anna@example.com " });
      expect(appliance.sessions).toEqual([]);
      expect(chat.getState().email).toBe("anna@example.com");
      expect(readGuestRecord(store, "miramar").email).toBe("anna@example.com");

      chat.send("Can I check in after midnight?");
      await vi.advanceTimersByTimeAsync(0);
      expect(appliance.conversations.get("t1")).toMatchObject({ email: "anna@example.com" });
      expect(chat.getState().info?.email).toBe("anna@example.com");
      expect(chat.getState().email).toBe("anna@example.com");
      expect(readGuestRecord(store, "miramar").email).toBeUndefined();
    });

    it("stores a kept email once the connection returns", async () => {
      const chat = controller({ duty: closed });
      chat.start();
      await chat.update({ email: "anna@example.com" });
      const update = appliance.api.updateConversation;
      appliance.api.updateConversation = async () => {
        throw new ApiError(0, "network error");
      };
      chat.send("Hello");
      await vi.advanceTimersByTimeAsync(0);
      expect(appliance.conversations.get("t1")).toMatchObject({ email: null });
      expect(chat.getState().email).toBe("anna@example.com");

      appliance.api.updateConversation = update;
      sockets.opened[0]!.handlers.connected();
      await vi.advanceTimersByTimeAsync(0);
      expect(appliance.conversations.get("t1")).toMatchObject({ email: "anna@example.com" });
      expect(readGuestRecord(store, "miramar").email).toBeUndefined();
    });

    it("asks again for an email the appliance refuses", async () => {
      const chat = controller({ duty: closed });
      chat.start();
      await chat.update({ email: "anna@example" });
      chat.send("Hello");
      await vi.advanceTimersByTimeAsync(0);
      expect(chat.getState().email).toBeNull();
      expect(chat.getState().emailRefused).toBe("anna@example");
      await chat.update({ email: "anna@example.com" });
      expect(chat.getState()).toMatchObject({ email: "anna@example.com", emailRefused: null });
    });
  });
});
