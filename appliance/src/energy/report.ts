import type { EnergyDevice, EnergyReport, EnergyRoom } from "@innbox/protocol";
import type { Db } from "../db/index.js";
import { addDays, localDate } from "../time/index.js";
import { dayBounds, hours, occupiedSpans, onSpans, perDay, subtract, sumHours, type PowerChange, type Span } from "./intervals.js";
import { energyTexts as texts } from "./messages.js";
import { energyRepository as repo } from "./repository.js";

/** A device as the registry lists it now (its current room is where it is reported). */
export interface EnergyDeviceInfo {
  id: string;
  name: string;
  roomId?: string | undefined;
  kind: EnergyDevice["kind"];
}

export interface ReportSources {
  db: Db;
  clock: () => number;
  devices: () => Promise<EnergyDeviceInfo[]>;
  rooms: () => Promise<Array<{ id: string; name: string }>>;
  /** Confirmed stays overlapping [from, to] (check-out after `from`, check-in on or before `to`). */
  stays: (from: string, to: string) => Promise<Array<{ roomId: string; checkIn: string; checkOut: string }>>;
  times: () => Promise<{ timeZone: string; checkInTime: string; checkOutTime: string }>;
}

export async function energyReport(src: ReportSources, query: { from?: string | undefined; days: number }): Promise<EnergyReport> {
  const times = await src.times();
  const { timeZone } = times;
  const now = src.clock();
  // By default the range ends today (six days before it for a week).
  const from = query.from ?? addDays(localDate(now, timeZone), 1 - query.days);
  const days = Array.from({ length: query.days }, (_, i) => addDays(from, i));
  const last = days[days.length - 1]!;
  const bounds = dayBounds(days, addDays(last, 1), timeZone);
  const start = bounds[0]!;
  const end = bounds[bounds.length - 1]!;
  // Not past now: the future has no on-time yet.
  const until = Math.min(end, now);

  const [devices, rooms, stays, rows] = await Promise.all([
    src.devices(),
    src.rooms(),
    // From the day before: a stay leaving on `from` has its guest in the room until the check-out time.
    src.stays(addDays(from, -1), last),
    repo.between(src.db, new Date(start).toISOString(), new Date(end).toISOString()),
  ]);

  const changes = new Map<string, PowerChange[]>();
  for (const row of rows) {
    let list = changes.get(row.device_id);
    if (!list) changes.set(row.device_id, (list = []));
    list.push({ at: Date.parse(row.at), on: row.on === null ? null : row.on === 1, online: row.online === 1 });
  }

  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
  const order = [...rooms.map((r) => r.id as string | null), null];
  const byRoom = new Map<string | null, EnergyDeviceInfo[]>();
  for (const device of devices) {
    if (device.kind === "sensor") continue; // reports, never on or off
    const roomId = device.roomId && roomNames.has(device.roomId) ? device.roomId : null;
    let list = byRoom.get(roomId);
    if (!list) byRoom.set(roomId, (list = []));
    list.push(device);
  }

  const report: EnergyRoom[] = [];
  for (const roomId of order) {
    const roomDevices = byRoom.get(roomId);
    if (!roomDevices?.length) continue;
    const roomStays = roomId === null ? [] : stays.filter((s) => s.roomId === roomId);
    const occupied = occupiedSpans(roomStays, times);
    const rows = roomDevices.map((device) => {
      const spans = onSpans(
        (changes.get(device.id) ?? []).sort((a, b) => a.at - b.at).map((c) => (c.at < start ? { ...c, at: start } : c)),
        until,
      );
      // A device in no room is never in an empty room.
      const vacant: Span[] = roomId === null ? [] : subtract(spans, occupied);
      return {
        id: device.id,
        name: device.name,
        kind: device.kind,
        onHours: perDay(spans, bounds).map(hours),
        onHoursWhileVacant: perDay(vacant, bounds).map(hours),
      };
    });
    report.push({
      roomId,
      name: roomId === null ? texts.noRoom : roomNames.get(roomId)!,
      occupied: days.map((day) => roomStays.some((s) => s.checkIn <= day && day < s.checkOut)),
      devices: rows,
      onHours: days.map((_, i) => sumHours(rows.map((d) => d.onHours[i]!))),
      onHoursWhileVacant: days.map((_, i) => sumHours(rows.map((d) => d.onHoursWhileVacant[i]!))),
    });
  }

  return {
    timeZone,
    days,
    rooms: report,
    totals: {
      onHours: sumHours(report.flatMap((r) => r.onHours)),
      onHoursWhileVacant: sumHours(report.flatMap((r) => r.onHoursWhileVacant)),
    },
  };
}
