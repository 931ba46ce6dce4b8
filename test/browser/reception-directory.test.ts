// The Guest Services Directory's editor in headless Chromium, as a manager uses it: places
// added in two categories, reordered by keyboard, by mouse and by finger, a category
// renamed, a place edited and deleted; the order survives a reload; a refused move says why.
import { describe, expect, it } from "vitest";
import { en as t } from "../../admin-ui/src/messages/en/index.js";
import { setUpManager } from "../helpers/app.js";
import { browserSuite, buildUi, signIn } from "./browser-kit.js";
import { dragTo, fingerDrag } from "./drag-kit.js";

const suite = browserSuite({ name: "Guest Services Directory editor", tests: "directory editor", build: () => buildUi("admin-ui"), timeout: 120_000 });
const { open, startApp } = suite;

describe.skipIf(suite.skip)("the Guest Services Directory editor", () => {
  it("builds the Guest Services Directory and keeps its order after a reload", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    const { page, problems } = await open("desktop");
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/reception/directory`);
    const form = page.locator("section", { has: page.getByRole("heading", { name: t.directory.addPlace }) });
    await form.waitFor();
    for (const [category, name, phone] of [
      ["Taxi", "City Cabs", "+351 21 000 0000"],
      ["Taxi", "Night Taxi", ""],
      ["Restaurants", "Casa Lisboa", ""],
      ["Restaurants", "O Pescador", ""],
    ] as const) {
      await form.getByLabel(t.directory.name).fill(name);
      await form.getByLabel(t.directory.category).fill(category);
      await form.getByLabel(t.directory.phone).fill(phone);
      await form.getByRole("button", { name: t.directory.add }).click();
      await page.locator(`[data-place-id]`, { hasText: name }).waitFor();
    }
    // A bad website: the appliance's sentence beside the field, nothing added.
    await form.getByLabel(t.directory.name).fill("Farmácia");
    await form.getByLabel(t.directory.category).fill("Pharmacy");
    await form.getByLabel(t.directory.website).fill("javascript:alert(1)");
    await form.getByRole("button", { name: t.directory.add }).click();
    await form.getByText(/Website must be a full http/).waitFor();
    await form.getByLabel(t.directory.website).fill("");

    const names = async () =>
      ((await manager.get("/api/places")).body.categories as any[]).map((c) => [c.name, c.places.map((p: any) => p.name)]);
    expect(await names()).toEqual([
      ["Taxi", ["City Cabs", "Night Taxi"]],
      ["Restaurants", ["Casa Lisboa", "O Pescador"]],
    ]);

    // Keyboard: Night Taxi up; then City Cabs down past the end of Taxi into Restaurants.
    await page.getByRole("button", { name: t.directory.placeHandle("Night Taxi") }).focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(names).toEqual([
      ["Taxi", ["Night Taxi", "City Cabs"]],
      ["Restaurants", ["Casa Lisboa", "O Pescador"]],
    ]);
    await page.getByRole("button", { name: t.directory.moveDown("City Cabs") }).click();
    await expect.poll(names).toEqual([
      ["Taxi", ["Night Taxi"]],
      ["Restaurants", ["City Cabs", "Casa Lisboa", "O Pescador"]],
    ]);
    // Pointer: O Pescador dragged into Taxi, below Night Taxi; then Restaurants dragged above Taxi.
    await dragTo(page, page.getByRole("button", { name: t.directory.placeHandle("O Pescador") }), page.locator("[data-place-id]", { hasText: "Night Taxi" }), "below");
    await expect.poll(names).toEqual([
      ["Taxi", ["Night Taxi", "O Pescador"]],
      ["Restaurants", ["City Cabs", "Casa Lisboa"]],
    ]);
    const restaurants = await page.locator("[data-category-id]", { hasText: "Restaurants" }).getAttribute("data-category-id");
    await dragTo(page, page.getByRole("button", { name: t.directory.categoryHandle("Restaurants") }), page.locator("[data-category-id]").first());
    await expect.poll(names).toEqual([
      ["Restaurants", ["City Cabs", "Casa Lisboa"]],
      ["Taxi", ["Night Taxi", "O Pescador"]],
    ]);
    await page.getByText(t.directory.orderSaved, { exact: false }).first().waitFor({ state: "attached" });

    // Rename a category, edit a place, delete one.
    await page.getByRole("button", { name: t.directory.renameCategory("Taxi") }).click();
    await page.getByLabel(t.directory.categoryName).fill("Taxis");
    await page.getByRole("button", { name: t.directory.saveName }).click();
    await page.getByRole("heading", { name: "Taxis", level: 3 }).waitFor();
    await page.getByRole("button", { name: t.directory.editPlace("Casa Lisboa") }).click();
    const editing = page.locator("[data-place-id]", { hasText: "Casa Lisboa" });
    await editing.getByLabel(t.directory.address).fill("Rua Augusta 1, Lisboa");
    await editing.getByLabel(t.directory.latitude).fill("38,7107");
    await editing.getByLabel(t.directory.longitude).fill("-9.1366");
    await editing.getByRole("button", { name: t.directory.save }).click();
    await page.getByText("Rua Augusta 1, Lisboa").waitFor();
    await page.getByRole("button", { name: t.directory.deletePlace("City Cabs") }).click();
    await page.getByRole("dialog").getByRole("button", { name: t.directory.deleteConfirm }).click();
    await page.locator("[data-place-id]", { hasText: "City Cabs" }).waitFor({ state: "detached" });

    await page.reload();
    await page.locator("[data-place-id]").first().waitFor();
    const shown = await page.locator("[data-category-id]").evaluateAll((boxes) =>
      boxes.map((box) => [box.querySelector("h3")!.textContent, Array.from(box.querySelectorAll(".place-name")).map((n) => n.textContent)]),
    );
    const expected = [
      ["Restaurants", ["Casa Lisboa"]],
      ["Taxis", ["Night Taxi", "O Pescador"]],
    ];
    expect(shown).toEqual(expected);
    expect(await names()).toEqual(expected);
    const place = (await manager.get("/api/places")).body.categories[0].places[0];
    expect(place).toMatchObject({ address: "Rua Augusta 1, Lisboa", latitude: 38.7107, longitude: -9.1366 });
    expect(restaurants).toEqual(expect.any(String));

    // Someone removes a place behind the page's back: the next move is refused with a
    // sentence, and the list shows what is stored.
    const gone = (await manager.get("/api/places")).body.categories[1].places[1];
    expect(gone.name).toBe("O Pescador");
    await manager.delete(`/api/places/${gone.id}`);
    await page.getByRole("button", { name: t.directory.moveUp("O Pescador") }).click();
    const refusal = page.locator(".directory-editor .alert-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/every category and every place/);
    await page.locator("[data-place-id]", { hasText: "O Pescador" }).waitFor({ state: "detached" });
    expect(await names()).toEqual([
      ["Restaurants", ["Casa Lisboa"]],
      ["Taxis", ["Night Taxi"]],
    ]);
    expect(problems().filter((p) => !/status of 400/.test(p))).toEqual([]);
  });

  it("reorders places with a finger on a phone", async () => {
    const app = await startApp();
    const manager = await setUpManager(app);
    for (const [category, name] of [
      ["Taxi", "City Cabs"],
      ["Taxi", "Night Taxi"],
    ] as const) await manager.post("/api/places", { category, name });
    const { page, problems } = await open("phone", { hasTouch: true, isMobile: true });
    await signIn(page, app.url);
    await page.goto(`${app.url}/admin/reception/directory`);
    await page.locator("[data-place-id]").first().waitFor();
    await page.locator("[data-place-id]").first().waitFor();
    await fingerDrag(page, page.getByRole("button", { name: t.directory.placeHandle("Night Taxi") }), page.locator("[data-place-id]", { hasText: "City Cabs" }));
    await expect
      .poll(async () => (await manager.get("/api/places")).body.categories[0].places.map((p: any) => p.name))
      .toEqual(["Night Taxi", "City Cabs"]);
    expect(problems()).toEqual([]);
  });
});
