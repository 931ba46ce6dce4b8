/**
 * One row per change of what a device counts as: on or not, answering or not. A device is
 * counted as on while its last row says `online` and `on`; `on` is null when unknown.
 */
export interface PowerChangeRow {
  seq?: number;
  device_id: string;
  /** ISO 8601, UTC. */
  at: string;
  on: number | null;
  online: number;
}

/** When the box last said it was running (at most once a minute): downtime ends on-time there. */
export interface EnergyHeartbeatRow {
  id: number;
  at: string;
}

export interface EnergyTables {
  energy_power_changes: PowerChangeRow;
  energy_heartbeat: EnergyHeartbeatRow;
}
