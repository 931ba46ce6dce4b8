import type { Device, Room } from "@innbox/protocol";

export interface DeviceGroup {
  id: string;
  name: string;
  devices: Device[];
}

/** The devices room by room, in the rooms' order, then those in no room (or a room not known here); names sorted within each. */
export function groupByRoom(devices: readonly Device[], rooms: readonly Room[], noRoom: string): DeviceGroup[] {
  const byName = (a: Device, b: Device) => a.name.localeCompare(b.name);
  const known = new Set(rooms.map((room) => room.id));
  const groups: DeviceGroup[] = rooms
    .map((room) => ({ id: room.id, name: room.name, devices: devices.filter((device) => device.roomId === room.id).sort(byName) }))
    .filter((group) => group.devices.length > 0);
  const rest = devices.filter((device) => !device.roomId || !known.has(device.roomId)).sort(byName);
  if (rest.length) groups.push({ id: "none", name: noRoom, devices: rest });
  return groups;
}
