import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, addMemberWithLogin, setUpManager, startTestApp, type TestApp } from "../helpers/app.js";

// Every printed code is read back by an independent decoder: the PDF is drawn to PNG by
// poppler's pdftoppm, then zbarimg (zbar-tools) reads every code on every page.
const PUBLIC = "https://inn.example.com";
const SHOTS = join(process.cwd(), "test-artifacts", "stickers");

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
  work = mkdtempSync(join(tmpdir(), "innbox-stickers-"));
  return { app, manager: await setUpManager(app) };
}

const link = (tag: string) => `${PUBLIC}/r/hotel-miramar?t=${encodeURIComponent(tag)}`;

async function send(client: ApiClient, method: string, path: string, body: Buffer | string | object | undefined, contentType?: string) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken && method !== "GET") headers["x-csrf-token"] = client.csrfToken;
  let payload: Buffer | string | undefined;
  if (Buffer.isBuffer(body) || typeof body === "string") payload = body;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers["content-type"] = contentType ?? "application/json";
  const res = await fetch(client.baseUrl + path, { method, headers, body: payload });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get("content-type") ?? "").includes("json") && bytes.length ? JSON.parse(bytes.toString("utf8")) : undefined;
  return { res, bytes, json };
}

let files = 0;
/** The PDF's pages as PNG at 150 dpi, and the codes zbarimg reads on each. */
function readPdf(pdf: Buffer, keepAs?: string): { pages: string[]; codes: string[][] } {
  const dir = join(work!, `pdf-${++files}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "print.pdf"), pdf);
  execFileSync("pdftoppm", ["-r", "150", "-png", join(dir, "print.pdf"), join(dir, "page")]);
  const pages = readdirSync(dir).filter((f) => f.endsWith(".png")).sort().map((f) => join(dir, f));
  const codes = pages.map((page) => {
    let out = "";
    try {
      out = execFileSync("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", page], { encoding: "utf8" });
    } catch {
      out = ""; // zbarimg exits 4 when a page has no code; the count below says so
    }
    return out.split("\n").filter(Boolean).sort();
  });
  if (keepAs) {
    mkdirSync(SHOTS, { recursive: true });
    pages.slice(0, 2).forEach((page, i) => execFileSync("cp", [page, join(SHOTS, `${keepAs}-${i + 1}.png`)]));
  }
  return { pages, codes };
}

/** Every image the PDF draws (pdfimages -list), as "width x height". */
function pdfImages(pdf: Buffer): string[] {
  const file = join(work!, `images-${++files}.pdf`);
  writeFileSync(file, pdf);
  const lines = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  // An image's transparency is listed as its own "smask" line: the images are the rest.
  return lines.map((line) => line.trim().split(/\s+/)).filter((cols) => cols[2] === "image").map((cols) => `${cols[3]}x${cols[4]}`);
}

function pdfText(pdf: Buffer): string {
  const file = join(work!, `text-${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const TAGS = ["Room 12", "Suite #3", "Zimmer Ö 4", "客房 8", "Номер 5"];

/** A small two-colour logo, as PNG (drawn by rsvg-convert) and as SVG. */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><rect width="120" height="40" rx="6" fill="#0b6e4f"/><circle cx="20" cy="20" r="12" fill="#f4d35e"/><path d="M40 12h70v6H40zM40 24h50v5H40z" fill="#ffffff"/></svg>`;
function logoPng(): Buffer {
  const svg = join(work!, "logo.svg");
  writeFileSync(svg, LOGO_SVG);
  return execFileSync("rsvg-convert", ["--width", "240", svg]);
}

describe("stickers and plates", () => {
  it.each([
    ["door-plate", TAGS.length, 1],
    ["table-tent", TAGS.length, 2],
    ["stickers", 1, TAGS.length],
  ] as const)("prints %s with every code decoding to its room's exact link", async (template, pageCount, codesPerPage) => {
    const { manager } = await start();
    const { res, bytes } = await send(manager, "POST", "/api/reception/stickers", { template, tags: TAGS, heading: "Welcome to Hotel Miramar", text: "Scan to chat with reception, see the weather and places nearby." });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="innbox-${template}-5\\.pdf"$`));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, codes } = readPdf(bytes, template);
    expect(pages).toHaveLength(pageCount);
    expect(codes.flat()).toHaveLength(TAGS.length * (template === "table-tent" ? 2 : 1));
    if (template === "stickers") expect(codes[0]).toEqual(TAGS.map(link).sort());
    else codes.forEach((page, i) => expect(page, TAGS[i]).toEqual(Array(codesPerPage).fill(link(TAGS[i]!))));
    // Vector: no image at all in the PDF (no logo uploaded).
    expect(pdfImages(bytes)).toEqual([]);
    // Every letter prints: the text layer holds the tags in their own scripts.
    const text = pdfText(bytes);
    for (const tag of TAGS) expect(text).toContain(tag);
    if (template !== "stickers") expect(text.replace(/\s+/g, " ")).toContain("Welcome to Hotel Miramar");
  });

  it("fills sheets of twelve stickers, and prints 200 plates in one PDF", async () => {
    const { manager } = await start();
    const rooms = Array.from({ length: 26 }, (_, i) => `Room ${101 + i}`);
    const sheet = await send(manager, "POST", "/api/reception/stickers", { template: "stickers", tags: rooms });
    const { pages, codes } = readPdf(sheet.bytes);
    expect(pages).toHaveLength(3);
    expect(codes.map((c) => c.length)).toEqual([12, 12, 2]);
    expect(codes.flat().sort()).toEqual(rooms.map(link).sort());

    const many = Array.from({ length: 200 }, (_, i) => `Room ${i + 1}`);
    const started = Date.now();
    const plates = await send(manager, "POST", "/api/reception/stickers", { template: "door-plate", tags: many });
    const ms = Date.now() - started;
    expect(plates.res.status).toBe(200);
    const file = join(work!, "plates.pdf");
    writeFileSync(file, plates.bytes);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+200$/m);
    console.log(`200 door plates: ${plates.bytes.length} bytes in ${ms} ms`);
  });

  it("uses the saved design, and the fields a request gives over it", async () => {
    const { manager } = await start();
    const initial = await manager.get("/api/reception/stickers/design");
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ template: "door-plate", withLogo: true, logo: null });
    const design = { template: "table-tent", heading: "Bem-vindo", text: "Fale connosco", textColor: "#FFFFFF", backgroundColor: "#0B3954", accentColor: "#f4d35e", withLogo: false, tags: ["Room 1", "Room 2"] };
    const saved = await manager.request("PUT", "/api/reception/stickers/design", design);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...design, textColor: "#ffffff", backgroundColor: "#0b3954", logo: null });
    expect((await manager.get("/api/reception/stickers/design")).body).toEqual(saved.body);

    const pdf = await send(manager, "POST", "/api/reception/stickers", { template: "door-plate", tags: ["Room 1"] });
    const text = pdfText(pdf.bytes);
    expect(text).toContain("Bem-vindo");
    const own = await send(manager, "POST", "/api/reception/stickers", { template: "door-plate", tags: ["Room 1"], heading: "Olá", backgroundColor: "#ffffff" });
    expect(pdfText(own.bytes)).toContain("Olá");
    expect(readPdf(own.bytes, "door-plate-custom").codes).toEqual([[link("Room 1")]]);
  });

  it("refuses a bad template, colour or tag list with 400 naming the field", async () => {
    const { manager } = await start();
    const cases: Array<[object, string]> = [
      [{ template: "poster", tags: ["Room 1"] }, "template"],
      [{ tags: ["Room 1"] }, "template"],
      [{ template: "door-plate", tags: ["Room 1"], accentColor: "blue" }, "accentColor"],
      [{ template: "door-plate", tags: ["Room 1"], textColor: "#12345" }, "textColor"],
      [{ template: "door-plate", tags: [] }, "tags"],
      [{ template: "door-plate", tags: Array.from({ length: 201 }, (_, i) => `R${i}`) }, "tags"],
      [{ template: "door-plate", tags: ["Room <1>"] }, "tags.0"],
      [{ template: "door-plate", tags: ["Room 1", "a/b"] }, "tags.1"],
      [{ template: "door-plate", tags: ["Room 1", " Room 1 "] }, "tags.1"],
      [{ template: "door-plate", tags: ["x".repeat(41)] }, "tags.0"],
      [{ template: "door-plate", tags: ["Room 1"], heading: "two\nlines" }, "heading"],
      [{ template: "door-plate", tags: ["Room 1"], color: "#ffffff" }, "color"],
    ];
    for (const [body, field] of cases) {
      const res = await manager.post("/api/reception/stickers", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.error.length).toBeGreaterThan(10);
    }
    expect((await manager.request("PUT", "/api/reception/stickers/design", { template: "door-plate" })).status).toBe(400);
  });

  it("is the manager's: 401 without a session, 403 for staff", async () => {
    const { app, manager } = await start();
    const { client: staff } = await addMemberWithLogin(manager, "staff", "sam");
    const calls: Array<[string, string, object | undefined]> = [
      ["POST", "/api/reception/stickers", { template: "door-plate", tags: ["Room 1"] }],
      ["GET", "/api/reception/stickers/design", undefined],
      ["PUT", "/api/reception/stickers/design", { template: "door-plate" }],
      ["GET", "/api/reception/logo", undefined],
      ["DELETE", "/api/reception/logo", undefined],
    ];
    for (const [method, path, body] of calls) {
      expect((await new ApiClient(app.url).request(method, path, body)).status, `${method} ${path}`).toBe(401);
      expect((await staff.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await send(staff, "POST", "/api/reception/logo", Buffer.from(LOGO_SVG), "image/svg+xml")).res.status).toBe(403);
  });
});

