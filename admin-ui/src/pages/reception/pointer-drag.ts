// Dragging with pointer events, so it works with a mouse, a pen and a finger alike
// (HTML5 drag and drop never fires on phones). The window hears the moves, not the handle:
// a place dragged into another category is drawn anew there, and its old handle, gone
// from the page, would hear nothing more. The list decides where the item goes.

export interface PointerDrag {
  /** The pointer moved to (x, y) in the window. */
  move(x: number, y: number): void;
  /** Let go: keep the new place. */
  drop(): void;
  /** The browser took the pointer away (a scroll, a call): put things back. */
  cancel(): void;
}

// Under the top bar, and above the editor's Save bar.
const TOP_EDGE = 110;
const BOTTOM_EDGE = 170;
const STEP = 16;

/** Starts a drag from a pointerdown on a handle; `drag` hears every move and the end. */
export function startPointerDrag(event: PointerEvent, drag: PointerDrag): void {
  if (event.button !== 0) return;
  event.preventDefault();
  const id = event.pointerId;
  const onMove = (moved: PointerEvent) => {
    if (moved.pointerId !== id) return;
    moved.preventDefault();
    // Near the window's top or bottom edge the page scrolls, so a long list can be crossed.
    if (moved.clientY < TOP_EDGE) window.scrollBy(0, -STEP);
    else if (moved.clientY > window.innerHeight - BOTTOM_EDGE) window.scrollBy(0, STEP);
    drag.move(moved.clientX, moved.clientY);
  };
  const finish = (ended: PointerEvent) => {
    if (ended.pointerId !== id) return;
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", finish);
    window.removeEventListener("pointercancel", finish);
    if (ended.type === "pointerup") drag.drop();
    else drag.cancel();
  };
  window.addEventListener("pointermove", onMove);
  window.addEventListener("pointerup", finish);
  window.addEventListener("pointercancel", finish);
}
