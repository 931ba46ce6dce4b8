export { newToken, readCookie, safeEqual, sha256 } from "./tokens.js";
