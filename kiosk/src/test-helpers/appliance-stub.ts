import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A stand-in for the appliance on 127.0.0.1 speaking CONTRACT "Kiosk"'s routes the
 * shell uses: GET /ca.crt, POST /api/kiosk/pair {code} → {token} (404 for an unknown,
 * used or expired code, 429 after too many), GET /api/kiosk/screen (401 when revoked).
 */
export function applianceStub(caPem: string) {
  const codes = new Set(["482913"]);
  const tokens = new Set<string>();
  let wrong = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/ca.crt") {
        res.writeHead(200, { "content-type": "application/x-x509-ca-cert" }).end(caPem);
      } else if (req.method === "POST" && req.url === "/api/kiosk/pair") {
        const code = (JSON.parse(body) as { code?: string }).code ?? "";
        if (codes.delete(code)) {
          const token = `kt_${code}`;
          tokens.add(token);
          send(200, { token });
        } else if (++wrong > 10) {
          send(429, { error: "Too many wrong codes." });
        } else {
          send(404, { error: "This pairing code is unknown, used or expired." });
        }
      } else if (req.method === "GET" && req.url === "/api/kiosk/screen") {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (tokens.has(token)) send(200, { phone: "+1 555 0100" });
        else send(401, { error: "This kiosk is no longer paired." });
      } else {
        send(404, { error: "Not found." });
      }
    });
  };
  return { handler, revokeAll: () => tokens.clear(), addCode: (c: string) => codes.add(c) };
}

