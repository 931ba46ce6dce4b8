// Dragging in the browser tests as people do it: with a mouse (pointer events from
// Playwright's mouse) and with a finger (touch events through Chromium's DevTools
// protocol, as a phone's screen sends them).
import type { Locator, Page } from "playwright-core";

/** Drags `handle` with the pointer (mouse button held) to the vertical middle of `target`, or just above it. */
export async function dragTo(page: Page, handle: Locator, target: Locator, where: "above" | "below" = "above") {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const y = where === "above" ? to.y + 4 : to.y + to.height - 4;
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((y - from.y - from.height / 2) * i) / 8);
  await page.mouse.up();
}

/** The same with a finger: touch events through the DevTools protocol, as a phone's screen sends them. */
export async function fingerDrag(page: Page, handle: Locator, target: Locator) {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const x = from.x + from.width / 2;
  const y0 = from.y + from.height / 2;
  const y1 = to.y + 4;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 10; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 10 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

