import { LOGO_BYTES_MAX, STICKER_TAGS_MAX, STICKER_TEMPLATES, layoutStickers, stickerFileName, type LayoutPage } from "@innbox/protocol/sticker-layout";
import { useEffect, useMemo, useState } from "preact/hooks";
import { toApiError, type StickerDesign } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, TextAreaField, TextField } from "../../components/field";
import { Link } from "../../components/link";
import { Page } from "../../components/page";
import { LoadState, useLoad } from "../../components/use-load";
import { t } from "../../messages";
import { ColourField } from "../../components/colour-field";
import { LogoPanel, useLogo } from "./logo-panel";
import { StickerPrint } from "./sticker-print";
import { drawPage, forgetMeasurements, loadStickerFonts } from "./sticker-drawing";
import { COLOUR_KEYS, checkStickerForm, designOf, numberedSeries, tagLines, toStickerForm, type StickerForm } from "./sticker-form";
import { StickerPageSvg } from "./sticker-page-svg";

const PNG_PX_PER_MM = 300 / 25.4;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Property → Stickers and plates: design, preview, and PDF, PNG or print for every room. */
export function StickersPage() {
  const { api } = useSession();
  const words = t.stickers;
  const [loaded, setLoaded, loadError] = useLoad(async (client) => {
    const [design, link] = await Promise.all([client.getStickerDesign(), client.getReceptionLink()]);
    return { design, base: link.url };
  });
  const [form, setForm] = useState<StickerForm | null>(null);
  const [fontsReady, setFontsReady] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  const [fill, setFill] = useState({ prefix: "Room", from: "1", to: "10" });
  const [fillProblem, setFillProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [exporting, setExporting] = useState<"pdf" | "png" | null>(null);
  // Each Print click is a new request, so printing again works even where a browser never says the last one ended.
  const [printRequest, setPrintRequest] = useState(0);
  const logo = useLogo(loaded?.design.logo ?? null);

  useEffect(() => {
    if (loaded && !form) setForm(toStickerForm(loaded.design));
  }, [loaded, form]);
  useEffect(() => {
    void loadStickerFonts().then(() => {
      forgetMeasurements();
      setFontsReady(true);
    });
  }, []);

  const errors = useMemo(() => (form ? checkStickerForm(form) : {}), [form]);
  const tags = useMemo(() => (form ? tagLines(form) : []), [form]);
  const valid = Object.keys(errors).length === 0;
  const pages: LayoutPage[] = useMemo(() => {
    if (!form || !loaded || !valid) return [];
    const base = loaded.base;
    return layoutStickers({ design: designOf(form), tags, linkFor: (tag) => `${base}?t=${encodeURIComponent(tag)}`, hasLogo: Boolean(logo.image) });
    // fontsReady: the text is fitted again once the print fonts are in.
  }, [form, loaded, valid, tags, logo.image, fontsReady]);
  const current = pages[Math.min(pageIndex, pages.length - 1)];
  const shownIndex = current ? pages.indexOf(current) : 0;

  if (!form || !loaded) {
    return (
      <Page title={words.title}>
        <LoadState error={loadError} />
      </Page>
    );
  }

  const change = (next: Partial<StickerForm>) => {
    setForm({ ...form, ...next });
    setNotice(null);
  };
  const design = designOf(form);
  const templateName = words.templates[form.template]!.name;

  const addSeries = () => {
    const series = numberedSeries(fill.prefix, fill.from, fill.to);
    if ("problem" in series) {
      setFillProblem(series.problem);
      return;
    }
    setFillProblem(null);
    const known = new Set(tagLines(form));
    const lines = [...tagLines(form), ...series.tags.filter((tag) => !known.has(tag))];
    change({ tags: lines.join("\n") });
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved: StickerDesign = await api.updateStickerDesign({ ...design, tags: tags.slice(0, STICKER_TAGS_MAX) });
      setLoaded({ ...loaded, design: saved });
      setNotice({ kind: "success", text: words.saved });
    } catch (caught) {
      setNotice({ kind: "error", text: toApiError(caught).message });
    } finally {
      setSaving(false);
    }
  };

  const downloadPdf = async () => {
    setExporting("pdf");
    setNotice(null);
    try {
      const pdf = await api.renderStickers({ ...design, tags });
      download(pdf, stickerFileName(design.template, tags, "pdf"));
    } catch (caught) {
      setNotice({ kind: "error", text: toApiError(caught).message || words.pdfFailed });
    } finally {
      setExporting(null);
    }
  };

  const downloadPng = async () => {
    if (!current) return;
    setExporting("png");
    const canvas = document.createElement("canvas");
    drawPage(canvas, current, PNG_PX_PER_MM, logo.image);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) download(blob, stickerFileName(design.template, current.tags, "png"));
    setExporting(null);
  };

  const ready = valid && pages.length > 0;

  return (
    <Page title={words.title} lead={words.lead}>
      <p class="page-back">
        <Link to="/property">{words.backToProperty}</Link>
      </p>
      <div class="stickers-layout">
        <form class="card form stickers-form" onSubmit={(event) => (event.preventDefault(), void save())} noValidate>
          <fieldset class="fieldset">
            <legend>{words.template}</legend>
            <div class="template-choice">
              {STICKER_TEMPLATES.map((template) => (
                <label key={template} class={template === form.template ? "template-option template-option-chosen" : "template-option"}>
                  <input type="radio" name="template" value={template} checked={template === form.template} onChange={() => (change({ template }), setPageIndex(0))} />
                  <span class="template-name">{words.templates[template]!.name}</span>
                  <span class="field-hint">{words.templates[template]!.hint}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset class="fieldset">
            <legend>{words.tagsHeading}</legend>
            <TextAreaField label={words.tags} name="tags" value={form.tags} onValue={(tags) => change({ tags })} hint={`${words.tagsHint(STICKER_TAGS_MAX)} ${words.tagsCount(tags.length)}.`} error={errors.tags} rows={5} />
            <div class="subfields stickers-fill">
              <p class="field-hint">{words.fillHeading}</p>
              <div class="field-row stickers-fill-row">
                <TextField label={words.fillPrefix} name="fillPrefix" value={fill.prefix} onValue={(prefix) => setFill({ ...fill, prefix })} />
                <TextField label={words.fillFrom} name="fillFrom" value={fill.from} onValue={(from) => setFill({ ...fill, from })} inputMode="numeric" verbatim />
                <TextField label={words.fillTo} name="fillTo" value={fill.to} onValue={(to) => setFill({ ...fill, to })} inputMode="numeric" verbatim />
              </div>
              {fillProblem ? <p class="field-error">{fillProblem}</p> : null}
              <button type="button" class="button" onClick={addSeries}>
                {words.fillAdd}
              </button>
            </div>
          </fieldset>

          <fieldset class="fieldset">
            <legend>{words.designHeading}</legend>
            <TextField label={words.heading} name="heading" value={form.heading} onValue={(heading) => change({ heading })} hint={words.headingHint} error={errors.heading} />
            <TextField label={words.text} name="text" value={form.text} onValue={(text) => change({ text })} hint={words.textHint} error={errors.text} />
            <div class="stickers-colours">
              {COLOUR_KEYS.map((key) => (
                <ColourField key={key} label={words[key]} name={key} text={form[key]} onText={(value) => change({ [key]: value.trim() })} onPick={(value) => change({ [key]: value })} error={errors[key]} />
              ))}
            </div>
          </fieldset>

          <LogoPanel logo={logo} maxBytes={LOGO_BYTES_MAX} />
          <Checkbox label={words.withLogo} name="withLogo" checked={form.withLogo} onChecked={(withLogo) => change({ withLogo })} />

          {notice?.kind === "success" ? <Alert kind="success">{notice.text}</Alert> : null}
          <div class="actions">
            <button type="submit" class="button" disabled={saving || !valid}>
              {saving ? words.saving : words.save}
            </button>
          </div>
        </form>

        <section class="card stickers-preview" aria-labelledby="stickers-preview-title">
          <h2 id="stickers-preview-title">{words.previewHeading}</h2>
          {notice?.kind === "error" ? <Alert kind="error">{notice.text}</Alert> : null}
          {current ? (
            <>
              <div class={`sticker-canvas sticker-canvas-${form.template}`}>
                <StickerPageSvg page={current} logo={logo.image ? { url: logo.url!, width: logo.image.naturalWidth, height: logo.image.naturalHeight } : null} label={words.previewLabel(templateName, shownIndex + 1, pages.length)} />
              </div>
              {pages.length > 1 ? (
                <div class="sticker-pager">
                  <button type="button" class="button button-small" onClick={() => setPageIndex(shownIndex - 1)} disabled={shownIndex === 0} aria-label={words.previousPage}>
                    ‹
                  </button>
                  <span role="status">{words.pageOf(shownIndex + 1, pages.length)}</span>
                  <button type="button" class="button button-small" onClick={() => setPageIndex(shownIndex + 1)} disabled={shownIndex >= pages.length - 1} aria-label={words.nextPage}>
                    ›
                  </button>
                </div>
              ) : null}
            </>
          ) : (
            <p class="muted" role="status">
              {tags.length === 0 ? words.previewEmpty : words.previewFixFirst}
            </p>
          )}
          <div class="actions stickers-exports">
            <button type="button" class="button button-primary" onClick={() => void downloadPdf()} disabled={!ready || exporting !== null}>
              {exporting === "pdf" ? words.working : words.downloadPdf}
            </button>
            <button type="button" class="button" onClick={() => void downloadPng()} disabled={!ready || exporting !== null}>
              {exporting === "png" ? words.working : words.downloadPng}
            </button>
            <button type="button" class="button" onClick={() => setPrintRequest(printRequest + 1)} disabled={!ready}>
              {words.print}
            </button>
          </div>
          <p class="field-hint">{words.exportHint}</p>
        </section>
      </div>
      {printRequest > 0 && ready ? (
        <StickerPrint request={printRequest} pages={pages} logo={logo.image ? { url: logo.url!, width: logo.image.naturalWidth, height: logo.image.naturalHeight } : null} onDone={() => setPrintRequest(0)} />
      ) : null}
    </Page>
  );
}
