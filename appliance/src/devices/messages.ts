/** Every sentence the devices capability says to people. */
export const devicesTexts = {
  inScenarios: (names: string[]) =>
    `This device is used by ${names.length === 1 ? "the scenario" : "the scenarios"} ${names.map((n) => `“${n}”`).join(", ")}; change or remove ${names.length === 1 ? "it" : "them"} first.`,
  listSummary: "The devices with their state and whether they answer right now.",
  listAnswer: "Every device, by name.",
  createSummary:
    "Add a device on the LAN: Tuya (localKey and version, port 6668) or eWeLink (deviceKey, or none for DIY mode; port 8081). The key is kept encrypted and never sent back.",
  createAnswer: "The device as listed (offline until it first answers).",
  updateSummary: "Rename a device, move it to a room, or change its address, version or key.",
  updateAnswer: "The device as now stored.",
  deleteSummary: "Remove a device; commands still queued for it are answered 404.",
  deleteAnswer: "Removed.",
  setStateSummary:
    "Switch a device (on, or one gang of a multi-gang switch) or dim a light (brightness 0–100). Answers once the device confirmed, always within 15 s: 504 when it did not answer in time, 502 when it refused.",
  setStateAnswer: "The device with the state it confirmed.",
  importSummary:
    "Add the devices listed in a vendor tool's export: Tuya's (tinytuya's devices.json or snapshot.json, tuya-cli's list) or an eWeLink account's device list (its device keys taken once). Entries without an address take the one the device announces on the LAN.",
  importAnswer: "The devices added, and the entries skipped with why.",
  discoverSummary: "Listen on the LAN for a few seconds and list the devices that announce themselves (Tuya broadcasts, eWeLink mDNS).",
  discoverAnswer: "What answered, with the registered device each one is, if any.",

  notFound: "There is no such device; it may have been removed.",
  removedWhileQueued: "The device was removed before this command's turn; nothing was sent.",
  roomNotFound: "There is no such room; it may have been removed.",
  taken: (name: string) => `This device is already registered as "${name}".`,
  wrongProtocolField: (field: string, protocol: string) => `${field} does not apply to ${protocol === "tuya" ? "a Tuya" : "an eWeLink"} device.`,
  noSuchGang: (gangs: number) => `This switch has ${gangs === 1 ? "one gang (gang 0)" : `${gangs} gangs (0 to ${gangs - 1})`}.`,
  notDimmable: "Only lights dim: set the device's kind to light if it is one.",
  sensorReadOnly: "A sensor only reports; it cannot be switched.",
  timedOut: (seconds: number) => `The device did not confirm within ${seconds} seconds. It may be busy, off its Wi-Fi, or powered off; the command may still take effect.`,
  queueFull: "Too many commands are waiting for this device; wait for them to finish.",

  importNoId: "no device id",
  importNoKey: "no local key",
  importNoIp: "no IP address in the export and the device was not heard on the LAN: run Discover, or add it by hand with its address",
  importNoIpEwelink: "no address in the list and the device was not heard on the LAN: check that it is powered and on the property's Wi-Fi, then import again, or add it by hand with its address",
  importBadIp: (ip: string) => `"${ip}" is not an IPv4 address`,
  importBadVersion: (v: string) => `version "${v}" is not one of 3.1, 3.3, 3.4, 3.5`,
  importExists: (name: string) => `already registered as "${name}"`,
  importUnnamed: (id: string) => `Tuya ${id}`,
} as const;
