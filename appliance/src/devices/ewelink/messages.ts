/** Every sentence the eWeLink adapter says to people (through a DeviceError's message). */
export const ewelinkTexts = {
  unreachable: (address: string) =>
    `Nothing answers at ${address}. Check that the device has power and is on the property's Wi-Fi; if it got a new address, correct the address (or let discovery find it).`,
  timeout: (address: string, seconds: number) =>
    `The device at ${address} took the connection but did not answer within ${seconds} s. It may be busy or its Wi-Fi weak; try again in a moment.`,
  resetTwice: (address: string) =>
    `The device at ${address} cut the connection twice in a row; it handles one request at a time and may be busy with another app. Try again in a moment.`,
  wrongKey: (address: string) =>
    `The device at ${address} answered, but not to this device key. Check the device key (from the eWeLink account export); pairing the device again in the eWeLink app gives it a new one. If the device is in DIY mode, remove the device key.`,
  needsKey: (address: string) =>
    `The device at ${address} has LAN encryption on, so Innbox needs its device key. Enter the device key (from the eWeLink account export), or switch the device to DIY mode.`,
  unreadableAnnouncement:
    "The device announces its state encrypted with another device key than the one entered. Check the device key; pairing the device again in the eWeLink app gives it a new one.",
  otherDevice: (address: string, deviceId: string) =>
    `The device at ${address} is not ${deviceId} (it answers to another device id). Check the device id, or whether another device now has this address.`,
  refusedValue: (address: string) => `The device at ${address} refused the value (error 422); it may not support this setting.`,
  unreadableCommand: (address: string) => `The device at ${address} could not read the command (error 400).`,
  refusedCode: (address: string, code: number) => `The device at ${address} refused the command (error ${code}).`,
  notZeroconf: (address: string) =>
    `The device at ${address} does not offer eWeLink's LAN control. Check that it is a Sonoff/eWeLink device in LAN or DIY mode and that the port is right (8081 for most).`,
  garbledAnswer: (address: string) => `The device at ${address} answered with something that is not eWeLink's LAN control. Check the address and port.`,
  noSuchGang: (gang: number, gangs: number) => `This switch has ${gangs} gang${gangs === 1 ? "" : "s"}, numbered from 0; there is no gang ${gang}.`,
  brightnessOnlyLights: "Only a dimmable light takes a brightness.",
  brightnessRange: "Brightness is a whole number from 0 to 100.",
  emptyCommand: "Say what to change: on or off, or a brightness.",
  closed: "The device was removed or its settings changed; the command was not sent.",
};
