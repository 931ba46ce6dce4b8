// The Online Reception's editor in headless Chromium, as a manager uses it: words in two
// languages, blocks moved by keyboard and by dragging, a colour changed, all seen in the
// preview frames (the real guest page) before saving and on the real page only after;
// the warning before leaving unsaved changes; missing translations; a bad colour; the
// property's city. Screenshots at three sizes (the directory's too). The directory's
// editor itself is reception-directory.test.ts.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager, startTestApp, type TestApp } from "../helpers/app.js";
import { startTileServer, type TileServer } from "../helpers/tile-server.js";
import { dragTo, fingerDrag } from "./drag-kit.js";
import { VIEWPORTS, browserSuite, buildUi, navigation, screenshot, seriousAccessibilityProblems, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({
  name: "Online Reception editor",
  tests: "Online Reception editor",
  build: async () => buildUi("guest-ui", await buildUi("admin-ui")),
  timeout: 180_000,
});
vi.setConfig({ testTimeout: 90_000 });
const { open } = suite;

let tiles: TileServer | undefined;
afterEach(async () => {
  await tiles?.close();
  tiles = undefined;
});

/** The real app; map tiles from a tile server on loopback, and no weather server (the page stands without one). */
async function startApp(): Promise<TestApp> {
  tiles = await startTileServer();
  return suite.stopAfterTest(
    await startTestApp({
      uiRoot: suite.uiRoot(),
      config: { reception: { mapTiles: tiles.tiles, mapAttribution: "© Test tiles" }, weather: { apiBase: "http://127.0.0.1:9" } },
    }),
  );
}

async function openEditor(page: Page, app: TestApp) {
  await signIn(page, app.url);
  await page.goto(`${app.url}/admin/reception/design`);
  await page.getByRole("heading", { name: t.editor.blocksTitle }).waitFor();
}

const block = (page: Page, id: string) => page.locator(`li[data-block-id="${id}"]`);
const blockOrder = (page: Page) => page.locator("li[data-block-id]").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.blockId));

