import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, MANAGER } from "../helpers/app.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import { build, freePort, MAIN, ROOT } from "../helpers/process-kit.js";

// The appliance as a child process, killed with SIGKILL again and again while guests
// post and staff answer on Telegram. Nothing acknowledged may be lost or doubled.

const KILLS = 6;
let tg: TelegramEmulator;
let child: ChildProcess | undefined;

beforeAll(() => build(), 240_000);
afterAll(async () => {
  child?.kill("SIGKILL");
  await tg?.stop();
});


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("crash safety", () => {
  it("loses and doubles nothing acknowledged across repeated kill -9 under load", async () => {
    tg = await startTelegramEmulator();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "innbox-crash-"));
    const configFile = join(dataDir, "config.json");
    writeFileSync(configFile, JSON.stringify({ telegram: { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutS: 1, privateChatIntervalMs: 0, perSecond: 30 }, chat: { retryMaxSeconds: 1, guestMessagesPerMinute: 100_000 } }));
    const url = `http://127.0.0.1:${port}`;
    let log = "";

    const boot = async () => {
      child = spawn(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", INNBOX_DATA_DIR: dataDir, INNBOX_CONFIG: configFile, LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.on("data", (d) => (log += d));
      child.stderr!.on("data", (d) => (log += d));
      for (let i = 0; i < 400; i++) {
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
          /* not up yet */
        }
        await sleep(25);
      }
      throw new Error("appliance did not come up");
    };
    await boot();

    const manager = new ApiClient(url);
    const token = readFileSync(join(dataDir, "setup-token"), "utf8").trim();
    expect((await manager.post("/api/setup", { token, ...MANAGER, propertyName: "Hotel Miramar" })).status).toBe(201);
    const member = await manager.post("/api/team", { name: "Anna", role: "staff" });
    for (let i = 0; i < 100 && (await manager.get("/api/telegram")).body.botUsername === null; i++) await sleep(50);
    const link = await manager.post(`/api/team/${member.body.id}/telegram-link`);
    const anna = tg.user(9501, { firstName: "Anna" });
    await anna.send(`/start ${new URL(link.body.url).searchParams.get("start")}`);
    await anna.waitFor(/now linked/, 10_000);

    // Ten web guests, each posting in order and retrying with the same clientId until 201.
    const guests = await Promise.all(
      Array.from({ length: 10 }, async (_, g) => {
        const res = await new ApiClient(url).post("/api/guest/sessions", { slug: "hotel-miramar", tag: `Room${g}` });
        expect(res.status).toBe(201);
        return { g, token: res.body.token as string };
      }),
    );
    const acked: Array<{ g: number; clientId: string; text: string }> = [];
    let chaos = true;
    const post = async (guestToken: string, text: string, clientId: string) => {
      for (;;) {
        try {
          const res = await fetch(`${url}/api/guest/messages`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${guestToken}` },
            body: JSON.stringify({ text, clientId }),
            signal: AbortSignal.timeout(3000),
          });
          if (res.status === 201) return;
          if (res.status < 500) throw new Error(`unexpected ${res.status}: ${await res.text()}\n${log.slice(-3000)}`);
        } catch (err) {
          if (err instanceof Error && err.message.startsWith("unexpected")) throw err;
        }
        await sleep(50);
      }
    };
    const posters = guests.map(async ({ g, token: guestToken }) => {
      for (let k = 0; chaos; k++) {
        const text = `g${g}-m${k}`;
        await post(guestToken, text, `c-${g}-${k}`);
        acked.push({ g, clientId: `c-${g}-${k}`, text });
        await sleep(30 + Math.random() * 70);
      }
    });

    // Anna answers each bot message with guest messages she has not seen yet, once, by
    // Telegram reply (one bot message may quote several waiting messages of one guest).
    const answered = new Set<string>();
    const replies: string[] = [];
    const annaLoop = (async () => {
      while (chaos || answered.size < acked.length) {
        for (const message of anna.received()) {
          const fresh = (message.text?.match(/g\d+-m\d+/g) ?? []).filter((text) => !answered.has(text));
          if (!fresh.length) continue;
          for (const text of fresh) answered.add(text);
          replies.push(fresh[0]!);
          await anna.reply(message, `answer to ${fresh[0]}`);
        }
        await sleep(100);
        if (!chaos && answered.size >= acked.length) break;
      }
    })();

    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(800 + Math.random() * 1200);
      child!.kill("SIGKILL");
      await once(child!, "exit");
      await sleep(100);
      await boot();
    }
    await sleep(1000);
    chaos = false;
    await Promise.all(posters);
    const deadline = Date.now() + 60_000;
    while (answered.size < acked.length && Date.now() < deadline) await sleep(200);
    await Promise.race([annaLoop, sleep(5000)]);

    // 1. Every acknowledged message is stored exactly once, and nothing else is.
    const expectedAnswers = new Map<number, string[]>();
    for (const text of replies) {
      const g = Number(text.match(/^g(\d+)/)![1]);
      expectedAnswers.set(g, [...(expectedAnswers.get(g) ?? []), `answer to ${text}`]);
    }
    for (const { g, token: guestToken } of guests) {
      let history: Array<{ from: string; text: string; clientId?: string }> = [];
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${url}/api/guest/messages`, { headers: { authorization: `Bearer ${guestToken}` } });
        history = ((await res.json()) as { messages: typeof history }).messages;
        const staffCount = history.filter((m) => m.from === "staff").length;
        if (staffCount >= (expectedAnswers.get(g)?.length ?? 0)) break;
        await sleep(100);
      }
      const mine = acked.filter((a) => a.g === g).map((a) => a.text);
      expect(history.filter((m) => m.from === "guest").map((m) => m.text)).toEqual(mine);
      // 3. Every staff reply Telegram took reaches the guest's history exactly once.
      const stored = history.filter((m) => m.from === "staff").map((m) => m.text);
      const lost = (expectedAnswers.get(g) ?? []).filter((a) => !stored.includes(a));
      if (lost.length) {
        console.log("lost replies", lost, "bot said:", anna.received().filter((m) => /not a guest|cannot/.test(m.text ?? "")).map((m) => m.text));
        const replies = tg.requests.filter((r) => r.method === "getUpdates").length;
        console.log("pending updates", tg.pendingUpdates().length, "getUpdates calls", replies, log.slice(-2000));
      }
      expect(history.filter((m) => m.from === "staff").map((m) => m.text).sort()).toEqual((expectedAnswers.get(g) ?? []).sort());
    }
    // 2. Every acknowledged message reached Telegram; a duplicate only in the bot message in flight at a kill.
    const relayed = anna.received().flatMap((m) => m.text?.match(/g\d+-m\d+/g) ?? []);
    const seenBefore = new Set<string>();
    let repeating = 0;
    for (const m of anna.received()) {
      const texts = m.text?.match(/g\d+-m\d+/g) ?? [];
      if (texts.some((t) => seenBefore.has(t))) repeating++;
      for (const t of texts) seenBefore.add(t);
    }
    const missing = acked.filter(({ text }) => !relayed.includes(text));
    if (missing.length) {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(join(dataDir, "innbox.sqlite"), { readonly: true });
      console.log("missing", missing.map((m) => m.text));
      console.log(db.prepare("select status, count(*) n from outbox group by status").all());
      console.log(db.prepare("select seq, status, attempts, last_error, substr(payload, 1, 120) p from outbox where status != 'done' limit 10").all());
      console.log(db.prepare("select * from telegram_state").all());
      console.log(db.prepare("select seq, id, text from messages where text in (" + missing.map(() => "?").join(",") + ")").all(...missing.map((m) => m.text)));
      db.close();
    }
    for (const { text } of acked) expect(relayed, text).toContain(text);
    expect(repeating).toBeLessThanOrEqual(KILLS);
    expect(acked.length).toBeGreaterThan(50);
    console.log(
      `crash test: ${KILLS} kills, ${acked.length} guest messages acknowledged, ${relayed.length} relayed in ${anna.received().length} bot messages (${relayed.length - new Set(relayed).size} duplicates in ${repeating}), ${replies.length} staff replies`,
    );
  }, 180_000);
});
