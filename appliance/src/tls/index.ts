import type { TlsStatus } from "@innbox/protocol";
import type { Logger } from "pino";
import type { Capability } from "../capability.js";
import type { Timers, TimerHandle } from "../time/index.js";
import { certificateFacts } from "./certificates.js";
import { lanNames, machineNames } from "./lan-names.js";
import { LocalCa, type ServedCertificate } from "./local-ca.js";
import { tlsTexts } from "./messages.js";
import { CA_PATH, caPage, registerTlsRoutes, type TlsRoutesService } from "./routes.js";

export { certificateFacts, isIssuedBy, createCertificateAuthority, issueServerCertificate } from "./certificates.js";
export { lanNames, sameNames } from "./lan-names.js";
export { TLS_FILES } from "./tls-files.js";
export { CA_PATH };
export const httpsStartupLine = tlsTexts.listening;
export type { ServedCertificate };

/** The names and the CA are looked at again once a day (a new address from DHCP, an end drawing near). */
export const TLS_CHECK_MS = 24 * 3600_000;

export interface TlsDeps {
  dataDir: string;
  log: Logger;
  timers: Timers;
  /** config https.port; HTTPS is off when undefined. */
  port: number | undefined;
  /** config publicUrl, whose host the certificate names too. */
  publicUrl: string | undefined;
  /** The property's name, once set up (the CA is named after it). */
  propertyName: () => Promise<string | undefined>;
  /** The machine's names and addresses (tests may fix them). */
  names?: () => string[];
  hostname: () => string;
}

/** HTTPS on the LAN: the local CA, the server certificate it signs and keeps fresh, and GET /ca.crt. */
export function createTls(deps: TlsDeps) {
  const enabled = deps.port !== undefined;
  const names = deps.names ?? (() => lanNames(machineNames(deps.publicUrl)));
  const ca = new LocalCa({
    dataDir: deps.dataDir,
    log: deps.log,
    clock: () => deps.timers.now(),
    names,
    caName: async () => `Innbox local CA — ${(await deps.propertyName())?.trim() || deps.hostname()}`,
  });
  let listeningPort: number | null = null;
  let timer: TimerHandle | undefined;

  const service: TlsRoutesService & {
    enabled: boolean;
    ca: LocalCa;
    listening(port: number): void;
  } = {
    enabled,
    ca,
    listening(port) {
      listeningPort = port;
    },
    caPem: () => (enabled ? ca.caPem() : undefined),
    caFileName: () => "innbox-local-ca.crt",
    status(): TlsStatus {
      const caPem = enabled ? ca.caPem() : undefined;
      const serverPem = enabled ? ca.serverPem() : undefined;
      const caFacts = caPem ? certificateFacts(caPem) : undefined;
      const serverFacts = serverPem ? certificateFacts(serverPem) : undefined;
      return {
        enabled,
        port: enabled ? (listeningPort ?? deps.port ?? null) : null,
        caUrl: CA_PATH,
        caName: caFacts ? (/CN=(.*)/.exec(caFacts.subject)?.[1] ?? null) : null,
        caFingerprint: caFacts?.fingerprint256 ?? null,
        caNotAfter: caFacts ? new Date(caFacts.notAfter).toISOString() : null,
        names: serverFacts?.names ?? [],
        notAfter: serverFacts ? new Date(serverFacts.notAfter).toISOString() : null,
      };
    },
  };

  return {
    name: "tls",
    migrations: {},
    service,
    routes: (registry) => registerTlsRoutes(registry, service),
    pages: () => caPage(service),
    async start() {
      if (!enabled) return;
      await ca.ensure();
      timer = deps.timers.setInterval(() => {
        ca.ensure().catch((err: unknown) => deps.log.error({ err }, tlsTexts.renewFailed));
      }, TLS_CHECK_MS);
    },
    stop() {
      deps.timers.clearInterval(timer);
      timer = undefined;
    },
  } satisfies Capability & Record<string, unknown>;
}

export type Tls = ReturnType<typeof createTls>;
