import type { Db } from "../db/index.js";
import type { DeviceRow } from "./tables.js";

/** The only code that touches the devices table. */
export const devicesRepository = {
  devices: (db: Db) => db.selectFrom("devices").selectAll().orderBy("name").orderBy("created_at").execute(),
  device: (db: Db, id: string) => db.selectFrom("devices").selectAll().where("id", "=", id).executeTakeFirst(),
  byVendorId: (db: Db, protocol: string, deviceId: string) =>
    db.selectFrom("devices").selectAll().where("protocol", "=", protocol).where("device_id", "=", deviceId).executeTakeFirst(),
  insert: (db: Db, row: DeviceRow) => db.insertInto("devices").values(row).execute(),
  update: (db: Db, id: string, set: Partial<DeviceRow>) => db.updateTable("devices").set(set).where("id", "=", id).execute(),
  delete: (db: Db, id: string) => db.deleteFrom("devices").where("id", "=", id).execute(),
  inRoom: (db: Db, roomId: string) => db.selectFrom("devices").select("id").where("room_id", "=", roomId).execute(),
};
