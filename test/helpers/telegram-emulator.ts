export * from "./telegram-emulator/index.js";
