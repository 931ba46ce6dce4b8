import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Certificates made with Debian's openssl for the trust tests: a CA, its server certificate, an impostor. */
export interface TestPki {
  caPem: string;
  caKeyPem: string;
  serverPem: string;
  serverKeyPem: string;
  /** Same names, signed by another CA. */
  impostorCaPem: string;
  impostorPem: string;
  impostorKeyPem: string;
  /** Issued by an intermediate that the CA signed. */
  intermediatePem: string;
  viaIntermediatePem: string;
  /** Signed by the CA but named for another host. */
  otherHostPem: string;
  /** A leaf certificate (not a CA) posing as the anchor. */
  leafAsCaPem: string;
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "innbox-kiosk-pki-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  try {
    writeFileSync(
      join(dir, "ext.cnf"),
      [
        "[ca]",
        "basicConstraints=critical,CA:TRUE",
        "keyUsage=critical,keyCertSign,cRLSign",
        "subjectKeyIdentifier=hash",
        "authorityKeyIdentifier=keyid:always",
        "[server]",
        "basicConstraints=CA:FALSE",
        "keyUsage=critical,digitalSignature,keyEncipherment",
        "extendedKeyUsage=serverAuth",
        "subjectAltName=DNS:innbox.local,DNS:localhost,IP:127.0.0.1",
        "authorityKeyIdentifier=keyid",
        "[other]",
        "basicConstraints=CA:FALSE",
        "extendedKeyUsage=serverAuth",
        "subjectAltName=DNS:elsewhere.example",
        "",
      ].join("\n"),
    );
    const key = (name: string) => run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name);
    const selfSigned = (name: string, cn: string) => {
      key(`${name}.key`);
      run("req", "-x509", "-new", "-key", `${name}.key`, "-subj", `/CN=${cn}`, "-days", "3650", "-out", `${name}.pem`, "-extensions", "ca", "-config", "ext.cnf");
    };
    const issue = (name: string, issuer: string, ext: string, days = "365", extraArgs: string[] = []) => {
      key(`${name}.key`);
      run("req", "-new", "-key", `${name}.key`, "-subj", `/CN=${name}`, "-out", `${name}.csr`, "-config", "ext.cnf");
      run("x509", "-req", "-in", `${name}.csr`, "-CA", `${issuer}.pem`, "-CAkey", `${issuer}.key`, "-CAcreateserial", "-days", days, "-extfile", "ext.cnf", "-extensions", ext, "-out", `${name}.pem`, ...extraArgs);
    };
    // openssl req needs a [req] section when given -config.
    writeFileSync(join(dir, "ext.cnf"), `[req]\ndistinguished_name=dn\n[dn]\n` + readFileSync(join(dir, "ext.cnf"), "utf8"));
    selfSigned("ca", "Innbox local CA");
    selfSigned("impostor-ca", "Innbox local CA");
    issue("server", "ca", "server");
    issue("impostor", "impostor-ca", "server");
    issue("intermediate", "ca", "ca");
    issue("via-intermediate", "intermediate", "server");
    issue("other-host", "ca", "other");
    issue("leaf-as-ca", "ca", "server");
    return {
      caPem: read("ca.pem"),
      caKeyPem: read("ca.key"),
      serverPem: read("server.pem"),
      serverKeyPem: read("server.key"),
      impostorCaPem: read("impostor-ca.pem"),
      impostorPem: read("impostor.pem"),
      impostorKeyPem: read("impostor.key"),
      intermediatePem: read("intermediate.pem"),
      viaIntermediatePem: read("via-intermediate.pem"),
      otherHostPem: read("other-host.pem"),
      leafAsCaPem: read("leaf-as-ca.pem"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