async function openBlock(page: Page, id: string, label: string) {
  const toggle = block(page, id).getByRole("button", { name: t.editor.edit(label) });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/**
 * What a guest page shows: each block's id, heading, colours and words, in order. The chat
 * (never started in a preview) and the blocks that tell the time or the weather (which move
 * on by themselves) are compared by heading and colours only.
 */
async function pageBlocks(frame: Page | ReturnType<Page["frameLocator"]>) {
  const blocks = frame.locator("[data-block]");
  return blocks.evaluateAll((sections) =>
    sections.map((section) => ({
      id: (section as HTMLElement).dataset.block,
      heading: section.querySelector("h2, h1")?.textContent?.trim() ?? "",
      background: getComputedStyle(section as HTMLElement).backgroundColor,
      color: getComputedStyle(section as HTMLElement).color,
      words: ["chat", "glance", "weather"].includes((section as HTMLElement).dataset.block ?? "") ? "" : (section as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
    })),
  );
}

const frame = (page: Page, device: "phone" | "tablet" | "desktop") => page.frameLocator(`iframe[data-device="${device}"]`);

async function translateIntoGerman(page: Page) {
  await page.getByRole("checkbox", { name: "German" }).check();
}

describe.skipIf(suite.skip)("the Online Reception editor", () => {
  it("shows changes in the preview frames before saving, and on the real page only once saved", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, context, problems } = await open("desktop");
    await openEditor(page, app);
    await translateIntoGerman(page);

    // The title's heading in English and in German.
    const title = block(page, "title");
    await title.getByLabel(t.editor.heading, { exact: true }).fill("Welcome to the Miramar");
    await title.getByRole("tab", { name: /German/ }).click();
    await title.getByLabel(t.editor.heading, { exact: true }).fill("Willkommen im Miramar");
    // A new background for the title, typed.
    await title.getByLabel(t.editor.backgroundColor, { exact: true }).fill("#7a1f3d");

    // The invitation one down by keyboard: the move is announced.
    await block(page, "invitation").getByRole("button", { name: t.editor.dragHandle("Invitation") }).focus();
    await page.keyboard.press("Alt+ArrowDown");
    await page.getByTestId("announcer").getByText(t.editor.moved("Invitation", 3, 9)).waitFor({ state: "attached" });
    // Focus stays on the moved block: once more.
    await page.keyboard.press("Alt+ArrowDown");
    await page.getByTestId("announcer").getByText(t.editor.moved("Invitation", 4, 9)).waitFor({ state: "attached" });
    // The chat dragged up to just under the title (the title closed, so both are in view).
    await block(page, "title").getByRole("button", { name: t.editor.edit("Title") }).click();
    await block(page, "weather").evaluate((row) => row.scrollIntoView({ block: "center" }));
    await dragTo(page, block(page, "chat").getByRole("button", { name: t.editor.dragHandle("Chat") }), block(page, "info"));
    const order = ["title", "chat", "info", "glance", "invitation", "weather", "location", "services", "reservation"];
    await expect.poll(() => blockOrder(page)).toEqual(order);
    // The up and down buttons too: weather up, then back down.
    await block(page, "weather").getByRole("button", { name: t.editor.moveUp("Weather") }).click();
    await block(page, "weather").getByRole("button", { name: t.editor.moveDown("Weather") }).click();
    await expect.poll(() => blockOrder(page)).toEqual(order);

    // The preview shows all of it before saving (info is hidden by default, so not on the page).
    const shownOrder = order.filter((id) => id !== "info");
    // (In the order given; a block the page does not draw is left out of the comparison.)
    const inOrder = (ids: Array<string | undefined>) => shownOrder.filter((id) => ids.includes(id));
    for (const device of ["phone", "tablet", "desktop"] as const) {
      await expect
        .poll(async () => {
          const ids = (await pageBlocks(frame(page, device))).map((b) => b.id);
          return ids.length >= 6 && JSON.stringify(ids) === JSON.stringify(inOrder(ids));
        }, { timeout: 15_000 })
        .toBe(true);
      await expect.poll(async () => (await pageBlocks(frame(page, device)))[0]).toMatchObject({ heading: expect.stringContaining("Welcome to the Miramar"), background: "rgb(122, 31, 61)" });
    }
    // In German, the German heading.
    await page.getByLabel(t.editor.previewLanguage).selectOption("de");
    await expect.poll(async () => (await pageBlocks(frame(page, "phone")))[0]?.heading, { timeout: 15_000 }).toContain("Willkommen im Miramar");

    // The real page does not have it yet.
    const guest = await context.newPage();
    await guest.goto(`${app.url}/r/hotel-miramar`);
    await guest.locator("[data-block]").first().waitFor();
    const before = (await pageBlocks(guest)).map((b) => b.id);
    expect(before).not.toEqual(inOrder(before));
    expect(await guest.locator("body").innerText()).not.toContain("Welcome to the Miramar");

    await page.getByRole("button", { name: t.editor.save }).click();
    await page.getByText(t.editor.saved).waitFor();
    await guest.reload();
    await expect.poll(async () => (await pageBlocks(guest)).map((b) => b.id).join()).toBe(inOrder(before).join());
    // The real page and the preview agree, block by block.
    await page.getByLabel(t.editor.previewLanguage).selectOption("en");
    await expect.poll(async () => (await pageBlocks(frame(page, "desktop")))[0]?.heading, { timeout: 15_000 }).toContain("Welcome to the Miramar");
    expect(await pageBlocks(guest)).toEqual(await pageBlocks(frame(page, "desktop")));
    const german = await context.newPage();
    await german.goto(`${app.url}/r/hotel-miramar?lang=de`);
    await expect.poll(async () => (await pageBlocks(german))[0]?.heading).toContain("Willkommen im Miramar");
    expect(problems()).toEqual([]);
  });

  it("warns before leaving unsaved changes, inside the admin page and on unload, and discards them", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { page, problems } = await open("desktop");
    await signIn(page, app.url);
    // Into the editor by the navigation, so that the browser's Back has somewhere to go.
    await navigation(page).getByRole("link", { name: t.nav.reception }).click();
    await page.getByRole("heading", { name: t.editor.blocksTitle }).waitFor();
    const beforeUnloadArmed = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await beforeUnloadArmed()).toBe(false);

    await block(page, "title").getByLabel(t.editor.heading, { exact: true }).fill("Bem-vindo");
    await page.getByText(t.editor.unsaved).waitFor();
    expect(await beforeUnloadArmed()).toBe(true);

    // A link in the admin page: asked first; staying keeps everything.
    await navigation(page).getByRole("link", { name: t.nav.property }).click();
    const dialog = page.getByRole("dialog", { name: t.editor.leaveTitle });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: t.editor.stay }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toBe("/admin/reception/design");
    expect(await block(page, "title").getByLabel(t.editor.heading, { exact: true }).inputValue()).toBe("Bem-vindo");

    // The browser's Back is held back the same way.
    await page.goBack();
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/reception/design");
    await dialog.getByRole("button", { name: t.editor.stay }).click();
    expect(await block(page, "title").getByLabel(t.editor.heading, { exact: true }).inputValue()).toBe("Bem-vindo");

    // Signing out too.
    await page.getByRole("button", { name: t.layout.signOut }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: t.editor.stay }).click();
    await page.getByRole("button", { name: t.layout.signOut }).waitFor();
    expect(await block(page, "title").getByLabel(t.editor.heading, { exact: true }).inputValue()).toBe("Bem-vindo");

    // Discard: back to what is stored, nothing armed any more.
    await page.getByRole("button", { name: t.editor.discard }).click();
    await page.getByRole("dialog", { name: t.editor.discardTitle }).getByRole("button", { name: t.editor.discardConfirm }).click();
    await page.getByText(t.editor.noChanges).waitFor();
    expect(await block(page, "title").getByLabel(t.editor.heading, { exact: true }).inputValue()).toBe("");
    expect(await beforeUnloadArmed()).toBe(false);

    // Leaving anyway loses the change, and stores nothing.
    await block(page, "title").getByLabel(t.editor.heading, { exact: true }).fill("Bem-vindo");
    await navigation(page).getByRole("link", { name: t.nav.property }).click();
    await dialog.getByRole("button", { name: t.editor.leave }).click();
    await page.getByRole("heading", { name: t.property.title, level: 1 }).waitFor();
    expect((await manager.get("/api/reception")).body.blocks[0].texts).toEqual({});

    // Signing out anyway, once asked, signs out.
    await navigation(page).getByRole("link", { name: t.nav.reception }).click();
    await block(page, "title").getByLabel(t.editor.heading, { exact: true }).fill("Bem-vindo");
    await page.getByRole("button", { name: t.layout.signOut }).click();
    await dialog.getByRole("button", { name: t.editor.leave }).click();
    await page.getByLabel(t.login.username).waitFor();
    expect(problems()).toEqual([]);
  });

  it("marks missing translations per block and per language until they are filled", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open("desktop");
    await openEditor(page, app);
    await translateIntoGerman(page);
    await openBlock(page, "invitation", "Invitation");
    const invitation = block(page, "invitation");
    await invitation.getByLabel(t.editor.bodyLabel.invitation!, { exact: true }).fill("Ask us anything, day or night.");
    await invitation.getByText(t.editor.missing("German")).waitFor();
    const germanTab = invitation.getByRole("tab", { name: /German/ });
    expect(await germanTab.textContent()).toContain(t.editor.missingShort);
    // The title has no words yet, so nothing to translate there.
    await expect(block(page, "title").locator(".missing-note").count()).resolves.toBe(0);

    await germanTab.click();
    await invitation.getByLabel(t.editor.bodyLabel.invitation!, { exact: true }).fill("Fragen Sie uns alles, Tag und Nacht.");
    await invitation.getByText(t.editor.missing("German")).waitFor({ state: "detached" });
    expect(await germanTab.textContent()).not.toContain(t.editor.missingShort);
    expect(problems()).toEqual([]);
  });

  it("says clearly what is wrong with a colour or a heading, and loses nothing stored", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { page, problems } = await open("phone", {});
    await openEditor(page, app);
    const title = block(page, "title");
    await title.getByLabel(t.editor.heading, { exact: true }).fill("Welcome");
    await page.getByRole("button", { name: t.editor.save }).click();
    await page.getByText(t.editor.saved).waitFor();
    const stored = (await manager.get("/api/reception")).body;

    await title.getByLabel(t.editor.textColor, { exact: true }).fill("#12zz45");
    await title.getByText(t.editor.colourInvalid(t.editor.textColor)).waitFor();
    await title.getByLabel(t.editor.heading, { exact: true }).fill("Welcome home");
    await page.getByRole("button", { name: t.editor.save }).click();
    await page.getByText(t.errors.fixFields).waitFor();
    expect((await manager.get("/api/reception")).body).toEqual(stored);
    // The preview keeps the last good colour.
    await expect.poll(async () => (await pageBlocks(frame(page, "phone")))[0]?.heading, { timeout: 15_000 }).toContain("Welcome home");

    await title.getByLabel(t.editor.textColor, { exact: true }).fill("#ffd166");
    await title.getByText(t.editor.colourInvalid(t.editor.textColor)).waitFor({ state: "detached" });
    // A pale text on a pale background: warned, but allowed.
    await title.getByLabel(t.editor.backgroundColor, { exact: true }).fill("#ffffff");
    await title.getByText(/hard to tell apart/).waitFor();
    await title.getByLabel(t.editor.backgroundColor, { exact: true }).fill("#1d4e89");
    await title.getByText(/hard to tell apart/).waitFor({ state: "detached" });

    // The appliance's own sentence, beside the field it is about.
    await title.getByLabel(t.editor.heading, { exact: true }).fill("x".repeat(121));
    await page.getByRole("button", { name: t.editor.save }).click();
    await title.getByText("A heading must be at most 120 characters.").waitFor();
    expect((await manager.get("/api/reception")).body).toEqual(stored);
    expect(problems().filter((p) => !/status of 400/.test(p))).toEqual([]);
  });

  it("reorders blocks with a finger on a phone", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open("phone", { hasTouch: true, isMobile: true });
    await openEditor(page, app);
    await block(page, "title").getByRole("button", { name: t.editor.edit("Title") }).click();
    await block(page, "invitation").evaluate((row) => row.scrollIntoView({ block: "center" }));
    await fingerDrag(page, block(page, "glance").getByRole("button", { name: t.editor.dragHandle("At a glance") }), block(page, "invitation"));
    await expect.poll(() => blockOrder(page)).toEqual(["title", "glance", "invitation", "info", "weather", "location", "services", "reservation", "chat"]);

    expect(problems()).toEqual([]);
  });

  it("names the property's city on the Property page", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { page, problems } = await open("phone");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/property`);
    await page.getByLabel(t.property.city).fill("  Lisboa ");
    await page.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.property.saved).waitFor();
    expect((await manager.get("/api/property")).body.city).toBe("Lisboa");
    await page.getByLabel(t.property.city).fill("x".repeat(81));
    await page.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.validation.tooLong(t.property.city, 80)).waitFor();
    await page.getByLabel(t.property.city).fill("");
    await page.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.property.saved).waitFor();
    expect((await manager.get("/api/property")).body.city ?? null).toBeNull();
    expect(problems()).toEqual([]);
  });

  it("looks right on a phone, a tablet and a desktop", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    await manager.patch("/api/property", { city: "Lisboa", latitude: 38.7223, longitude: -9.1393, timezone: "Europe/Lisbon" });
    for (const [category, name, address] of [
      ["Taxi", "City Cabs", "Praça do Comércio"],
      ["Restaurants", "Casa Lisboa", "Rua Augusta 1, Lisboa"],
      ["Restaurants", "O Pescador", "Rua das Flores 10"],
    ] as const) await manager.post("/api/places", { category, name, address, phone: "+351 21 000 0000" });
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const { page, problems } = await open(viewport);
      await openEditor(page, app);
      await translateIntoGerman(page);
      const title = block(page, "title");
      await title.getByLabel(t.editor.heading, { exact: true }).fill("Welcome to the Miramar");
      await block(page, "info").getByRole("switch", { name: t.editor.showBlock("Useful information") }).check();
      await openBlock(page, "info", "Useful information");
      await block(page, "info").getByLabel(t.editor.bodyLabel.info!, { exact: true }).fill("**Breakfast** 7–10\n\n- Wi-Fi: Miramar-Guest");
      await expect.poll(async () => (await pageBlocks(frame(page, "desktop")))[0]?.heading, { timeout: 15_000 }).toContain("Welcome to the Miramar");
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, "reception-editor", viewport);
      await screenshot(page, "reception-editor-full", viewport, { fullPage: true });
      await page.locator(".preview").scrollIntoViewIfNeeded();
      await screenshot(page, "reception-editor-preview", viewport);

      // To the directory by its tab: asked first, as there are unsaved changes.
      await page.getByRole("link", { name: t.reception.tabs.directory }).click();
      await page.getByRole("dialog", { name: t.editor.leaveTitle }).getByRole("button", { name: t.editor.leave }).click();
      await page.locator("[data-place-id]").first().waitFor();
      await page.getByRole("button", { name: t.directory.editPlace("Casa Lisboa") }).click();
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, "reception-directory", viewport);
      await screenshot(page, "reception-directory-full", viewport, { fullPage: true });
      expect(problems()).toEqual([]);
    }
  });
});