describe("the logo", () => {
  it("takes a PNG by its bytes whatever the Content-Type, serves it, and prints it on every plate", async () => {
    const { manager } = await start();
    const png = logoPng();
    const up = await send(manager, "POST", "/api/reception/logo", png, "application/octet-stream");
    expect(up.res.status).toBe(201);
    expect(up.json).toMatchObject({ contentType: "image/png", bytes: png.length, cleaned: false });
    const got = await send(manager, "GET", "/api/reception/logo", undefined);
    expect(got.res.headers.get("content-type")).toBe("image/png");
    expect(got.res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.bytes.equals(png)).toBe(true);
    expect((await manager.get("/api/reception/stickers/design")).body.logo).toMatchObject({ contentType: "image/png" });

    const pdf = await send(manager, "POST", "/api/reception/stickers", { template: "door-plate", tags: ["Room 12", "Suite #3"] });
    // The only images are the logo (240 × 80 pixels); the codes stay vector.
    expect(pdfImages(pdf.bytes)).toEqual(["240x80", "240x80"]);
    expect(readPdf(pdf.bytes, "door-plate-logo").codes).toEqual([[link("Room 12")], [link("Suite #3")]]);
    const without = await send(manager, "POST", "/api/reception/stickers", { template: "door-plate", tags: ["Room 12"], withLogo: false });
    expect(pdfImages(without.bytes)).toEqual([]);
  });

  it("takes a JPEG, and prints it", async () => {
    const { manager } = await start();
    // A 1 × 1 progressive JPEG.
    const jpeg = Buffer.from("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=", "base64");
    const up = await send(manager, "POST", "/api/reception/logo", jpeg, "image/png");
    expect(up.res.status).toBe(201);
    expect(up.json).toMatchObject({ contentType: "image/jpeg", bytes: jpeg.length });
    expect((await send(manager, "GET", "/api/reception/logo", undefined)).res.headers.get("content-type")).toBe("image/jpeg");
    const pdf = await send(manager, "POST", "/api/reception/stickers", { template: "table-tent", tags: ["Room 12"] });
    expect(pdfImages(pdf.bytes)).toEqual(["1x1", "1x1"]);
    expect(readPdf(pdf.bytes).codes).toEqual([[link("Room 12"), link("Room 12")]]);
  });

  it("cleans an SVG of script and event handlers, serves it under a script-free policy, and draws it as vector", async () => {
    const { manager } = await start();
    const hostile = LOGO_SVG.replace("<rect", '<script>alert(1)</script><rect onload="alert(2)"').replace("<svg ", '<svg onload="alert(3)" ');
    const up = await send(manager, "POST", "/api/reception/logo", Buffer.from(hostile), "image/svg+xml");
    expect(up.res.status).toBe(201);
    expect(up.json).toMatchObject({ contentType: "image/svg+xml", cleaned: true });
    const got = await send(manager, "GET", "/api/reception/logo", undefined);
    expect(got.res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(got.res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
    expect(got.res.headers.get("x-content-type-options")).toBe("nosniff");
    const svg = got.bytes.toString();
    expect(svg).not.toMatch(/script|onload|alert/i);
    expect(svg).toContain('<circle cx="20" cy="20" r="12" fill="#f4d35e">');

    const pdf = await send(manager, "POST", "/api/reception/stickers", { template: "stickers", tags: TAGS });
    expect(pdfImages(pdf.bytes)).toEqual([]);
    expect(readPdf(pdf.bytes, "stickers-logo").codes[0]).toEqual(TAGS.map(link).sort());
  });

  it("refuses too large, not an image, damaged and unsafe files with a sentence, keeping the logo it had", async () => {
    const { manager } = await start();
    const good = logoPng();
    expect((await send(manager, "POST", "/api/reception/logo", good, "image/png")).res.status).toBe(201);

    const tooLarge = Buffer.concat([good, Buffer.alloc(1024 * 1024)]);
    const cases: Array<[Buffer, string, number, RegExp]> = [
      [tooLarge, "image/png", 413, /larger than 1 MB/],
      [Buffer.from("hello, this is text"), "image/png", 415, /not a PNG, JPEG or SVG/],
      [Buffer.from("GIF89a\x01\x00\x01\x00"), "image/gif", 415, /not a PNG, JPEG or SVG/],
      [Buffer.from('{"logo": true}'), "application/json", 415, /not a PNG, JPEG or SVG/],
      [Buffer.concat([good.subarray(0, 40), Buffer.from("broken")]), "image/png", 400, /damaged/],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2, 3]), "image/jpeg", 400, /damaged/],
      [Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'), "image/svg+xml", 400, /document type/],
      [Buffer.from("<svg><rect></svg>"), "image/svg+xml", 400, /not well-formed/],
      [Buffer.alloc(0), "image/png", 400, /empty/],
    ];
    for (const [bytes, type, status, sentence] of cases) {
      const res = await send(manager, "POST", "/api/reception/logo", bytes, type);
      expect(res.res.status, `${type} ${bytes.subarray(0, 20).toString()}`).toBe(status);
      expect(res.json.error).toMatch(sentence);
      const kept = await send(manager, "GET", "/api/reception/logo", undefined);
      expect(kept.bytes.equals(good)).toBe(true);
    }

    // A poster, and a small file whose pixels would inflate far beyond its stated size.
    const chunk = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length, 0);
      head.write(type, 4, "latin1");
      return Buffer.concat([head, body, Buffer.alloc(4)]);
    };
    const png = (width: number, height: number, pixels: Buffer) => {
      const ihdr = Buffer.alloc(13);
      ihdr.writeUInt32BE(width, 0);
      ihdr.writeUInt32BE(height, 4);
      ihdr.set([8, 6, 0, 0, 0], 8);
      return Buffer.concat([good.subarray(0, 8), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
    };
    const poster = await send(manager, "POST", "/api/reception/logo", png(4000, 3000, Buffer.alloc(1000)), "image/png");
    expect([poster.res.status, poster.json.error]).toEqual([413, expect.stringMatching(/10 megapixels/)]);
    const bomb = await send(manager, "POST", "/api/reception/logo", png(100, 100, Buffer.alloc(20_000_000)), "image/png");
    expect(bomb.res.status).toBe(400);
    expect(bomb.json.error).toMatch(/damaged/);
    expect((await send(manager, "GET", "/api/reception/logo", undefined)).bytes.equals(good)).toBe(true);

    expect((await manager.delete("/api/reception/logo")).status).toBe(204);
    const gone = await manager.get("/api/reception/logo");
    expect(gone.status).toBe(404);
    expect(gone.body.error).toBe("No logo is uploaded.");
    expect((await manager.delete("/api/reception/logo")).status).toBe(204);
  });
});

describe("the API description", () => {
  it("lists the templates and the logo's upload types", async () => {
    const { manager } = await start();
    const spec = (await manager.get("/api/openapi.json")).body;
    const render = spec.paths["/api/reception/stickers"].post;
    expect(render.operationId).toBe("renderStickers");
    const body = render.requestBody.content["application/json"].schema;
    const schema = body.$ref ? spec.components.schemas[body.$ref.split("/").pop()] : body;
    expect(schema.properties.template.enum).toEqual(["door-plate", "table-tent", "stickers"]);
    expect(Object.keys(render.responses["200"].content)).toEqual(["application/pdf"]);
    const upload = spec.paths["/api/reception/logo"].post;
    expect(upload.operationId).toBe("uploadLogo");
    expect(Object.keys(upload.requestBody.content)).toEqual(["image/png", "image/jpeg", "image/svg+xml"]);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["201", "400", "403", "413", "415"]));
    expect(spec.paths["/api/reception/logo"].get.operationId).toBe("getLogo");
    expect(spec.paths["/api/reception/logo"].delete.operationId).toBe("deleteLogo");
    expect(spec.paths["/api/reception/stickers/design"].put.operationId).toBe("updateStickerDesign");
  });
});
