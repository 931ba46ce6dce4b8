import type { Logger } from "pino";
import {
  isIpv4,
  TUYA_VERSIONS,
  type CreateDeviceBody,
  type Device,
  type ImportDevicesBody,
  type SetDeviceStateBody,
  type UpdateDeviceBody,
} from "@innbox/protocol";
import { withoutControlCharacters } from "@innbox/protocol/rules";
import { newId, type Db } from "../db/index.js";
import { AppError } from "../http/index.js";
import type { Timers } from "../time/index.js";
import type { DeviceCommand, DeviceConnection, DeviceKind, DeviceProtocol, TuyaVersion } from "./adapter.js";
import type { DeviceHub, LiveDevice } from "./device-hub.js";
import { devicesTexts as texts } from "./messages.js";
import { devicesRepository as repo } from "./repository.js";
import type { DeviceSecrets } from "./secrets.js";
import type { DeviceRow } from "./tables.js";

type ExportEntry = Extract<ImportDevicesBody, unknown[]>[number];

/** A device heard on the LAN. */
export interface Sighting {
  protocol: DeviceProtocol;
  deviceId: string;
  ip: string;
  version?: TuyaVersion;
  encrypted?: boolean;
}

/** Listens on the LAN for devices announcing themselves until the returned function is called. */
export type Discoverer = (found: (sighting: Sighting) => void) => () => void;

export interface DevicesServiceDeps {
  db: Db;
  timers: Timers;
  log: Logger;
  hub: DeviceHub;
  secrets: DeviceSecrets;
  roomExists: (roomId: string) => Promise<boolean>;
  scenariosUsing: (deviceId: string) => Promise<string[]>;
  discoverers: Discoverer[];
  /** How long discoverDevices listens. */
  discoverMs: number;
}

const SEEN_WRITE_MS = 60_000;

/** Tuya's category codes (tinytuya's devices.json) for what is not a plain switch. */
const TUYA_CATEGORY_KINDS: Record<string, DeviceKind> = { dj: "light", dd: "light", xdd: "light", fwd: "light", tgq: "light", tgkg: "light", qn: "heater", rs: "heater", wsdcg: "sensor", mcs: "sensor", pir: "sensor" };

