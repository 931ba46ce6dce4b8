import type { Logger } from "pino";
import { certificateFacts, createCertificateAuthority, issueServerCertificate, type KeyAndCertificate } from "./certificates.js";
import { tlsTexts } from "./messages.js";
import { caProblem, serverProblem } from "./renewal.js";
import { tlsFiles } from "./tls-files.js";

export interface LocalCaDeps {
  dataDir: string;
  log: Logger;
  clock: () => number;
  /** The names and addresses the box answers to now. */
  names: () => string[];
  /** The CA's name: "Innbox local CA — <property name or host name>". */
  caName: () => Promise<string>;
}

/** The certificate and key the HTTPS server serves. */
export interface ServedCertificate {
  key: string;
  cert: string;
  ca: string;
}

/**
 * The appliance's own certificate authority and the server certificate it signs, kept
 * in the data folder. `ensure()` reads them, makes what is missing, and issues a new
 * server certificate when the old one nears its end or the box's names changed; it tells
 * `onChange` listeners (the HTTPS server) when it did.
 */
export class LocalCa {
  private ca: KeyAndCertificate | undefined;
  private server: KeyAndCertificate | undefined;
  private running: Promise<boolean> | undefined;
  private readonly listeners = new Set<(served: ServedCertificate) => void>();

  constructor(private readonly deps: LocalCaDeps) {}

  /** Makes or renews what needs it; true when the served certificate changed. One run at a time. */
  ensure(): Promise<boolean> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<boolean> {
    const { dataDir, log, clock } = this.deps;
    const now = clock();
    let ca = this.ca ?? tlsFiles.readCa(dataDir);
    const caWrong = caProblem(ca, now);
    let caChanged = false;
    if (caWrong) {
      const name = await this.deps.caName();
      ca = await createCertificateAuthority(name, now);
      tlsFiles.writeCa(dataDir, ca);
      caChanged = true;
      if (caWrong === "missing") log.info(tlsTexts.caCreated(name));
      else log.warn(tlsTexts.caReplaced(tlsTexts.reasons[caWrong] ?? caWrong));
    }
    this.ca = ca!;

    const names = this.deps.names();
    let server = this.server ?? tlsFiles.readServer(dataDir);
    const serverWrong = serverProblem(server, this.ca.certPem, names, now);
    if (serverWrong) {
      server = await issueServerCertificate(this.ca, names, now);
      tlsFiles.writeServer(dataDir, server);
      log.info(tlsTexts.serverIssued(tlsTexts.reasons[serverWrong] ?? serverWrong, names, new Date(certificateFacts(server.certPem).notAfter).toISOString()));
    }
    const changed = Boolean(serverWrong) || caChanged || !this.server;
    this.server = server!;
    if (changed) for (const listener of this.listeners) listener(this.served());
    return Boolean(serverWrong) || caChanged;
  }

  /** What the HTTPS server presents: its certificate with the CA after it. */
  served(): ServedCertificate {
    if (!this.ca || !this.server) throw new Error("LocalCa.ensure() has not run");
    return { key: this.server.keyPem, cert: this.server.certPem + this.ca.certPem, ca: this.ca.certPem };
  }

  /** The CA certificate (PEM), once ensure() ran. */
  caPem(): string | undefined {
    return this.ca?.certPem;
  }

  serverPem(): string | undefined {
    return this.server?.certPem;
  }

  onChange(listener: (served: ServedCertificate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
