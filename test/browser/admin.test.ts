// The admin page in headless Chromium against the real appliance, acting like a person:
// first-run setup, signing in and out, the team and property screens, what staff see.
// Screenshots of each screen at phone, tablet and desktop sizes land in
// test-artifacts/screenshots/ for a human to look at.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { ApiClient, MANAGER, addMemberWithLogin, setUpManager } from "../helpers/app.js";
import { VIEWPORTS, browserSuite, buildUi, navigation, screenshot, signIn, type ViewportName } from "./browser-kit.js";

const suite = browserSuite({ name: "admin page", tests: "admin page", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;

async function navLabels(page: Page): Promise<string[]> {
  return (await navigation(page).getByRole("link").allInnerTexts()).map((text) => text.trim());
}

describe.skipIf(suite.skip)("admin page", () => {
  it("sets up the property and the manager from the setup link and lands signed in", async () => {
    const app = await startApp();
    const { page, problems } = await open();
    await page.goto(`${app.url}/admin/setup?token=${app.setupToken()}`);

    await page.getByRole("button", { name: t.setup.next }).click();
    await page.getByText(t.validation.required(t.setup.propertyName)).waitFor();
    await page.getByLabel(t.setup.propertyName).fill("Casa Azul Guesthouse");
    await page.getByRole("button", { name: t.setup.next }).click();

    await page.getByLabel(t.setup.managerName).fill("Mara Manager");
    await page.getByLabel(t.setup.username).fill("mara");
    await page.getByLabel(t.setup.password, { exact: true }).fill("sea view 2024");
    await page.getByLabel(t.setup.passwordAgain).fill("sea view 2025");
    await page.getByRole("button", { name: t.setup.create }).click();
    await page.getByText(t.validation.passwordsDiffer).waitFor();
    await page.getByLabel(t.setup.passwordAgain).fill("sea view 2024");
    await page.getByRole("button", { name: t.setup.create }).click();

    await page.getByRole("heading", { name: t.setup.doneHeading }).waitFor();
    await page.getByRole("button", { name: t.setup.open }).click();
    await page.getByRole("heading", { name: t.home.welcome("Casa Azul Guesthouse") }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/");
    await expect(page.locator(".topbar").innerText()).resolves.toContain("Mara Manager");

    // Signed in for real: a reload keeps the session, and the wizard is closed for good.
    await page.reload();
    await page.getByRole("heading", { name: t.home.welcome("Casa Azul Guesthouse") }).waitFor();
    const status = await new ApiClient(app.url).get("/api/setup");
    expect(status.body).toEqual({ needed: false });
    expect(problems()).toEqual([]);
  });

  it("explains where the setup token is when the link has none, and rejects a wrong one", async () => {
    const app = await startApp();
    const { page, problems } = await open();
    await page.goto(`${app.url}/admin/`);
    await page.getByRole("heading", { name: t.setup.noTokenTitle }).waitFor();
    await expect(page.locator("main").innerText()).resolves.toContain("setup-token");

    await page.goto(`${app.url}/admin/setup?token=not-the-token`);
    await page.getByLabel(t.setup.propertyName).fill("Casa Azul");
    await page.getByRole("button", { name: t.setup.next }).click();
    await page.getByLabel(t.setup.managerName).fill("Mara");
    await page.getByLabel(t.setup.username).fill("mara");
    await page.getByLabel(t.setup.password, { exact: true }).fill("sea view 2024");
    await page.getByLabel(t.setup.passwordAgain).fill("sea view 2024");
    await page.getByRole("button", { name: t.setup.create }).click();
    await page.getByRole("alert").filter({ hasText: "setup link is not valid" }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("sends a finished setup link to sign-in", async () => {
    const app = await startApp();
    const token = app.setupToken();
    await setUpManager(app);
    const { page } = await open();
    await page.goto(`${app.url}/admin/setup?token=${token}`);
    await page.getByRole("heading", { name: t.login.title }).waitFor();
    await page.getByText(t.setup.alreadyDone).waitFor();
  });

  it("signs out and back in, refusing a wrong password and returning to the page asked for", async () => {
    const app = await startApp();
    await setUpManager(app, "Hotel Miramar");
    const { page, problems } = await open();

    await page.goto(`${app.url}/admin/team`);
    await page.waitForURL(/\/admin\/login\?next=%2Fteam$/);
    await page.getByLabel(t.login.username).fill(MANAGER.username);
    await page.getByLabel(t.login.password).fill("not the password");
    await page.getByRole("button", { name: t.login.submit }).click();
    await page.getByRole("alert").filter({ hasText: "username or password is wrong" }).waitFor();

    await page.getByLabel(t.login.password).fill(MANAGER.password);
    await page.getByRole("button", { name: t.login.submit }).click();
    await page.getByRole("heading", { name: t.team.title, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/team");

    await page.getByRole("button", { name: t.layout.signOut }).click();
    await page.getByText(t.login.signedOut).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    // The session is gone on the appliance too, not just in the page.
    await page.goto(`${app.url}/admin/`);
    await page.getByRole("heading", { name: t.login.title }).waitFor();

    await signIn(page, app.url);
    await page.getByRole("heading", { name: t.home.welcome("Hotel Miramar") }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("adds a team member with a login, edits one and deletes one after confirming", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open();
    await signIn(page, app.url);
    await navigation(page).getByRole("link", { name: t.nav.team }).click();
    await page.getByRole("heading", { name: t.team.addHeading }).waitFor();

    const add = page.locator("form", { has: page.getByRole("heading", { name: t.team.addHeading }) });
    await add.getByLabel(t.team.name).fill("Tomás Reyes");
    await add.getByLabel(t.team.role).selectOption("staff");
    await add.getByLabel(t.team.loginToggle).check();
    await add.getByLabel(t.team.username).fill("tomas");
    await add.getByLabel(t.team.password).fill("short");
    await add.getByRole("button", { name: t.team.add }).click();
    await add.getByText(t.validation.tooShort(t.team.password, 8)).waitFor();
    await add.getByLabel(t.team.password).fill("front desk 9");
    await add.getByRole("button", { name: t.team.add }).click();
    await page.getByText(t.team.added("Tomás Reyes")).waitFor();

    const members = page.locator("table.members");
    const tomas = members.getByRole("row").filter({ hasText: "Tomás Reyes" });
    await expect(tomas.innerText()).resolves.toMatch(/Staff[\s\S]*tomas/);

    await add.getByLabel(t.team.name).fill("Ana Lima");
    await add.getByRole("button", { name: t.team.add }).click();
    await page.getByText(t.team.added("Ana Lima")).waitFor();
    await expect(members.getByRole("row").filter({ hasText: "Ana Lima" }).innerText()).resolves.toContain(t.team.noLogin);

    // A username already taken comes back from the appliance as an error on the form.
    await add.getByLabel(t.team.name).fill("Twin");
    await add.getByLabel(t.team.loginToggle).check();
    await add.getByLabel(t.team.username).fill("tomas");
    await add.getByLabel(t.team.password).fill("front desk 9");
    await add.getByRole("button", { name: t.team.add }).click();
    await add.getByRole("alert").filter({ hasText: 'username "tomas" is taken' }).waitFor();

    await page.getByRole("button", { name: t.team.editMember("Ana Lima") }).click();
    const edit = page.locator("form.member-edit");
    await edit.getByLabel(t.team.name).fill("Ana Lima Costa");
    await edit.getByLabel(t.team.role).selectOption("manager");
    await edit.getByLabel(t.team.loginToggle).check();
    await screenshot(page, "team-edit", "desktop");
    await edit.getByLabel(t.team.loginToggle).uncheck();
    await edit.getByRole("button", { name: t.team.save }).click();
    await page.getByText(t.team.saved("Ana Lima Costa")).waitFor();
    await expect(members.getByRole("row").filter({ hasText: "Ana Lima Costa" }).innerText()).resolves.toContain(t.team.roleManager);

    // The last manager with a login cannot make themself staff: the appliance says why.
    await page.getByRole("button", { name: t.team.editMember(MANAGER.name) }).click();
    await edit.getByLabel(t.team.role).selectOption("staff");
    await edit.getByRole("button", { name: t.team.save }).click();
    await edit.getByRole("alert").filter({ hasText: "at least one manager" }).waitFor();
    await edit.getByRole("button", { name: t.team.cancel }).click();

    await page.getByRole("button", { name: t.team.deleteMember("Ana Lima Costa") }).click();
    const dialog = page.getByRole("dialog", { name: t.team.confirmTitle("Ana Lima Costa") });
    await dialog.getByRole("button", { name: t.team.cancel }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: t.team.deleteMember("Ana Lima Costa") }).click();
    await screenshot(page, "team-delete", "desktop");
    await dialog.getByRole("button", { name: t.team.confirmDelete }).click();
    await page.getByText(t.team.deleted("Ana Lima Costa")).waitFor();
    await expect(members.getByRole("row").filter({ hasText: "Ana Lima Costa" }).count()).resolves.toBe(0);

    // The new login works.
    const tomasClient = new ApiClient(app.url);
    await tomasClient.login("tomas", "front desk 9");
    expect(problems()).toEqual([]);
  });

  it("shows staff the team read-only and none of the manager's sections", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { password } = await addMemberWithLogin(manager, "staff", "sam", "Sam Porter");
    const { page, problems } = await open();
    await signIn(page, app.url, "sam", password);

    const labels = await navLabels(page);
    expect(labels).toEqual([t.nav.home, t.nav.messenger, t.nav.rooms, t.nav.devices, t.nav.scenarios, t.nav.team]);
    for (const managerOnly of [t.nav.property, t.nav.settings, t.nav.reception, t.nav.widget, t.nav.kiosk]) {
      expect(labels).not.toContain(managerOnly);
    }
    await expect(page.getByRole("heading", { name: t.home.checklistTitle }).count()).resolves.toBe(0);

    await navigation(page).getByRole("link", { name: t.nav.team }).click();
    await page.getByRole("row").filter({ hasText: "Sam Porter" }).waitFor();
    await page.getByText(t.team.staffLead).waitFor();
    await expect(page.getByRole("heading", { name: t.team.addHeading }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: t.team.edit }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: t.team.delete }).count()).resolves.toBe(0);

    // Typing the address of a manager page does not open it either.
    await page.goto(`${app.url}/admin/property`);
    await page.getByRole("heading", { name: t.forbidden.title }).waitFor();
    await expect(page.getByLabel(t.property.name).count()).resolves.toBe(0);
    expect(problems()).toEqual([]);
  });

  it("saves the property, shows the reception link and checks each field before sending", async () => {
    const app = await startApp();
    await setUpManager(app, "Casa Azul");
    const { page, problems } = await open();
    await signIn(page, app.url);
    await navigation(page).getByRole("link", { name: t.nav.property }).click();

    const form = page.locator("form");
    await form.getByLabel(t.property.name).waitFor();
    await expect(form.getByRole("link", { name: /\/r\/casa-azul$/ }).count()).resolves.toBe(1);

    // Checked in the page, in the form's words, each beside its field; nothing is sent.
    let sent = 0;
    page.on("request", (request) => void (request.method() === "PATCH" && sent++));
    await form.getByLabel(t.property.slug).fill("no");
    await form.getByLabel(t.property.latitude).fill("north");
    await form.getByRole("button", { name: t.property.save }).click();
    const slugField = form.locator(".field", { has: page.getByLabel(t.property.slug) });
    await expect(slugField.locator(".field-error").innerText()).resolves.toBe(t.validation.slugShape(t.property.slug, 3, 40));
    await form.getByText(t.validation.notANumber(t.property.latitude)).waitFor();
    await form.getByLabel(t.property.latitude).fill("38.7223");
    await form.getByRole("button", { name: t.property.save }).click();
    await form.getByText(t.validation.coordinatesTogether(t.property.longitude)).waitFor();
    await screenshot(page, "property-errors", "desktop");
    expect(sent).toBe(0);

    await form.getByLabel(t.property.name).fill("Casa Azul Guesthouse");
    await form.getByLabel(t.property.slug).fill("casa-azul-lisboa");
    await form.getByLabel(t.property.timezone).fill("Lisbon");
    await page.getByRole("option", { name: "Europe / Lisbon" }).click();
    await form.getByLabel(t.property.latitude).fill("38.7223");
    await form.getByLabel(t.property.longitude).fill("-9.1393");
    await form.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.property.saved).waitFor();
    await expect(form.getByRole("link", { name: /\/r\/casa-azul-lisboa$/ }).count()).resolves.toBe(1);
    await expect(page.locator(".topbar").innerText()).resolves.toContain("Casa Azul Guesthouse");

    const property = await (async () => {
      const client = new ApiClient(app.url);
      await client.login(MANAGER.username, MANAGER.password);
      return (await client.get("/api/property")).body;
    })();
    expect(property).toMatchObject({
      name: "Casa Azul Guesthouse",
      slug: "casa-azul-lisboa",
      timezone: "Europe/Lisbon",
      latitude: 38.7223,
      longitude: -9.1393,
    });

    // Home ticks the location step off.
    await navigation(page).getByRole("link", { name: t.nav.home }).click();
    await page.locator(".checklist-done", { hasText: t.home.stepPlace }).waitFor();
    expect(problems()).toEqual([]);
  });

  it("folds the navigation into a menu on a phone", async () => {
    const app = await startApp();
    await setUpManager(app);
    const { page, problems } = await open("phone");
    await signIn(page, app.url);

    const nav = navigation(page);
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole("button", { name: t.layout.menu });
    const box = await menu.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await menu.click();
    await nav.getByRole("link", { name: t.nav.widget }).click();
    await page.getByText(t.sections.notYet).waitFor();
    await nav.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toBe("/admin/widget");
    expect(problems()).toEqual([]);
  });

  it("takes screenshots of each screen at phone, tablet and desktop sizes", async () => {
    const app = await startApp();
    const token = app.setupToken();
    const sizes = Object.keys(VIEWPORTS) as ViewportName[];

    for (const size of sizes) {
      const { page } = await open(size);
      await page.goto(`${app.url}/admin/setup?token=${token}`);
      await page.getByLabel(t.setup.propertyName).waitFor();
      await screenshot(page, "setup-1-property", size);
      await page.getByLabel(t.setup.propertyName).fill("Casa Azul Guesthouse");
      await page.getByRole("button", { name: t.setup.next }).click();
      await page.getByLabel(t.setup.managerName).fill("Mara Manager");
      await page.getByLabel(t.setup.username).fill("mara");
      await page.getByLabel(t.setup.password, { exact: true }).fill("sea view 2024");
      await page.getByLabel(t.setup.passwordAgain).fill("sea view 2024");
      await page.getByLabel(t.setup.managerName).focus();
      await screenshot(page, "setup-2-account", size);
    }

    const manager = new ApiClient(app.url);
    await manager.post("/api/setup", { token, username: "mara", password: "sea view 2024", name: "Mara Manager", propertyName: "Casa Azul Guesthouse" });
    await manager.post("/api/team", { name: "Tomás Reyes", role: "staff", username: "tomas", password: "front desk 9" });
    await manager.post("/api/team", { name: "Ana Lima", role: "staff" });
    await manager.post("/api/team", { name: "João Pereira", role: "manager", username: "joao", password: "owner pass 1" });

    const pages = new Map<ViewportName, Page>();
    for (const size of sizes) {
      const { page } = await open(size);
      pages.set(size, page);
      await page.goto(`${app.url}/admin/login`);
      await page.getByLabel(t.login.username).waitFor();
      await screenshot(page, "login", size);
      await signIn(page, app.url, "mara", "sea view 2024");
      await page.getByRole("heading", { name: t.home.welcome("Casa Azul Guesthouse") }).waitFor();
      await page.locator(".checklist-done").first().waitFor();
      await screenshot(page, "home", size);

      await page.goto(`${app.url}/admin/team`);
      await page.getByRole("row").filter({ hasText: "João Pereira" }).waitFor();
      await screenshot(page, "team", size);
    }

    await manager.patch("/api/property", { timezone: "Europe/Lisbon", latitude: 38.7223, longitude: -9.1393 });
    for (const [size, page] of pages) {
      await page.goto(`${app.url}/admin/property`);
      await page.getByLabel(t.property.latitude).waitFor();
      await screenshot(page, "property", size);

      await page.goto(`${app.url}/admin/widget`);
      await page.getByText(t.sections.notYet).waitFor();
      await screenshot(page, "coming-soon", size);
      if (size === "phone") {
        await page.getByRole("button", { name: t.layout.menu }).click();
        await screenshot(page, "menu", size);
      }
    }
  }, 120_000);
});
