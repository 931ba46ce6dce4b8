// Simulated devices for tests, benchmarks and `npm run simulate:devices`: each speaks its
// vendor's real LAN protocol on its own loopback address (127.0.0.x), so the unmodified
// client libraries (tuyapi, ewelink-api-next) and Innbox's adapters talk to them as they
// would to the hardware.
export * from "./tuya/index.js";
export * from "./ewelink/index.js";
