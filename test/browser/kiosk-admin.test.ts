// Kiosk page in headless Chromium: a manager pairs a kiosk and sees its code and QR code
// (read back by zbarimg from what the page shows), the tablet pairs with that code and
// shows as online, the idle screen's Wi-Fi (a password with ; , : \ and ") and emergency
// texts are saved and the Wi-Fi QR preview reads back exactly, and revoking cuts the
// tablet off. Screenshots at three sizes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wifiQrText } from "../../protocol/src/wifi-qr.js";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager } from "../helpers/app.js";
import { collect, connectSocket, disconnected } from "../helpers/sockets.js";
import { VIEWPORTS, browserSuite, buildUi, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "kiosk page", tests: "kiosk page", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;
const work = mkdtempSync(join(tmpdir(), "innbox-kiosk-page-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const zbar = (png: string) => execFileSync("zbarimg", ["--raw", "-q", png], { encoding: "utf8" }).replace(/\n$/, "");
const TRICKY = 'Sun;ny,da:ys\\"42"';

describe.skipIf(suite.skip)("kiosk page", () => {
  it("pairs a kiosk with the code and QR code it shows, saves the idle screen and revokes the kiosk", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { page, problems } = await open("desktop");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/kiosk`);
    await page.getByText(t.kiosk.empty).waitFor();
    await page.getByText(t.kiosk.callsEmpty).waitFor();

    // An empty name is refused in the page.
    await page.getByRole("button", { name: t.kiosk.pairButton }).click();
    await page.getByText(t.validation.required(t.kiosk.nameLabel)).waitFor();

    await page.getByLabel(t.kiosk.nameLabel).fill("Lobby");
    await page.getByRole("button", { name: t.kiosk.pairButton }).click();
    const codeText = (await page.getByTestId("pairing-code").textContent())!;
    expect(codeText).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const plain = codeText.replace("-", "");
    const image = page.getByRole("img", { name: t.kiosk.codeQrAlt("Lobby") });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await image.screenshot({ path: join(work, "pairing.png") });
    expect(zbar(join(work, "pairing.png"))).toBe(`${app.publicUrl}/kiosk?code=${plain}`);
    await page.getByText(/Waiting for pairing/).waitFor();

    // The tablet types the code as it reads it.
    const paired = await fetch(`${app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: codeText.toLowerCase() }) });
    expect(paired.status).toBe(200);
    const { token } = (await paired.json()) as { token: string };
    const socket = await connectSocket(app.url, "/kiosk", { token });
    const screens = collect(socket, "screen");
    await page.getByRole("button", { name: t.kiosk.codeClose }).click();
    await page.reload();
    await page.locator(".kiosk-item", { hasText: "Lobby" }).getByText(t.kiosk.statusOnline).waitFor();

    // The idle screen: Wi-Fi with a password full of the QR format's special characters.
    await page.getByLabel(t.kiosk.ssidLabel).fill("Miramar Guests");
    const password = page.getByLabel(t.kiosk.passwordLabel, { exact: true });
    await password.fill(TRICKY);
    expect(await password.getAttribute("type")).toBe("password");
    await page.getByRole("button", { name: t.kiosk.passwordShow }).click();
    expect(await password.getAttribute("type")).toBe("text");
    await page.getByLabel(t.kiosk.phoneLabel).fill("+39 0471 123 456");
    await page.getByLabel(t.kiosk.addLanguageLabel).selectOption("de");
    await page.getByRole("button", { name: t.kiosk.addLanguage, exact: true }).click();
    await page.getByLabel(t.kiosk.emergencyLabel("German")).fill("Notruf 112. Erste Hilfe hinter der Theke.");
    await page.getByRole("button", { name: t.kiosk.save }).click();
    await page.getByText(t.kiosk.saved).waitFor();

    const expected = wifiQrText({ ssid: "Miramar Guests", password: TRICKY, security: "WPA" });
    const wifiQr = page.getByTestId("wifi-qr");
    await expect.poll(() => wifiQr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // The preview's own SVG, drawn large (a dense code at preview size is too small for zbar's camera-like reading).
    const src = (await wifiQr.getAttribute("src"))!;
    expect(src.startsWith("data:image/svg+xml;base64,")).toBe(true);
    writeFileSync(join(work, "wifi.svg"), Buffer.from(src.slice(src.indexOf(",") + 1), "base64"));
    execFileSync("rsvg-convert", ["--width", "600", "--background-color", "white", "--output", join(work, "wifi.png"), join(work, "wifi.svg")]);
    expect(zbar(join(work, "wifi.png"))).toBe(expected);
    expect((await manager.get("/api/kiosk-settings")).body).toEqual({
      wifi: { ssid: "Miramar Guests", password: TRICKY, security: "WPA" },
      phone: "+39 0471 123 456",
      emergencyText: { de: "Notruf 112. Erste Hilfe hinter der Theke." },
    });
    expect((await screens.waitFor((s) => Boolean(s.wifi))).wifi.qr).toBe(expected);

    // A short WPA password is refused beside its field, in the form's words.
    await password.fill("short");
    await page.getByRole("button", { name: t.kiosk.save }).click();
    await page.locator(".field-error", { hasText: "WPA password" }).waitFor();
    expect((await manager.get("/api/kiosk-settings")).body.wifi.password).toBe(TRICKY);
    await password.fill(TRICKY);

    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Rename, then revoke with a confirmation.
    const row = page.locator(".kiosk-item", { hasText: "Lobby" });
    await row.getByRole("button", { name: `${t.kiosk.rename} Lobby` }).click();
    await row.getByLabel(t.kiosk.nameLabel).fill("Front desk");
    await row.getByRole("button", { name: t.kiosk.renameSave }).click();
    await page.getByText(t.kiosk.renamed("Front desk")).waitFor();

    const gone = disconnected(socket, 3000);
    await page.getByRole("button", { name: `${t.kiosk.revoke} Front desk` }).click();
    const dialog = page.getByRole("dialog", { name: t.kiosk.revokeTitle("Front desk") });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: t.kiosk.revokeConfirm }).click();
    await page.getByText(t.kiosk.revoked("Front desk")).waitFor();
    await gone;
    await page.getByText(t.kiosk.empty).waitFor();
    const after = await fetch(`${app.url}/api/kiosk/screen`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(problems()).toEqual([]);
  }, 120_000);

  it("takes screenshots of the page at phone, tablet and desktop sizes", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const lobby = await manager.post("/api/kiosks", { name: "Lobby" });
    await fetch(`${app.url}/api/kiosk/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: lobby.body.pairingCode }) });
    await manager.post("/api/kiosks", { name: "Pool bar" });
    await manager.request("PUT", "/api/kiosk-settings", {
      wifi: { ssid: "Miramar Guests", password: TRICKY, security: "WPA" },
      phone: "+39 0471 123 456",
      emergencyText: { en: "Call 112. The first-aid kit is behind the desk.", it: "Chiamare il 112. La cassetta di pronto soccorso è dietro il banco." },
    });
    for (const size of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(size);
      await signIn(page, app.url);
      await page.goto(`${app.url}/admin/kiosk`);
      await page.getByTestId("wifi-qr").waitFor();
      await screenshot(page, "kiosk", size, { fullPage: true });
      await page.getByLabel(t.kiosk.nameLabel).fill("Breakfast room");
      await page.getByRole("button", { name: t.kiosk.pairButton }).click();
      await page.getByTestId("pairing-code").waitFor();
      await page.getByRole("img", { name: t.kiosk.codeQrAlt("Breakfast room") }).waitFor();
      await screenshot(page, "kiosk-pairing", size);
      expect(problems()).toEqual([]);
      for (const kiosk of (await manager.get("/api/kiosks")).body.kiosks) if (kiosk.name === "Breakfast room") await manager.delete(`/api/kiosks/${kiosk.id}`);
    }
  }, 180_000);
});