export function createDevicesService(deps: DevicesServiceDeps) {
  const { db, hub } = deps;
  const lastSeenWritten = new Map<string, number>();
  /** Devices heard lately (discovery), for imports that lack an address. */
  const heard = new Map<string, Sighting & { at: number }>();

  function connectionOf(row: DeviceRow): DeviceConnection {
    const secret = row.secret ? deps.secrets.open(row.secret) : undefined;
    return {
      id: row.id,
      protocol: row.protocol as DeviceProtocol,
      kind: row.kind as DeviceKind,
      deviceId: row.device_id,
      ip: row.ip,
      ...(row.port ? { port: row.port } : {}),
      ...(row.version ? { version: row.version as TuyaVersion } : {}),
      ...(secret !== undefined ? (row.protocol === "tuya" ? { localKey: secret } : { deviceKey: secret }) : {}),
      ...(row.gangs ? { gangs: row.gangs } : {}),
    };
  }

  function toApiDevice(row: DeviceRow, live: LiveDevice | undefined = hub.live(row.id)): Device {
    const lastSeen = live?.lastSeenAt !== undefined ? new Date(live.lastSeenAt).toISOString() : row.last_seen_at;
    return {
      id: row.id,
      name: row.name,
      ...(row.room_id ? { roomId: row.room_id } : {}),
      protocol: row.protocol as Device["protocol"],
      kind: row.kind as Device["kind"],
      online: live?.online ?? false,
      state: live?.state ?? {},
      ...(live?.lastError ? { lastError: live.lastError } : {}),
      ...(live?.lastError && live.problem ? { problem: live.problem } : {}),
      deviceId: row.device_id,
      ip: row.ip,
      ...(row.port ? { port: row.port } : {}),
      ...(row.version ? { version: row.version as Device["version"] } : {}),
      ...(row.gangs ? { gangs: row.gangs } : {}),
      encrypted: row.secret !== null,
      ...(lastSeen ? { lastSeenAt: lastSeen } : {}),
    };
  }

  async function rowOf(id: string): Promise<DeviceRow> {
    const row = await repo.device(db, id);
    if (!row) throw AppError.notFound(texts.notFound);
    return row;
  }

  async function checkRoom(roomId: string | null | undefined) {
    if (roomId && !(await deps.roomExists(roomId))) throw AppError.badRequest(texts.roomNotFound, [{ field: "roomId", message: texts.roomNotFound }]);
  }

  async function checkFree(protocol: string, deviceId: string, exceptId?: string) {
    const other = await repo.byVendorId(db, protocol, deviceId);
    if (other && other.id !== exceptId) throw AppError.conflict(texts.taken(other.name));
  }

  const nowIso = () => new Date(deps.timers.now()).toISOString();

  /** Stores a device's new address (and Tuya version); `reconnect`: the hub connects there. */
  async function follow(row: DeviceRow, ip: string, version: TuyaVersion | undefined, reconnect: boolean): Promise<void> {
    const versionChanged = version !== undefined && row.protocol === "tuya" && row.version !== version;
    if (row.ip === ip && !versionChanged) return;
    const set: Partial<DeviceRow> = { ip, updated_at: nowIso(), ...(versionChanged ? { version } : {}) };
    await repo.update(db, row.id, set);
    deps.log.info({ device: row.id, from: row.ip, to: ip, version: set.version ?? row.version }, "device found at a new address; following it");
    if (reconnect) hub.add(connectionOf({ ...row, ...set }), row.room_id);
  }

  async function insert(body: CreateDeviceBody): Promise<DeviceRow> {
    await checkRoom(body.roomId);
    await checkFree(body.protocol, body.deviceId);
    const at = nowIso();
    const secret = body.protocol === "tuya" ? body.localKey : body.deviceKey;
    const row: DeviceRow = {
      id: newId("d_"),
      name: body.name,
      room_id: body.roomId ?? null,
      protocol: body.protocol,
      kind: body.kind ?? "switch",
      device_id: body.deviceId,
      ip: body.ip,
      port: body.protocol === "ewelink" ? (body.port ?? null) : null,
      version: body.protocol === "tuya" ? body.version : null,
      gangs: body.gangs ?? null,
      secret: secret !== undefined ? deps.secrets.seal(secret) : null,
      last_seen_at: null,
      created_at: at,
      updated_at: at,
    };
    await repo.insert(db, row);
    hub.add(connectionOf(row), row.room_id);
    deps.log.info({ device: row.id, protocol: row.protocol, kind: row.kind }, "device added");
    return row;
  }

  /** One entry of an eWeLink account's device list: its key taken once, its address from the LAN. */
  async function importEwelink(entry: ExportEntry): Promise<Device | { name: string; reason: string }> {
    const id = (entry.deviceid ?? "").trim().toLowerCase();
    const name = (typeof entry.name === "string" && withoutControlCharacters(entry.name).replace(/\s+/g, " ").trim()) || `eWeLink ${id}`;
    if (!/^[0-9a-f]{10}$/.test(id)) return { name, reason: texts.importNoId };
    const sighting = heard.get(`ewelink ${id}`);
    const ip = (typeof entry.ip === "string" && entry.ip.trim()) || sighting?.ip;
    if (!ip) return { name, reason: texts.importNoIpEwelink };
    if (!isIpv4(ip)) return { name, reason: texts.importBadIp(ip) };
    const existing = await repo.byVendorId(db, "ewelink", id);
    if (existing) return { name, reason: texts.importExists(existing.name) };
    const params = (entry as { params?: { switches?: unknown[] } }).params;
    const gangs = Array.isArray(params?.switches) && params.switches.length > 1 ? Math.min(params.switches.length, 8) : undefined;
    const key = typeof entry.devicekey === "string" && entry.devicekey.trim() ? entry.devicekey.trim() : undefined;
    const row = await insert({ protocol: "ewelink", name: [...name].slice(0, 60).join(""), deviceId: id, ip, ...(key ? { deviceKey: key } : {}), ...(gangs ? { gangs } : {}) });
    return toApiDevice(row);
  }

  return {
    toApiDevice,
    /** Connects every registered device (at start). */
    async connectAll(): Promise<void> {
      for (const row of await repo.devices(db)) {
        try {
          hub.add(connectionOf(row), row.room_id);
        } catch (err) {
          deps.log.error({ err, device: row.id }, "device could not be connected (its key may be unreadable)");
        }
      }
    },
    async view(id: string): Promise<Device> {
      return toApiDevice(await rowOf(id));
    },
    async list(): Promise<Device[]> {
      return (await repo.devices(db)).map((row) => toApiDevice(row));
    },
    async create(body: CreateDeviceBody): Promise<Device> {
      return toApiDevice(await insert(body));
    },
    async update(id: string, body: UpdateDeviceBody): Promise<Device> {
      const row = await rowOf(id);
      const tuyaOnly = (["version", "localKey"] as const).find((k) => body[k] !== undefined && row.protocol !== "tuya");
      const ewelinkOnly = (["deviceKey", "port"] as const).find((k) => body[k] !== undefined && row.protocol !== "ewelink");
      const wrong = tuyaOnly ?? ewelinkOnly;
      if (wrong) throw AppError.badRequest(texts.wrongProtocolField(wrong, row.protocol), [{ field: wrong, message: texts.wrongProtocolField(wrong, row.protocol) }]);
      await checkRoom(body.roomId);
      const set: Partial<DeviceRow> = {};
      if (body.name !== undefined) set.name = body.name;
      if (body.roomId !== undefined) set.room_id = body.roomId;
      if (body.kind !== undefined) set.kind = body.kind;
      if (body.ip !== undefined) set.ip = body.ip;
      if (body.gangs !== undefined) set.gangs = body.gangs;
      if (body.version !== undefined) set.version = body.version;
      if (body.port !== undefined) set.port = body.port;
      if (body.localKey !== undefined) set.secret = deps.secrets.seal(body.localKey);
      if (body.deviceKey !== undefined) set.secret = body.deviceKey === null ? null : deps.secrets.seal(body.deviceKey);
      if (!Object.keys(set).length) return toApiDevice(row);
      set.updated_at = nowIso();
      await repo.update(db, id, set);
      const next = { ...row, ...set };
      const reconnect = (["ip", "port", "version", "secret", "kind", "gangs"] as const).some((k) => set[k] !== undefined && set[k] !== row[k]);
      if (reconnect) hub.add(connectionOf(next), next.room_id);
      else hub.setRoom(id, next.room_id);
      return toApiDevice(next);
    },
    async remove(id: string): Promise<void> {
      await rowOf(id);
      const scenarios = await deps.scenariosUsing(id);
      if (scenarios.length) throw AppError.conflict(texts.inScenarios(scenarios));
      hub.remove(id);
      await repo.delete(db, id);
    },
    async setState(id: string, body: SetDeviceStateBody): Promise<Device> {
      const row = await rowOf(id);
      if (row.kind === "sensor") throw AppError.badRequest(texts.sensorReadOnly);
      if (body.brightness !== undefined && row.kind !== "light") throw AppError.badRequest(texts.notDimmable, [{ field: "brightness", message: texts.notDimmable }]);
      const gangs = row.gangs ?? 1;
      if (body.gang !== undefined && body.gang >= gangs) throw AppError.badRequest(texts.noSuchGang(gangs), [{ field: "gang", message: texts.noSuchGang(gangs) }]);
      const command: DeviceCommand = { ...(body.on !== undefined ? { on: body.on } : {}), ...(body.brightness !== undefined ? { brightness: body.brightness } : {}), ...(body.gang !== undefined ? { gang: body.gang } : {}) };
      const live = await hub.command(id, command);
      const now = await repo.device(db, id);
      if (!now) throw AppError.notFound(texts.removedWhileQueued);
      return toApiDevice(now, live);
    },

    /** A device announced itself: remembered for imports, and a registered one that moved is followed. */
    async sighted(sighting: Sighting): Promise<void> {
      heard.set(`${sighting.protocol} ${sighting.deviceId}`, { ...sighting, at: deps.timers.now() });
      const row = await repo.byVendorId(db, sighting.protocol, sighting.deviceId);
      if (row) await follow(row, sighting.ip, sighting.version, true);
    },
    /** The adapter found its device at another address itself: stored, so a restart goes there. */
    async moved(id: string, ip: string, version?: TuyaVersion): Promise<void> {
      const row = await repo.device(db, id);
      if (row) await follow(row, ip, version, false);
    },
    /** Notes when a device last answered: on disk at most once a minute (the live value is the hub's), not on every push. */
    async seen(id: string, at: number): Promise<void> {
      const written = lastSeenWritten.get(id);
      if (written !== undefined && at - written < SEEN_WRITE_MS) return;
      lastSeenWritten.set(id, at);
      await repo.update(db, id, { last_seen_at: new Date(at).toISOString() });
    },

    async discover(): Promise<{ devices: Array<Sighting & { knownAs?: string }>; seconds: number }> {
      const found = new Map<string, Sighting>();
      const stops = deps.discoverers.map((listen) => listen((s) => found.set(`${s.protocol} ${s.deviceId}`, s)));
      await new Promise<void>((resolve) => deps.timers.setTimeout(resolve, deps.discoverMs));
      for (const stop of stops) stop();
      const devices: Array<Sighting & { knownAs?: string }> = [];
      for (const sighting of found.values()) {
        void this.sighted(sighting);
        const known = await repo.byVendorId(db, sighting.protocol, sighting.deviceId);
        devices.push({ ...sighting, ...(known ? { knownAs: known.id } : {}) });
      }
      return { devices, seconds: deps.discoverMs / 1000 };
    },

    async importDevices(body: ImportDevicesBody): Promise<{ devices: Device[]; skipped: Array<{ name: string; reason: string }> }> {
      const entries = Array.isArray(body) ? body : body.devices;
      const added: Device[] = [];
      const skipped: Array<{ name: string; reason: string }> = [];
      for (const entry of entries) {
        if (typeof entry.deviceid === "string") {
          const result = await importEwelink(entry);
          if ("reason" in result) skipped.push(result);
          else added.push(result);
          continue;
        }
        const id = typeof entry.id === "string" ? entry.id.trim() : "";
        const name = (typeof entry.name === "string" && withoutControlCharacters(entry.name).replace(/\s+/g, " ").trim()) || (id ? texts.importUnnamed(id) : "?");
        if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
          skipped.push({ name, reason: texts.importNoId });
          continue;
        }
        if (typeof entry.key !== "string" || !entry.key) {
          skipped.push({ name, reason: texts.importNoKey });
          continue;
        }
        const sighting = heard.get(`tuya ${id}`);
        const ip = (typeof entry.ip === "string" && entry.ip.trim()) || sighting?.ip;
        if (!ip) {
          skipped.push({ name, reason: texts.importNoIp });
          continue;
        }
        if (!isIpv4(ip)) {
          skipped.push({ name, reason: texts.importBadIp(ip) });
          continue;
        }
        const rawVersion = entry.version ?? entry.ver;
        const version = rawVersion !== undefined && rawVersion !== "" ? String(rawVersion) : (sighting?.version ?? "3.3");
        if (!(TUYA_VERSIONS as readonly string[]).includes(version)) {
          skipped.push({ name, reason: texts.importBadVersion(version) });
          continue;
        }
        const existing = await repo.byVendorId(db, "tuya", id);
        if (existing) {
          skipped.push({ name, reason: texts.importExists(existing.name) });
          continue;
        }
        const kind = (typeof entry.category === "string" && TUYA_CATEGORY_KINDS[entry.category]) || "switch";
        const row = await insert({ protocol: "tuya", name: [...name].slice(0, 60).join(""), deviceId: id, localKey: entry.key, ip, version: version as TuyaVersion, kind });
        added.push(toApiDevice(row));
      }
      return { devices: added, skipped };
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
