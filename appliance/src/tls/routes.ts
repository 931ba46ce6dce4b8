import { TlsStatus } from "@innbox/protocol";
import { Router } from "express";
import type { RouteRegistry } from "../http/index.js";
import { tlsTexts } from "./messages.js";

export const CA_PATH = "/ca.crt";

export interface TlsRoutesService {
  status(): TlsStatus;
  caPem(): string | undefined;
  caFileName(): string;
}

export function registerTlsRoutes(registry: RouteRegistry, tls: TlsRoutesService): void {
  registry.add({
    method: "get",
    path: "/api/tls",
    operationId: "getTlsStatus",
    summary: `HTTPS on the LAN: whether it is on, its port, the local CA's fingerprint (the CA itself is at ${CA_PATH}), and the names and end of the server certificate.`,
    tag: "HTTPS",
    access: "manager",
    responses: { 200: { description: "HTTPS status.", schema: TlsStatus } },
    handler: () => tls.status(),
  });
}

/**
 * GET /ca.crt: the local CA certificate, for anyone (devices download it before they can
 * sign in over HTTPS; it is public by nature, only its key is secret).
 */
export function caPage(tls: TlsRoutesService): Router {
  const router = Router();
  router.get(CA_PATH, (_req, res) => {
    const pem = tls.caPem();
    if (!pem) {
      res.status(404).type("text/plain").send(tlsTexts.disabled);
      return;
    }
    res.set("Cache-Control", "no-cache");
    res.set("Content-Disposition", `attachment; filename="${tls.caFileName()}"`);
    // Bytes, so that no charset is added: some systems open the file only by its exact type.
    res.set("Content-Type", "application/x-x509-ca-cert").send(Buffer.from(pem, "ascii"));
  });
  return router;
}
