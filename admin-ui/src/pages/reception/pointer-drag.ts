// Dragging with pointer events, so it works with a mouse, a pen and a finger alike
// (HTML5 drag and drop never fires on phones). The handle keeps the pointer until it is
// let go; the list decides where the item goes from the pointer's position.

export interface PointerDrag {
  /** The pointer moved to (x, y) in the window. */
  move(x: number, y: number): void;
  /** Let go: keep the new place. */
  drop(): void;
  /** The browser took the pointer away (a scroll, a call): put things back. */
  cancel(): void;
}

/** Starts a drag from a pointerdown on a handle; `drag` hears every move and the end. */
export function startPointerDrag(event: PointerEvent, drag: PointerDrag): void {
  if (event.button !== 0) return;
  const handle = event.currentTarget as HTMLElement;
  event.preventDefault();
  try {
    handle.setPointerCapture(event.pointerId);
  } catch {
    // A pointer that is already gone: the listeners below end the drag on the next event.
  }
  const id = event.pointerId;
  const onMove = (moved: PointerEvent) => {
    if (moved.pointerId !== id) return;
    moved.preventDefault();
    drag.move(moved.clientX, moved.clientY);
  };
  const finish = (ended: PointerEvent) => {
    if (ended.pointerId !== id) return;
    handle.removeEventListener("pointermove", onMove);
    handle.removeEventListener("pointerup", finish);
    handle.removeEventListener("pointercancel", finish);
    if (ended.type === "pointerup") drag.drop();
    else drag.cancel();
  };
  handle.addEventListener("pointermove", onMove);
  handle.addEventListener("pointerup", finish);
  handle.addEventListener("pointercancel", finish);
}
