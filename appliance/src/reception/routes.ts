import { ReceptionLink, ReceptionLinkQuery, ReceptionQrQuery } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import { qrFileDisposition, receptionLink } from "./links.js";
import { receptionTexts as texts } from "./messages.js";
import { qrCode } from "./qr-codes.js";

export interface LinkSource {
  /** The property's current slug. */
  currentSlug(): Promise<string>;
  /** The base of links and QR codes. */
  publicUrl(): string;
}

export function registerReceptionRoutes(registry: RouteRegistry, source: LinkSource): void {
  const linkFor = async (tag: string | undefined) => receptionLink(source.publicUrl(), await source.currentSlug(), tag);

  registry.add({
    method: "get",
    path: "/api/reception/link",
    operationId: "getReceptionLink",
    summary: texts.linkSummary,
    tag: "Online Reception",
    access: "manager",
    query: ReceptionLinkQuery,
    responses: { 200: { description: texts.linkAnswer, schema: ReceptionLink } },
    handler: ({ query }) => linkFor(query.tag),
  });

  registry.add({
    method: "get",
    path: "/api/reception/qr",
    operationId: "getReceptionQr",
    summary: texts.qrSummary,
    tag: "Online Reception",
    access: "manager",
    query: ReceptionQrQuery,
    responses: { 200: { description: texts.qrAnswer, contentType: ["image/png", "image/svg+xml"] } },
    handler: async ({ query, res }) => {
      const { url } = await linkFor(query.tag);
      const { body, contentType } = await qrCode(url, query.format);
      // The code follows the slug and publicUrl: a browser may keep it but must ask again.
      res.set({ "Content-Type": contentType, "Cache-Control": "private, no-cache", "Content-Disposition": qrFileDisposition(query.tag, query.format) });
      res.status(200).send(body);
    },
  });
}
