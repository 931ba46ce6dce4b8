import { z } from "zod";

// HTTPS on the LAN: what the admin page's "Secure connection" panel shows.

export const TlsStatus = z
  .object({
    enabled: z.boolean().describe("Whether the appliance serves HTTPS on the LAN (config https.port)."),
    port: z.number().int().nullable().describe("The HTTPS port; null when HTTPS is off."),
    caUrl: z.string().describe("Where the CA certificate is downloaded: /ca.crt."),
    caName: z.string().nullable().describe("The local certificate authority's name; null when HTTPS is off."),
    caFingerprint: z.string().nullable().describe("SHA-256 of the CA certificate, AB:CD:…, to compare on the device that installs it."),
    caNotAfter: z.string().nullable(),
    names: z.array(z.string()).describe("The host names and addresses the server certificate is valid for."),
    notAfter: z.string().nullable().describe("When the server certificate ends; it is renewed 30 days before."),
  })
  .meta({ id: "TlsStatus" });
export type TlsStatus = z.infer<typeof TlsStatus>;
