import type { Property } from "@innbox/protocol";
import { BLOCK_IDS, type BlockId, type GuestLanguage, type ReceptionSettings } from "@innbox/protocol/reception-view";
import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadState, useLoad } from "../../components/use-load";
import { t } from "../../messages";
import { guardNavigation } from "../../router";
import { BlockList } from "./block-list";
import { ChatAndWeatherSettings, LanguageSettings } from "./general-settings";
import { PreviewFrames } from "./preview-frames";
import { WeatherStatusCard } from "./weather-status";
import { editorKey, sameSettings } from "./settings-edit";

interface Loaded {
  settings: ReceptionSettings;
  property: Property;
}

/** The Online Reception's design: every setting, a live preview, saved on demand. */
export function ReceptionEditor() {
  const [loaded, , loadError] = useLoad(async (api): Promise<Loaded> => {
    const [settings, property] = await Promise.all([api.getReception(), api.getProperty()]);
    return { settings, property };
  });
  if (!loaded) return <LoadState error={loadError} />;
  return <Editor stored={loaded.settings} slug={loaded.property.slug} />;
}

function Editor({ stored, slug }: { stored: ReceptionSettings; slug: string }) {
  const { api } = useSession();
  const [saved, setSaved] = useState(stored);
  const [draft, setDraft] = useState(stored);
  const [open, setOpen] = useState<ReadonlySet<BlockId>>(() => new Set<BlockId>(["title"]));
  const [language, setLanguage] = useState<GuestLanguage>(stored.defaultLanguage);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [success, setSuccess] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Where the person asked to go while there were unsaved changes, and how to get there.
  const [leaving, setLeaving] = useState<{ go: () => void } | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  // Discarding draws the blocks anew, so half-typed colours go too.
  const [generation, setGeneration] = useState(0);
  // Colour fields holding text that is not a colour; nothing is saved while there are any.
  const badColours = useRef(new Set<string>());
  const [, setBadCount] = useState(0);

  const dirty = !sameSettings(draft, saved);
  const textLanguage = draft.languages.includes(language) ? language : draft.defaultLanguage;

  // Leaving with unsaved changes: the browser asks on a reload or close, the page asks on its own links.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    const release = guardNavigation((_path, go) => {
      setLeaving({ go });
      return false;
    });
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      release();
    };
  }, [dirty]);

  const change = (next: ReceptionSettings) => {
    setDraft(next);
    setSuccess(false);
  };

  const toggle = (id: BlockId) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };

  const onColourValidity = (key: string, ok: boolean) => {
    const had = badColours.current.has(key);
    if (ok === !had) return;
    if (ok) badColours.current.delete(key);
    else badColours.current.add(key);
    setBadCount(badColours.current.size);
  };

  const save = async () => {
    setSuccess(false);
    if (badColours.current.size) {
      setAlert(t.errors.fixFields);
      return;
    }
    setBusy(true);
    const sent = draft;
    try {
      const answer = await api.updateReception(sent);
      setSaved(answer);
      setDraft(answer);
      setErrors({});
      setAlert(null);
      setSuccess(true);
    } catch (caught) {
      const failure = toApiError(caught);
      const placed: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const detail of failure.details) {
        const key = editorKey(detail.field, sent);
        if (BLOCK_IDS.some((id) => key === id || key.startsWith(`${id}.`)) || ["defaultLanguage", "languages", "chatInitialState", "useGuestLocation"].includes(key)) {
          placed[key] = placed[key] ? `${placed[key]} ${detail.message}` : detail.message;
        } else unplaced.push(detail.message);
      }
      setErrors(placed);
      // Open the blocks the appliance found fault with, so their sentences show.
      const faulty = BLOCK_IDS.filter((id) => Object.keys(placed).some((key) => key === id || key.startsWith(`${id}.`)));
      if (faulty.length) setOpen(new Set([...open, ...faulty]));
      setAlert(unplaced.length ? unplaced.join(" ") : failure.details.length ? t.errors.fixFields : failure.message);
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setDraft(saved);
    setGeneration(generation + 1);
    setErrors({});
    setAlert(null);
    setAskDiscard(false);
  };

  return (
    <div class="reception-editor">
      <div class="editor-settings">
        <LanguageSettings settings={draft} onSettings={change} errors={errors} />
        <section class="card editor-card" aria-labelledby="editor-blocks-title">
          <h2 id="editor-blocks-title">{t.editor.blocksTitle}</h2>
          <p class="muted">{t.editor.blocksLead}</p>
          <BlockList
            key={generation}
            settings={draft}
            onSettings={change}
            language={textLanguage}
            onLanguage={setLanguage}
            errors={errors}
            open={open}
            onToggle={toggle}
            onColourValidity={onColourValidity}
            announce={setAnnouncement}
          />
          <p class="visually-hidden" aria-live="polite" data-testid="announcer">
            {announcement}
          </p>
        </section>
        <ChatAndWeatherSettings settings={draft} onSettings={change} errors={errors} />
        <WeatherStatusCard />
      </div>
      <div class="editor-preview" id="reception-preview">
        <PreviewFrames slug={slug} settings={draft} />
      </div>
      <div class="editor-savebar" role="region" aria-label={t.editor.save}>
        <div class="editor-savebar-inner">
          <div class="editor-status">
            {alert ? <Alert kind="error">{alert}</Alert> : null}
            {success ? <Alert kind="success">{t.editor.saved}</Alert> : null}
            {!alert && !success ? (
              <p class={dirty ? "unsaved" : "muted"} role="status">
                {dirty ? t.editor.unsaved : t.editor.noChanges}
              </p>
            ) : null}
            <a class="preview-jump" href="#reception-preview">
              {t.editor.seePreview}
            </a>
          </div>
          <div class="actions">
            <button type="button" class="button" disabled={!dirty || busy} onClick={() => setAskDiscard(true)}>
              {t.editor.discard}
            </button>
            <button type="button" class="button button-primary" disabled={!dirty || busy} onClick={() => void save()}>
              {busy ? t.editor.saving : t.editor.save}
            </button>
          </div>
        </div>
      </div>
      {leaving ? (
        <ConfirmDialog
          title={t.editor.leaveTitle}
          confirmLabel={t.editor.leave}
          cancelLabel={t.editor.stay}
          danger
          onConfirm={() => {
            setLeaving(null);
            leaving.go();
          }}
          onCancel={() => setLeaving(null)}
        >
          <p>{t.editor.leaveBody}</p>
        </ConfirmDialog>
      ) : null}
      {askDiscard ? (
        <ConfirmDialog title={t.editor.discardTitle} confirmLabel={t.editor.discardConfirm} cancelLabel={t.editor.stay} danger onConfirm={discard} onCancel={() => setAskDiscard(false)}>
          <p>{t.editor.discardBody}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
