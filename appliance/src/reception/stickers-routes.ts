import { LOGO_BYTES_MAX, LOGO_TYPES, ReceptionLogoInfo, RenderStickersBody, StickerDesignBody } from "@innbox/protocol";
import type { Request } from "express";
import { AppError, type RouteRegistry } from "../http/index.js";
import { receptionLink } from "./links.js";
import type { LogoService } from "./logo-service.js";
import { receptionTexts as texts } from "./messages.js";
import type { LinkSource } from "./routes.js";
import type { StickersService } from "./stickers-service.js";

const StickerDesignAnswer = StickerDesignBody.extend({ logo: ReceptionLogoInfo.nullable() }).meta({ id: "StickerDesignAnswer" });

/** The raw upload, stopped as soon as it passes the limit (the declared length is not trusted). */
async function readUpload(req: Request, limit: number): Promise<Buffer> {
  // JSON was read (and taken) by the API's JSON parser: whatever it held, it is not an image.
  if (req.is("application/json")) throw new AppError(415, texts.logoNotImage);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new AppError(413, texts.logoTooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AppError(413, texts.logoTooLarge);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Plates, table tents and stickers to print, their design, and the logo on them. */
export function registerStickerRoutes(registry: RouteRegistry, deps: { stickers: StickersService; logo: LogoService; links: LinkSource }): void {
  const { stickers, logo, links } = deps;
  const tag = "Online Reception";

  registry.add({
    method: "post",
    path: "/api/reception/stickers",
    operationId: "renderStickers",
    summary: texts.renderStickersSummary,
    tag,
    access: "manager",
    body: RenderStickersBody,
    responses: { 200: { description: texts.renderStickersAnswer, contentType: "application/pdf" } },
    handler: async ({ body, res }) => {
      const slug = await links.currentSlug();
      const publicUrl = links.publicUrl();
      const { pdf, fileName } = await stickers.render(body, (t) => receptionLink(publicUrl, slug, t).url);
      res.set({ "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"` });
      res.status(200).send(pdf);
    },
  });

  registry.add({
    method: "get",
    path: "/api/reception/stickers/design",
    operationId: "getStickerDesign",
    summary: texts.getStickerDesignSummary,
    tag,
    access: "manager",
    responses: { 200: { description: texts.getStickerDesignAnswer, schema: StickerDesignAnswer } },
    handler: async () => ({ ...(await stickers.design()), logo: await logo.info() }),
  });

  registry.add({
    method: "put",
    path: "/api/reception/stickers/design",
    operationId: "updateStickerDesign",
    summary: texts.updateStickerDesignSummary,
    tag,
    access: "manager",
    body: StickerDesignBody,
    responses: { 200: { description: texts.updateStickerDesignAnswer, schema: StickerDesignAnswer } },
    handler: async ({ body }) => ({ ...(await stickers.saveDesign(body)), logo: await logo.info() }),
  });

  registry.add({
    method: "post",
    path: "/api/reception/logo",
    operationId: "uploadLogo",
    summary: texts.uploadLogoSummary,
    tag,
    access: "manager",
    rawBody: { contentTypes: [...LOGO_TYPES], description: texts.uploadLogoBody },
    responses: { 201: { description: texts.uploadLogoAnswer, schema: ReceptionLogoInfo } },
    handler: async ({ req }) => logo.save(await readUpload(req, LOGO_BYTES_MAX)),
  });

  registry.add({
    method: "get",
    path: "/api/reception/logo",
    operationId: "getLogo",
    summary: texts.getLogoSummary,
    tag,
    access: "manager",
    responses: { 200: { description: texts.getLogoAnswer, contentType: [...LOGO_TYPES] }, 404: { description: texts.noLogo } },
    handler: async ({ res }) => {
      const stored = await logo.get();
      if (!stored) throw AppError.notFound(texts.noLogo);
      res.set({
        "Content-Type": stored.contentType,
        "X-Content-Type-Options": "nosniff",
        // Opened on its own, an SVG is a document: it may draw, never run or fetch anything.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
        "Content-Disposition": "inline",
        "Cache-Control": "private, no-cache",
      });
      res.status(200).send(stored.bytes);
    },
  });

  registry.add({
    method: "delete",
    path: "/api/reception/logo",
    operationId: "deleteLogo",
    summary: texts.deleteLogoSummary,
    tag,
    access: "manager",
    responses: { 204: { description: texts.deleteLogoAnswer } },
    handler: () => logo.remove(),
  });
}

