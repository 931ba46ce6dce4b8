/** Every sentence the Tuya adapter says to a manager (device errors, troubleshooting). */
export const tuyaTexts = {
  keyLength: (length: number) =>
    `The local key has ${length} characters, but a Tuya local key has exactly 16. Copy it again from the export (tinytuya's devices.json or tuya-cli).`,
  unreachable: (ip: string) =>
    `Nothing answers at ${ip}. The device may be powered off, off the Wi-Fi, or moved to another address; check its power and that the address is still right.`,
  connectTimeout: (ip: string) =>
    `The device at ${ip} did not answer the connection in time. It may be powered off or have a weak Wi-Fi signal.`,
  silentKeyExchange: (version: string) =>
    `The device accepted the connection but stayed silent during the key exchange. The local key is most likely wrong (copy it again; it changes whenever the device is paired anew), or the device does not speak version ${version}.`,
  unreadableAnswer: (version: string) =>
    `The device answered, but its answer cannot be decrypted with this local key. The local key is most likely wrong (copy it again; it changes whenever the device is paired anew), or the device does not speak version ${version}.`,
  ignoredCommand31:
    "The device answers reads but ignored the command. On version 3.1 reads are not encrypted, so this is how a wrong local key shows: copy the key again (it changes whenever the device is paired anew).",
  busy: (ip: string) =>
    `The device at ${ip} closed the connection at once: it serves only a few apps on the network at a time. Close the Smart Life app or any other hub controlling it locally (Home Assistant, another Innbox), or restart the device.`,
  noHeartbeat: (version: string) =>
    `The device accepted the connection but does not answer heartbeats. It may be overloaded, or the version (${version}) may be wrong; restart the device if it persists.`,
  noAnswer: (version: string) =>
    `The device did not answer in time. It may be busy or on a weak Wi-Fi signal; if this persists, check that the local key and the version (${version}) are right.`,
  notConfirmed: "The device did not confirm the command in time. It may be busy or on a weak Wi-Fi signal; try again.",
  refused: "The device did not accept this command (it has no such setting, or the value is out of its range).",
  linkLost: "The connection to the device was lost; reconnecting.",
  closed: "This device was removed or the appliance is stopping.",
  sensorReadOnly: "A sensor only reports values; it cannot be switched.",
  gangOutOfRange: (gang: number, gangs: number) => `This switch has ${gangs} gang${gangs === 1 ? "" : "s"}; gang ${gang + 1} does not exist.`,
  brightnessOutOfRange: "Brightness is a percentage from 0 to 100.",
  notDimmable: "Only lights can be dimmed.",
  emptyCommand: "The command says neither on/off nor a brightness.",
} as const;
