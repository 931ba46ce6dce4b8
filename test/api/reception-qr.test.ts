import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";

// Every QR code is read back by an independent decoder: zbarimg (Debian's zbar-tools); the
// SVG is drawn to PNG by rsvg-convert (librsvg2-bin) first. .ci/run installs both.
const PUBLIC = "https://inn.example.com";

let app: TestApp | undefined;
let work: string | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

async function start() {
  app = await startTestApp({ config: { publicUrl: `${PUBLIC}/` } });
  work = mkdtempSync(join(tmpdir(), "innbox-qr-"));
  return { app, manager: await setUpManager(app) };
}

async function getImage(client: ApiClient, path: string) {
  const res = await fetch(client.baseUrl + path, { headers: client.cookie ? { cookie: client.cookie } : {}, redirect: "manual" });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

let files = 0;
function decode(bytes: Buffer, format: "png" | "svg"): string {
  const file = join(work!, `code-${++files}.${format}`);
  writeFileSync(file, bytes);
  let png = file;
  if (format === "svg") {
    png = `${file}.png`;
    execFileSync("rsvg-convert", ["--width", "600", "--background-color", "white", "--output", png, file]);
  }
  return execFileSync("zbarimg", ["--raw", "-q", png], { encoding: "utf8" }).replace(/\n$/, "");
}

const query = (tag?: string, format?: string) =>
  `/api/reception/qr?${new URLSearchParams({ ...(tag !== undefined ? { tag } : {}), ...(format ? { format } : {}) })}`;

describe("reception links and QR codes", () => {
  it("encodes the exact link with its tag, as PNG and as SVG, for tags with spaces, # and any letters", async () => {
    const { manager } = await start();
    const cases: Array<[string | undefined, string]> = [
      [undefined, `${PUBLIC}/r/hotel-miramar`],
      ["Room12", `${PUBLIC}/r/hotel-miramar?t=Room12`],
      ["Room 12", `${PUBLIC}/r/hotel-miramar?t=Room%2012`],
      ["Suite #3", `${PUBLIC}/r/hotel-miramar?t=Suite%20%233`],
      ["Pool bar_2.B-1", `${PUBLIC}/r/hotel-miramar?t=Pool%20bar_2.B-1`],
      ["Zimmer Ö 4", `${PUBLIC}/r/hotel-miramar?t=Zimmer%20%C3%96%204`],
    ];
    for (const [tag, url] of cases) {
      const link = await manager.get(`/api/reception/link${tag === undefined ? "" : `?tag=${encodeURIComponent(tag)}`}`);
      expect(link.status).toBe(200);
      expect(link.body).toEqual(tag === undefined ? { url } : { url, tag });
      // The page reads the tag back whole from the link.
      if (tag) expect(new URL(url).searchParams.get("t")).toBe(tag);

      for (const format of ["png", "svg"] as const) {
        const { res, bytes } = await getImage(manager, query(tag, format));
        expect(res.status, `${tag} ${format}`).toBe(200);
        expect(res.headers.get("content-type")).toMatch(format === "png" ? /^image\/png/ : /^image\/svg\+xml/);
        expect(res.headers.get("cache-control")).toBe("private, no-cache");
        expect(decode(bytes, format), `${tag} ${format}`).toBe(url);
      }
    }
  });

  it("answers PNG by default, named for its tag", async () => {
    const { manager } = await start();
    const { res, bytes } = await getImage(manager, "/api/reception/qr?tag=Room12");
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="innbox-qr-Room12\.png"/);
    const svg = await getImage(manager, "/api/reception/qr?tag=Suite%20%233&format=svg");
    expect(svg.res.headers.get("content-disposition")).toMatch(/^inline; filename="innbox-qr-Suite-3\.svg"; filename\*=UTF-8''innbox-qr-Suite-3\.svg$/);
    expect(svg.bytes.toString()).toMatch(/^<svg /);
    expect((await getImage(manager, "/api/reception/qr?format=svg")).res.headers.get("content-disposition")).toMatch(/filename="innbox-qr\.svg"/);
    const letters = (await getImage(manager, `/api/reception/qr?tag=${encodeURIComponent("Zimmer Ö 4")}`)).res.headers.get("content-disposition");
    expect(letters).toBe(`inline; filename="innbox-qr-Zimmer-4.png"; filename*=UTF-8''${encodeURIComponent("innbox-qr-Zimmer-Ö-4.png")}`);
  });

  it("refuses a bad tag or format with 400 naming the field", async () => {
    const { manager } = await start();
    for (const tag of ["Room<12>", "x".repeat(41), "", "   ", "a/b", "Room\n12"]) {
      for (const path of [query(tag), `/api/reception/link?tag=${encodeURIComponent(tag)}`]) {
        const res = await manager.get(path);
        expect(res.status, `${JSON.stringify(tag)} ${path}`).toBe(400);
        expect(res.body.details.length).toBeGreaterThan(0);
        expect(res.body.details.every((d: { field: string }) => d.field === "tag")).toBe(true);
        expect(res.body.error).toMatch(/Tag/);
      }
    }
    const gif = await manager.get(query("Room12", "gif"));
    expect(gif.status).toBe(400);
    expect(gif.body.details).toEqual([expect.objectContaining({ field: "format" })]);
    expect(gif.body.error).toMatch(/png.*svg/);
  });

  it("is the manager's: 401 without a session, 403 for staff", async () => {
    const { app, manager } = await start();
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    for (const path of [query("Room12"), "/api/reception/link?tag=Room12"]) {
      expect((await new ApiClient(app.url).get(path)).status).toBe(401);
      expect((await staff.get(path)).status).toBe(403);
    }
  });
});

