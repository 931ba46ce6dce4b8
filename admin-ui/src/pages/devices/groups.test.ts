import type { Device, Room } from "@innbox/protocol";
import { describe, expect, it } from "vitest";
import { groupByRoom } from "./groups";

const device = (name: string, roomId?: string): Device => ({
  id: `d-${name}`,
  name,
  ...(roomId ? { roomId } : {}),
  protocol: "tuya",
  kind: "switch",
  online: true,
  state: {},
  deviceId: name,
  ip: "192.168.1.40",
  encrypted: true,
});
const room = (id: string, name: string) => ({ id, name }) as Room;

describe("devices room by room", () => {
  it("follows the rooms' order, sorts names within a room, leaves out empty rooms and puts the rest under No room", () => {
    const groups = groupByRoom(
      [device("Lamp", "r2"), device("Fan", "r2"), device("Garden", undefined), device("Heater", "r1"), device("Ghost", "gone")],
      [room("r1", "Room 12"), room("r2", "Room 14"), room("r3", "Suite")],
      "No room",
    );
    expect(groups.map((group) => [group.name, group.devices.map((d) => d.name)])).toEqual([
      ["Room 12", ["Heater"]],
      ["Room 14", ["Fan", "Lamp"]],
      ["No room", ["Garden", "Ghost"]],
    ]);
  });

  it("has no groups without devices", () => {
    expect(groupByRoom([], [room("r1", "Room 12")], "No room")).toEqual([]);
  });
});
