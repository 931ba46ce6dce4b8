/** A registered device. Its key is stored encrypted (see secrets.ts), never in clear. */
export interface DeviceRow {
  id: string;
  name: string;
  room_id: string | null;
  protocol: string;
  kind: string;
  /** The vendor's device id. */
  device_id: string;
  ip: string;
  port: number | null;
  version: string | null;
  gangs: number | null;
  /** The local key (Tuya) or device key (eWeLink), AES-256-GCM with the box's device key file; null in DIY mode. */
  secret: string | null;
  last_seen_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DevicesTables {
  devices: DeviceRow;
}
