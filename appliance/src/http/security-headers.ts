import helmet from "helmet";

/** Security headers for every answer; pages get a strict CSP (no inline script). */
export function securityHeaders(options: { https: boolean; hsts?: boolean; imageOrigins?: readonly string[] }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        // The reception's map tiles come from the tile server the config names.
        "img-src": ["'self'", "data:", "blob:", ...(options.imageOrigins ?? [])],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        // The admin page frames the guest page for its live preview; nobody else may frame either.
        "frame-ancestors": ["'self'"],
        ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    // Plain HTTP on the LAN and loopback must keep working: HSTS only behind HTTPS.
    strictTransportSecurity: options.https && options.hsts !== false,
    crossOriginEmbedderPolicy: false,
  });
}
