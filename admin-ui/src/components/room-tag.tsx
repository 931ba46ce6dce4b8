/**
 * A guest's room tag exactly as the appliance gives it (as the manager wrote it on the QR
 * code, e.g. "Room 12"): never re-cased or re-spaced, so it reads the same on every page.
 */
export function RoomTag({ tag }: { tag: string }) {
  return <span class="room-tag">{tag}</span>;
}
