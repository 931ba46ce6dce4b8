// The admin page's forms in headless Chromium against the real appliance, as a person uses
// them: problems said in the form's words beside the field they are about (the page's own
// checks, and the appliance's when it refuses), the searchable timezone, the timezone guessed
// at setup, and a staff member linking their own Telegram.
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { ApiClient, MANAGER, addMemberWithLogin, setUpManager } from "../helpers/app.js";
import { startTelegramWorld, waitUntil } from "../helpers/telegram-setup.js";
import { REFUSAL_NOISE, browserSuite, buildUi, navigation, screenshot, signIn } from "./browser-kit.js";

const suite = browserSuite({
  name: "admin forms",
  tests: "admin forms",
  build: () => buildUi("admin-ui"),
  timeout: 120_000,
  noise: [REFUSAL_NOISE],
});
const { open, startApp, stopAfterTest } = suite;

async function propertyOf(url: string) {
  const client = new ApiClient(url);
  await client.login(MANAGER.username, MANAGER.password);
  return (await client.get("/api/property")).body as { timezone: string; slug: string };
}

describe.skipIf(suite.skip)("admin forms", () => {
  it("shows the appliance's refusal beside the field it names, in the form's words", async () => {
    const app = await startApp();
    await setUpManager(app, "Casa Azul");
    const { page, problems } = await open();
    await signIn(page, app.url);
    await navigation(page).getByRole("link", { name: t.nav.property }).click();
    const form = page.locator("form");
    await form.getByLabel(t.property.slug).waitFor();

    // The page's own check would stop a bad web address name; make the page and the
    // appliance disagree by changing the request on its way, so the appliance refuses it.
    await page.route("**/api/property", async (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      await route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), slug: "Casa Azul!" }) });
    });
    await form.getByLabel(t.property.slug).fill("casa-azul-lisboa");
    await form.getByRole("button", { name: t.property.save }).click();

    const slugField = form.locator(".field", { has: page.getByLabel(t.property.slug) });
    const beside = slugField.locator(".field-error");
    await beside.waitFor();
    const said = await beside.innerText();
    expect(said.startsWith(`${t.property.slug} must be`)).toBe(true);
    expect(said).not.toMatch(/\bslug\b|request body/i);
    await expect(page.getByLabel(t.property.slug).getAttribute("aria-invalid")).resolves.toBe("true");
    // Above the form only a pointer to the fields, never the API's summary.
    const alert = await form.getByRole("alert").innerText();
    expect(alert).toBe(t.errors.fixFields);
    await expect(form.locator(".field-error").count()).resolves.toBe(1);
    await screenshot(page, "property-appliance-error", "desktop");
    expect((await propertyOf(app.url)).slug).toBe("casa-azul");
    expect(problems()).toEqual([]);
  });

  it("finds a timezone by its city and saves it", async () => {
    const app = await startApp();
    await setUpManager(app, "Casa Azul");
    const { page, problems } = await open("phone");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/property`);

    const timezone = page.getByRole("combobox", { name: t.property.timezone });
    await timezone.fill("Rome");
    const rome = page.getByRole("option", { name: "Europe / Rome" });
    await rome.waitFor();
    await screenshot(page, "property-timezone-search", "phone");
    await rome.click();
    await expect(timezone.inputValue()).resolves.toBe("Europe / Rome");
    await page.getByText(/It is \d\d:\d\d there now/).waitFor();

    // By keyboard: type, arrow down to the match, Enter picks it (and does not submit).
    await timezone.fill("new york");
    await page.getByRole("option", { name: "America / New York" }).waitFor();
    await timezone.press("ArrowDown");
    await timezone.press("ArrowUp");
    await timezone.press("Enter");
    await expect(timezone.inputValue()).resolves.toBe("America / New York");
    await expect(page.getByText(t.property.saved).count()).resolves.toBe(0);

    // Nothing matches: the list says so, and leaving the field keeps the zone chosen.
    await timezone.fill("Atlantis");
    await page.getByText(t.timezone.noMatch("Atlantis")).waitFor();
    await page.getByLabel(t.property.name).focus();
    await expect(timezone.inputValue()).resolves.toBe("America / New York");

    await page.getByRole("button", { name: t.property.save }).click();
    await page.getByText(t.property.saved).waitFor();
    expect((await propertyOf(app.url)).timezone).toBe("America/New_York");
    expect(problems()).toEqual([]);
  });

  it("guesses the property's timezone from the browser at setup", async () => {
    const app = await startApp();
    const { page, problems } = await open("tablet", { timezoneId: "Asia/Tokyo" });
    await page.goto(`${app.url}/admin/setup?token=${app.setupToken()}`);
    // The intro's "two short steps" and the stepper agree (counted once the page is drawn).
    await page.getByText(t.setup.stepOf(1, 2)).waitFor({ state: "attached" });
    await expect(page.locator(".stepper-item").count()).resolves.toBe(t.setup.steps.length);
    expect(t.setup.steps.length).toBe(2);

    await expect(page.getByRole("combobox", { name: t.setup.timezone }).inputValue()).resolves.toBe("Asia / Tokyo");
    await page.getByLabel(t.setup.propertyName).fill("Ryokan Sakura");
    await page.getByRole("button", { name: t.setup.next }).click();
    await page.getByLabel(t.setup.managerName).fill("Mara Manager");
    await page.getByLabel(t.setup.username).fill("ma");
    await page.getByLabel(t.setup.password, { exact: true }).fill("sea view 2024");
    await page.getByLabel(t.setup.passwordAgain).fill("sea view 2024");
    await page.getByRole("button", { name: t.setup.create }).click();
    await page.getByText(t.validation.tooShort(t.setup.username, 3)).waitFor();
    await page.getByLabel(t.setup.username).fill(MANAGER.username);
    await page.getByLabel(t.setup.password, { exact: true }).fill(MANAGER.password);
    await page.getByLabel(t.setup.passwordAgain).fill(MANAGER.password);
    await page.getByRole("button", { name: t.setup.create }).click();
    await page.getByRole("heading", { name: t.setup.doneHeading }).waitFor();
    expect((await propertyOf(app.url)).timezone).toBe("Asia/Tokyo");
    expect(problems()).toEqual([]);
  });

  it("lets a staff member link their own Telegram from Home", async () => {
    const world = stopAfterTest(await startTelegramWorld({ uiRoot: suite.uiRoot() }));
    const { password } = await addMemberWithLogin(world.manager, "staff", "sam", "Sam Porter");
    const { page, problems } = await open("phone");
    await signIn(page, world.app.url, "sam", password);

    const card = page.getByRole("region", { name: t.home.myTelegramTitle });
    await card.getByRole("button", { name: t.team.linkMine }).click();
    const qr = card.getByRole("img", { name: t.team.linkQrAltSelf });
    await qr.waitFor();
    await waitUntil(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 5_000, "QR image decoded");
    const linkUrl = await card.getByLabel(t.team.linkLabel, { exact: true }).inputValue();
    await screenshot(page, "home-my-telegram", "phone", { fullPage: true });

    const sam = world.tg.user(6301, { firstName: "Sam" });
    await sam.send(`/start ${new URL(linkUrl).searchParams.get("start")}`);
    await sam.waitFor(/now linked/);
    await card.getByText(t.home.myTelegramLinked("Sam")).waitFor({ timeout: 10_000 });
    await expect(qr.count()).resolves.toBe(0);
    expect(problems()).toEqual([]);
  }, 60_000);
});
