// Moving things in a list, as dragging and the move buttons do.

/** A copy of `list` with the item at `from` moved to `to` (both clamped into the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

/** Where a dragged item goes among the others: how many of their middles lie above `y`. */
export function dropIndex(y: number, others: readonly DOMRect[]): number {
  return others.filter((rect) => rect.top + rect.height / 2 < y).length;
}

/** Alt+Arrow Up / Alt+Arrow Down: -1 or +1, else 0. */
export function keyboardStep(event: KeyboardEvent): -1 | 0 | 1 {
  if (!event.altKey || event.ctrlKey || event.metaKey) return 0;
  if (event.key === "ArrowUp") return -1;
  if (event.key === "ArrowDown") return 1;
  return 0;
}
