import { BLOCKS_WITH_BODY, BLOCK_LABELS, type BlockSettings, type GuestLanguage, type ReceptionSettings } from "@innbox/protocol/reception-view";
import { BLOCK_BODY_MAX } from "@innbox/protocol/rules";
import { useId } from "preact/hooks";
import { TextAreaField, TextField } from "../../components/field";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";
import { BlockColourField } from "./colour-field";
import { AA_NORMAL_TEXT, contrastRatio, formatRatio } from "./contrast";
import { setText } from "./settings-edit";

interface BlockEditorProps {
  block: BlockSettings;
  settings: ReceptionSettings;
  /** The language whose texts are shown (one tab per language the manager translates into). */
  language: GuestLanguage;
  onLanguage: (language: GuestLanguage) => void;
  /** The languages this block lacks words in. */
  missing: readonly GuestLanguage[];
  errors: Readonly<Record<string, string>>;
  onBlock: (block: BlockSettings) => void;
  onColourValidity: (key: string, ok: boolean) => void;
}

/** One block's colours and its words in each language. */
export function BlockEditor({ block, settings, language, onLanguage, missing, errors, onBlock, onColourValidity }: BlockEditorProps) {
  const id = useId();
  const ratio = contrastRatio(block.textColor, block.backgroundColor);
  const label = BLOCK_LABELS[block.id];
  const texts = block.texts[language] ?? {};
  const fallback = language === settings.defaultLanguage ? undefined : block.texts[settings.defaultLanguage];
  const fallbackNote = t.editor.untranslatedPlaceholder(languageName(settings.defaultLanguage));
  const key = (rest: string) => `${block.id}.${rest}`;
  const panelId = `${id}-texts`;
  const languages = settings.languages;

  return (
    <div class="block-editor">
      {errors[block.id] ? <p class="field-error">{errors[block.id]}</p> : null}
      <div class="field-row colour-row">
        <BlockColourField
          label={t.editor.textColor}
          name={key("textColor")}
          value={block.textColor}
          onValue={(textColor) => onBlock({ ...block, textColor })}
          onValidity={(ok) => onColourValidity(key("textColor"), ok)}
          error={errors[key("textColor")]}
        />
        <BlockColourField
          label={t.editor.backgroundColor}
          name={key("backgroundColor")}
          value={block.backgroundColor}
          onValue={(backgroundColor) => onBlock({ ...block, backgroundColor })}
          onValidity={(ok) => onColourValidity(key("backgroundColor"), ok)}
          error={errors[key("backgroundColor")]}
        />
      </div>
      <p
        class={ratio < AA_NORMAL_TEXT ? "contrast contrast-low" : "contrast"}
        style={{ color: block.textColor, background: block.backgroundColor }}
      >
        <span class="contrast-sample">{label}</span>
      </p>
      {ratio < AA_NORMAL_TEXT ? (
        <p class="contrast-warning" role="status">
          {t.editor.contrastLow(formatRatio(ratio))}
        </p>
      ) : (
        <p class="field-hint">{t.editor.contrastOk(formatRatio(ratio))}</p>
      )}

      {languages.length > 1 ? (
        <div class="language-tabs" role="tablist" aria-label={t.editor.languageTabs}>
          {languages.map((code) => (
            <button
              key={code}
              type="button"
              role="tab"
              id={`${id}-tab-${code}`}
              class="language-tab"
              aria-selected={code === language}
              aria-controls={panelId}
              tabIndex={code === language ? 0 : -1}
              onClick={() => onLanguage(code)}
              onKeyDown={(event) => {
                const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
                if (!step) return;
                event.preventDefault();
                const next = languages[(languages.indexOf(code) + step + languages.length) % languages.length]!;
                onLanguage(next);
                (event.currentTarget.parentElement?.querySelector(`#${CSS.escape(`${id}-tab-${next}`)}`) as HTMLElement | null)?.focus();
              }}
            >
              {languageName(code)}
              {missing.includes(code) ? (
                <span class="missing-mark" title={t.editor.missingShort}>
                  <span aria-hidden="true">!</span>
                  <span class="visually-hidden">{`, ${t.editor.missingShort}`}</span>
                </span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
      <div id={panelId} class="block-texts" role={languages.length > 1 ? "tabpanel" : undefined} aria-labelledby={languages.length > 1 ? `${id}-tab-${language}` : undefined} lang={language}>
        <TextField
          label={t.editor.heading}
          name={key(`texts.${language}.heading`)}
          value={texts.heading ?? ""}
          onValue={(value) => onBlock(setText(block, language, "heading", value))}
          error={errors[key(`texts.${language}.heading`)]}
          hint={fallback?.heading ? `${fallbackNote}: ${fallback.heading}` : t.editor.headingHint}
          placeholder={fallback?.heading ?? label}
        />
        {BLOCKS_WITH_BODY.has(block.id) ? (
          <TextAreaField
            label={t.editor.bodyLabel[block.id] ?? t.editor.bodyLabel.info!}
            name={key(`texts.${language}.body`)}
            value={texts.body ?? ""}
            onValue={(value) => onBlock(setText(block, language, "body", value))}
            error={errors[key(`texts.${language}.body`)]}
            hint={fallback?.body ? `${fallbackNote}.` : undefined}
            maxLength={BLOCK_BODY_MAX}
            rows={block.id === "info" ? 6 : 3}
            lang={language}
          />
        ) : null}
        {block.id === "info" ? (
          <details class="markdown-help">
            <summary>{t.editor.markdownHelp}</summary>
            <ul>
              {t.editor.markdownLines.map((line) => (
                <li key={line}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}
