import { BLOCK_LABELS, missingTranslations, type BlockId, type GuestLanguage, type ReceptionSettings } from "@innbox/protocol/reception-view";
import { useEffect, useRef, useState } from "preact/hooks";
import { Icon } from "../../components/icon";
import { languageName } from "../../format/language-name";
import { t } from "../../messages";
import { BlockEditor } from "./block-editor";
import { startPointerDrag } from "./pointer-drag";
import { dropIndex, keyboardStep, moveItem } from "./reorder";
import { updateBlock } from "./settings-edit";

interface BlockListProps {
  settings: ReceptionSettings;
  onSettings: (settings: ReceptionSettings) => void;
  language: GuestLanguage;
  onLanguage: (language: GuestLanguage) => void;
  errors: Readonly<Record<string, string>>;
  /** Blocks open for editing (their colours and words). */
  open: ReadonlySet<BlockId>;
  onToggle: (id: BlockId) => void;
  onColourValidity: (key: string, ok: boolean) => void;
  /** Says a sentence to screen readers (the list's order after a move). */
  announce: (sentence: string) => void;
}

type FocusTarget = { id: BlockId; control: "handle" | "up" | "down" };

/** The blocks in page order: each can be moved, shown or hidden, and opened for editing. */
export function BlockList(props: BlockListProps) {
  const { settings, onSettings, announce } = props;
  const list = useRef<HTMLOListElement>(null);
  const latest = useRef(settings);
  latest.current = settings;
  const [dragging, setDragging] = useState<BlockId | null>(null);
  const [refocus, setRefocus] = useState<FocusTarget | null>(null);
  const missing = missingTranslations(settings);
  const count = settings.blocks.length;

  // A moved block's DOM node may be taken out and put back: keep the focus on its control.
  useEffect(() => {
    if (!refocus) return;
    const row = list.current?.querySelector(`[data-block-id="${refocus.id}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-control="${refocus.control}"]`);
    (wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLElement>('[data-control="handle"]'))?.focus();
    setRefocus(null);
  }, [refocus]);

  const move = (id: BlockId, to: number, control: FocusTarget["control"]) => {
    const from = latest.current.blocks.findIndex((block) => block.id === id);
    if (to < 0 || to >= count || to === from) return;
    const next = { ...latest.current, blocks: moveItem(latest.current.blocks, from, to) };
    latest.current = next;
    onSettings(next);
    setRefocus({ id, control });
    announce(t.editor.moved(BLOCK_LABELS[id], to + 1, count));
  };

  const onKey = (event: KeyboardEvent, id: BlockId, control: FocusTarget["control"]) => {
    const step = keyboardStep(event);
    if (!step) return;
    event.preventDefault();
    const from = latest.current.blocks.findIndex((block) => block.id === id);
    move(id, from + step, control);
  };

  const drag = (event: PointerEvent, id: BlockId) => {
    const before = latest.current;
    setDragging(id);
    startPointerDrag(event, {
      move: (_x, y) => {
        const others = Array.from(list.current?.querySelectorAll<HTMLElement>("[data-block-id]") ?? []).filter((row) => row.dataset.blockId !== id);
        const to = dropIndex(
          y,
          others.map((row) => row.getBoundingClientRect()),
        );
        const from = latest.current.blocks.findIndex((block) => block.id === id);
        if (to === from) return;
        const next = { ...latest.current, blocks: moveItem(latest.current.blocks, from, to) };
        latest.current = next;
        onSettings(next);
      },
      drop: () => {
        setDragging(null);
        const at = latest.current.blocks.findIndex((block) => block.id === id);
        if (latest.current !== before) announce(t.editor.moved(BLOCK_LABELS[id], at + 1, count));
      },
      cancel: () => {
        setDragging(null);
        onSettings(before);
      },
    });
  };

  return (
    <ol ref={list} class="block-list" aria-label={t.editor.blockListLabel}>
      {settings.blocks.map((block, index) => {
        const label = BLOCK_LABELS[block.id];
        const lacking = missing[block.id] ?? [];
        const isOpen = props.open.has(block.id);
        const hasError = Object.keys(props.errors).some((key) => key === block.id || key.startsWith(`${block.id}.`));
        return (
          <li
            key={block.id}
            data-block-id={block.id}
            class={["block-row", dragging === block.id ? "dragging" : "", block.visible ? "" : "block-hidden", hasError ? "block-invalid" : ""].join(" ").trim()}
          >
            <div class="block-row-head">
              <button
                type="button"
                class="drag-handle"
                data-control="handle"
                aria-label={t.editor.dragHandle(label)}
                title={t.editor.dragHandle(label)}
                onPointerDown={(event) => drag(event, block.id)}
                onKeyDown={(event) => onKey(event, block.id, "handle")}
              >
                <Icon name="grip" />
              </button>
              <span class="block-swatch" style={{ color: block.textColor, background: block.backgroundColor }} aria-hidden="true">
                Aa
              </span>
              <button
                type="button"
                class="block-name"
                aria-expanded={isOpen}
                aria-label={t.editor.edit(label)}
                onClick={() => props.onToggle(block.id)}
                onKeyDown={(event) => onKey(event, block.id, "handle")}
              >
                <span class="block-label">{label}</span>
                <Icon name={isOpen ? "up" : "down"} class="block-chevron" />
              </button>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={block.visible}
                  aria-label={t.editor.showBlock(label)}
                  onChange={(event) => onSettings(updateBlock(latest.current, block.id, (b) => ({ ...b, visible: event.currentTarget.checked })))}
                />
                <span class="switch-text" aria-hidden="true">
                  {block.visible ? t.editor.visible : t.editor.hidden}
                </span>
              </label>
              <span class="move-buttons">
                <button
                  type="button"
                  class="button button-small button-quiet icon-button"
                  data-control="up"
                  aria-label={t.editor.moveUp(label)}
                  title={t.editor.moveUp(label)}
                  disabled={index === 0}
                  onClick={() => move(block.id, index - 1, "up")}
                  onKeyDown={(event) => onKey(event, block.id, "up")}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  class="button button-small button-quiet icon-button"
                  data-control="down"
                  aria-label={t.editor.moveDown(label)}
                  title={t.editor.moveDown(label)}
                  disabled={index === count - 1}
                  onClick={() => move(block.id, index + 1, "down")}
                  onKeyDown={(event) => onKey(event, block.id, "down")}
                >
                  <Icon name="down" />
                </button>
              </span>
            </div>
            {lacking.length ? (
              <p class="missing-note" data-missing={lacking.join(" ")}>
                {t.editor.missing(lacking.map(languageName).join(", "))}
              </p>
            ) : null}
            {isOpen ? (
              <BlockEditor
                block={block}
                settings={settings}
                language={props.language}
                onLanguage={props.onLanguage}
                missing={lacking}
                errors={props.errors}
                onBlock={(changed) => onSettings(updateBlock(latest.current, block.id, () => changed))}
                onColourValidity={props.onColourValidity}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
