import { DEFAULT_STICKER_DESIGN, StickerDesignBody, type RenderStickersBody } from "@innbox/protocol";
import { layoutStickers, stickerFileName, type StickerDesign } from "@innbox/protocol/sticker-layout";
import type { Logger } from "pino";
import { nowIso, type Db } from "../db/index.js";
import type { LogoService } from "./logo-service.js";
import { receptionRepository as repo } from "./repository.js";

export interface StickersService {
  /** The saved design, or the defaults before the manager saves one. */
  design(): Promise<StickerDesignBody>;
  saveDesign(design: StickerDesignBody): Promise<StickerDesignBody>;
  /** A print: fields left out of the request come from the saved design. */
  render(request: RenderStickersBody & { tags: string[] }, linkFor: (tag: string) => string): Promise<{ pdf: Buffer; fileName: string; pages: number }>;
}

export function createStickersService(deps: { db: Db; clock: () => number; log: Logger; logo: LogoService }): StickersService {
  const design = async (): Promise<StickerDesignBody> => {
    const row = await repo.stickerDesign(deps.db);
    if (!row) return { ...DEFAULT_STICKER_DESIGN };
    // A row that no longer fits (a later version, a hand edit) gives the defaults until the next save.
    let stored: unknown;
    try {
      stored = JSON.parse(row.design);
    } catch {
      stored = null;
    }
    const parsed = StickerDesignBody.safeParse({ ...DEFAULT_STICKER_DESIGN, ...(stored && typeof stored === "object" ? stored : {}) });
    if (parsed.success) return parsed.data;
    deps.log.warn({ issues: parsed.error.issues.length }, "the stored sticker design does not fit; using the defaults until the manager saves again");
    return { ...DEFAULT_STICKER_DESIGN };
  };
  return {
    design,
    async saveDesign(next) {
      await repo.saveStickerDesign(deps.db, JSON.stringify(next), nowIso(deps.clock));
      return next;
    },
    async render(request, linkFor) {
      const { tags: remembered, ...saved } = await design();
      void remembered; // the request's tags are printed, not the remembered list
      const given = Object.fromEntries(Object.entries(request).filter(([key, value]) => key !== "tags" && value !== undefined)) as Partial<StickerDesign>;
      const merged: StickerDesign = { ...saved, ...given };
      const logo = merged.withLogo ? await deps.logo.get() : null;
      const pages = layoutStickers({ design: merged, tags: request.tags, linkFor, hasLogo: Boolean(logo) });
      // pdfkit (about 25 MB once loaded) and the fonts come with the first print, not at
      // boot: plates are printed rarely. The fonts are read for each print and let go after
      // it (the Chinese one alone is 20 MB).
      const [{ renderStickersPdf }, { createStickerFonts }] = await Promise.all([import("./sticker-pdf.js"), import("./sticker-fonts.js")]);
      const pdf = await renderStickersPdf(pages, logo, `Innbox ${merged.template}`, createStickerFonts());
      return { pdf, fileName: stickerFileName(merged.template, request.tags, "pdf"), pages: pages.length };
    },
  };
}
