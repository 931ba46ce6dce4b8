export { AppError, type ErrorDetail } from "./app-error.js";
export { createRouteRegistry, type Access, type AccessControl, type RouteRegistry, type RouteSpec } from "./route-registry.js";
export { createHttpApp } from "./http-app.js";
export { staticApp } from "./static-ui.js";
export { buildOpenApi } from "./openapi.js";
export { RateLimiter } from "./rate-limiter.js";
export { MissLimiter } from "./miss-limiter.js";
export { connectError, socketErrorMessage } from "./socket-errors.js";
export { isOwnOrigin } from "./own-origin.js";
