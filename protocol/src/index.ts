export * from "./common.js";
export * from "./text.js";
export * from "./auth.js";
export * from "./property.js";
export * from "./team.js";
export * from "./chat.js";
export * from "./reception.js";
export * from "./telegram.js";
export type * from "./sockets.js";