describe("a changed slug", () => {
  it("redirects the old link with its room to the current one, and the QR codes carry the new slug", async () => {
    const { app, manager } = await start();
    expect((await manager.patch("/api/property", { slug: "miramar-lisboa" })).status).toBe(200);

    const old = await getImage(manager, "/r/hotel-miramar?t=Room%2012");
    expect(old.res.status).toBe(301);
    expect(old.res.headers.get("location")).toBe("/r/miramar-lisboa?t=Room%2012");
    expect(old.res.headers.get("cache-control")).toBe("no-store");
    expect((await getImage(manager, "/r/hotel-miramar")).res.headers.get("location")).toBe("/r/miramar-lisboa");
    // As phones and people type it: capitals, a trailing slash, a tag with # and letters of any script.
    expect((await getImage(manager, "/r/Hotel-Miramar/?t=Suite%20%233")).res.headers.get("location")).toBe("/r/miramar-lisboa?t=Suite%20%233");
    expect((await getImage(manager, "/r/hotel-miramar?t=%E5%AE%A2%E6%88%BF%208")).res.headers.get("location")).toBe("/r/miramar-lisboa?t=%E5%AE%A2%E6%88%BF%208");
    // The current slug and a slug never used are served as pages (the page says when a link is unknown).
    expect((await fetch(`${app.url}/r/miramar-lisboa?t=Room12`, { redirect: "manual" })).status).not.toBe(301);
    expect((await fetch(`${app.url}/r/no-such-hotel`, { redirect: "manual" })).status).not.toBe(301);

    const { bytes } = await getImage(manager, query("Room 12"));
    expect(decode(bytes, "png")).toBe(`${PUBLIC}/r/miramar-lisboa?t=Room%2012`);
    expect((await manager.get("/api/reception/link")).body).toEqual({ url: `${PUBLIC}/r/miramar-lisboa` });
  });

  it("keeps a guest with the old printed code chatting", async () => {
    const { app, manager } = await start();
    await manager.patch("/api/property", { slug: "miramar-lisboa" });
    const guest = new ApiClient(app.url);
    const property = await guest.get("/api/guest/property/hotel-miramar");
    expect(property.status).toBe(200);
    expect(property.body).toMatchObject({ name: "Hotel Miramar", slug: "miramar-lisboa", formerSlugs: ["hotel-miramar"] });

    const session = await guest.post("/api/guest/sessions", { slug: "hotel-miramar", tag: "Room 12" });
    expect(session.status).toBe(201);
    const auth = { authorization: `Bearer ${session.body.token}` };
    const sent = await guest.requestWithHeaders("POST", "/api/guest/messages", { text: "Is breakfast at 8?" }, {}, auth);
    expect(sent.status).toBe(201);
    const conversation = await manager.get(`/api/conversations/${session.body.conversationId}`);
    expect(conversation.body.messages.map((m: { text: string }) => m.text)).toEqual(["Is breakfast at 8?"]);
    expect(conversation.body.conversation.tag).toBe("Room 12");

    expect((await guest.get("/api/guest/property/no-such-hotel")).status).toBe(404);
    expect((await guest.post("/api/guest/sessions", { slug: "no-such-hotel" })).status).toBe(404);
  });

  it("moving back to an old slug takes it out of the history, and the slug in between redirects", async () => {
    const { app, manager } = await start();
    await manager.patch("/api/property", { slug: "miramar-lisboa" });
    await manager.patch("/api/property", { slug: "hotel-miramar" });
    expect((await fetch(`${app.url}/r/hotel-miramar`, { redirect: "manual" })).status).not.toBe(301);
    const between = await fetch(`${app.url}/r/miramar-lisboa?t=Room12`, { redirect: "manual" });
    expect(between.status).toBe(301);
    expect(between.headers.get("location")).toBe("/r/hotel-miramar?t=Room12");
    // Saving the same slug again changes nothing.
    await manager.patch("/api/property", { slug: "hotel-miramar", name: "Hotel Miramar Lisboa" });
    expect((await fetch(`${app.url}/r/hotel-miramar`, { redirect: "manual" })).status).not.toBe(301);
    expect((await new ApiClient(app.url).post("/api/guest/sessions", { slug: "miramar-lisboa" })).status).toBe(201);
  });
});
