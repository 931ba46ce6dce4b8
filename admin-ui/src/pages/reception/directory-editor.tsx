import type { Place, PlaceCategory } from "@innbox/protocol";
import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Icon } from "../../components/icon";
import { LoadState, useLoad } from "../../components/use-load";
import { t } from "../../messages";
import { CategoryName } from "./category-name";
import { findPlace, moveCategory, movePlace, orderBody, sameOrder, stepPlace } from "./directory-order";
import { PlaceForm } from "./place-form";
import { startPointerDrag } from "./pointer-drag";
import { dropIndex, keyboardStep } from "./reorder";

type Focus = { kind: "place" | "category"; id: string; control: "handle" | "up" | "down" };

/** The Guest Services Directory: categories and their places, in the order guests see. */
export function DirectoryEditor() {
  const [loaded, , loadError] = useLoad((api) => api.listPlaces());
  if (!loaded) return <LoadState error={loadError} />;
  return <Directory initial={loaded.categories} />;
}

function Directory({ initial }: { initial: PlaceCategory[] }) {
  const { api } = useSession();
  const [categories, setCategories] = useState(initial);
  const latest = useRef(categories);
  latest.current = categories;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Place | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<Focus | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!refocus) return;
    const row = list.current?.querySelector(refocus.kind === "place" ? `[data-place-id="${refocus.id}"]` : `[data-category-id="${refocus.id}"]`);
    const scope = refocus.kind === "place" ? row : row?.querySelector(".category-head");
    const wanted = scope?.querySelector<HTMLButtonElement>(`[data-control="${refocus.control}"]`);
    (wanted && !wanted.disabled ? wanted : scope?.querySelector<HTMLElement>('[data-control="handle"]'))?.focus();
    setRefocus(null);
  }, [refocus]);

  const show = (next: PlaceCategory[]) => {
    latest.current = next;
    setCategories(next);
  };

  // Moves may follow each other faster than the appliance answers: only the latest answer is shown.
  const lastOrder = useRef(0);

  /** Sends the whole order; on a refusal the list goes back to `before` (or to what is stored) and says why. */
  const saveOrder = async (next: PlaceCategory[], before: PlaceCategory[], said: string) => {
    show(next);
    setError(null);
    const mine = ++lastOrder.current;
    try {
      const answer = await api.orderPlaces(orderBody(next));
      if (mine !== lastOrder.current) return;
      show(answer.categories);
      setNotice(`${said} ${t.directory.orderSaved}`);
    } catch (caught) {
      setError(toApiError(caught).message);
      if (mine !== lastOrder.current) return;
      show(before);
      try {
        show((await api.listPlaces()).categories);
      } catch {
        // The list stays as it was before this move; the sentence above says what went wrong.
      }
    }
  };

  const placeMoved = (next: PlaceCategory[], placeId: string) => {
    const at = findPlace(next, placeId)!;
    const category = next[at.category]!;
    return t.directory.placeMoved(category.places[at.index]!.name, category.name, at.index + 1, category.places.length);
  };
  const categoryMoved = (next: PlaceCategory[], id: string) => {
    const index = next.findIndex((category) => category.id === id);
    return t.directory.categoryMoved(next[index]!.name, index + 1, next.length);
  };

  const stepOfPlace = (placeId: string, step: -1 | 1, control: Focus["control"]) => {
    const before = latest.current;
    const next = stepPlace(before, placeId, step);
    if (!next) return;
    setRefocus({ kind: "place", id: placeId, control });
    void saveOrder(next, before, placeMoved(next, placeId));
  };
  const stepOfCategory = (id: string, step: -1 | 1, control: Focus["control"]) => {
    const before = latest.current;
    const to = before.findIndex((category) => category.id === id) + step;
    if (to < 0 || to >= before.length) return;
    const next = moveCategory(before, id, to);
    setRefocus({ kind: "category", id, control });
    void saveOrder(next, before, categoryMoved(next, id));
  };

  const dragPlace = (event: PointerEvent, placeId: string) => {
    const before = latest.current;
    setDragging(placeId);
    startPointerDrag(event, {
      move: (_x, y) => {
        const boxes = Array.from(list.current?.querySelectorAll<HTMLElement>("[data-category-id]") ?? []);
        if (!boxes.length) return;
        // The category under the pointer, or the nearest one above or below the list.
        let target = boxes.findIndex((box) => y < box.getBoundingClientRect().bottom);
        if (target < 0) target = boxes.length - 1;
        const rows = Array.from(boxes[target]!.querySelectorAll<HTMLElement>("[data-place-id]")).filter((row) => row.dataset.placeId !== placeId);
        const index = dropIndex(y, rows.map((row) => row.getBoundingClientRect()));
        const at = findPlace(latest.current, placeId);
        if (at && at.category === target && at.index === index) return;
        show(movePlace(latest.current, placeId, target, index));
      },
      drop: () => {
        setDragging(null);
        if (!sameOrder(latest.current, before)) void saveOrder(latest.current, before, placeMoved(latest.current, placeId));
      },
      cancel: () => {
        setDragging(null);
        show(before);
      },
    });
  };

  const dragCategory = (event: PointerEvent, id: string) => {
    const before = latest.current;
    setDragging(id);
    startPointerDrag(event, {
      move: (_x, y) => {
        const others = Array.from(list.current?.querySelectorAll<HTMLElement>("[data-category-id]") ?? []).filter((box) => box.dataset.categoryId !== id);
        const to = dropIndex(y, others.map((box) => box.getBoundingClientRect()));
        if (latest.current.findIndex((category) => category.id === id) !== to) show(moveCategory(latest.current, id, to));
      },
      drop: () => {
        setDragging(null);
        if (!sameOrder(latest.current, before)) void saveOrder(latest.current, before, categoryMoved(latest.current, id));
      },
      cancel: () => {
        setDragging(null);
        show(before);
      },
    });
  };

  const reload = async (said: string) => {
    try {
      show((await api.listPlaces()).categories);
      setNotice(said);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    try {
      await api.deletePlace(deleting.id);
      const name = deleting.name;
      setDeleting(null);
      await reload(t.directory.deleted(name));
    } catch (caught) {
      setDeleting(null);
      setError(toApiError(caught).message);
    } finally {
      setDeleteBusy(false);
    }
  };

  const names = categories.map((category) => category.name);

  return (
    <div class="directory-editor">
      <section class="card editor-card" aria-labelledby="directory-title">
        <h2 id="directory-title">{t.reception.tabs.directory}</h2>
        <p class="muted">{t.directory.lead}</p>
        {error ? <Alert kind="error">{error}</Alert> : null}
        {categories.length === 0 ? <p class="directory-empty">{t.directory.empty}</p> : null}
        <ol ref={list} class="category-list">
          {categories.map((category, categoryIndex) => (
            <li key={category.id} data-category-id={category.id} class={dragging === category.id ? "category dragging" : "category"} aria-label={t.directory.categoryLabel(category.name)}>
              <div class="category-head">
                <button
                  type="button"
                  class="drag-handle"
                  data-control="handle"
                  aria-label={t.directory.categoryHandle(category.name)}
                  title={t.directory.categoryHandle(category.name)}
                  onPointerDown={(event) => dragCategory(event, category.id)}
                  onKeyDown={(event) => {
                    const step = keyboardStep(event);
                    if (!step) return;
                    event.preventDefault();
                    stepOfCategory(category.id, step, "handle");
                  }}
                >
                  <Icon name="grip" />
                </button>
                <CategoryName category={category} onRenamed={() => void reload("")} />
                <span class="move-buttons">
                  <MoveButton direction="up" label={t.directory.moveUp(category.name)} disabled={categoryIndex === 0} onMove={(step, control) => stepOfCategory(category.id, step, control)} />
                  <MoveButton
                    direction="down"
                    label={t.directory.moveDown(category.name)}
                    disabled={categoryIndex === categories.length - 1}
                    onMove={(step, control) => stepOfCategory(category.id, step, control)}
                  />
                </span>
              </div>
              <ul class="place-list">
                {category.places.map((place, index) => {
                  const first = categoryIndex === 0 && index === 0;
                  const last = categoryIndex === categories.length - 1 && index === category.places.length - 1;
                  const step = (direction: -1 | 1, control: Focus["control"]) => stepOfPlace(place.id, direction, control);
                  return (
                    <li key={place.id} data-place-id={place.id} class={dragging === place.id ? "place-row dragging" : "place-row"}>
                      <div class="place-head">
                        <button
                          type="button"
                          class="drag-handle"
                          data-control="handle"
                          aria-label={t.directory.placeHandle(place.name)}
                          title={t.directory.placeHandle(place.name)}
                          onPointerDown={(event) => dragPlace(event, place.id)}
                          onKeyDown={(event) => {
                            const direction = keyboardStep(event);
                            if (!direction) return;
                            event.preventDefault();
                            step(direction, "handle");
                          }}
                        >
                          <Icon name="grip" />
                        </button>
                        <div class="place-summary">
                          <span class="place-name">{place.name}</span>
                          {place.address || place.phone ? <span class="place-detail">{[place.address, place.phone].filter(Boolean).join(" · ")}</span> : null}
                        </div>
                        <span class="move-buttons">
                          <MoveButton direction="up" label={t.directory.moveUp(place.name)} disabled={first} onMove={step} />
                          <MoveButton direction="down" label={t.directory.moveDown(place.name)} disabled={last} onMove={step} />
                          <button
                            type="button"
                            class="button button-small button-quiet icon-button"
                            aria-label={t.directory.editPlace(place.name)}
                            title={t.directory.editPlace(place.name)}
                            aria-expanded={editing === place.id}
                            onClick={() => setEditing(editing === place.id ? null : place.id)}
                          >
                            <Icon name="edit" />
                          </button>
                          <button
                            type="button"
                            class="button button-small button-danger-quiet icon-button"
                            aria-label={t.directory.deletePlace(place.name)}
                            title={t.directory.deletePlace(place.name)}
                            onClick={() => setDeleting(place)}
                          >
                            <Icon name="trash" />
                          </button>
                        </span>
                      </div>
                      {editing === place.id ? (
                        <PlaceForm
                          place={place}
                          categories={names}
                          onCancel={() => setEditing(null)}
                          onDone={(saved) => {
                            setEditing(null);
                            void reload(t.directory.updated(saved.name));
                          }}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
        <p class="visually-hidden" aria-live="polite">
          {notice}
        </p>
        {notice && !error ? (
          <p class="field-hint directory-notice" aria-hidden="true">
            {notice}
          </p>
        ) : null}
      </section>
      <section class="card editor-card" aria-labelledby="add-place-title">
        <h2 id="add-place-title">{t.directory.addPlace}</h2>
        <PlaceForm categories={names} category={names[0]} onDone={(created) => void reload(t.directory.added(created.name))} />
      </section>
      {deleting ? (
        <ConfirmDialog
          title={t.directory.deleteTitle(deleting.name)}
          confirmLabel={t.directory.deleteConfirm}
          cancelLabel={t.directory.cancel}
          busy={deleteBusy}
          danger
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>{t.directory.deleteBody}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

interface MoveButtonProps {
  direction: "up" | "down";
  label: string;
  disabled: boolean;
  onMove: (step: -1 | 1, control: Focus["control"]) => void;
}

/** An arrow button that moves its item one step; Alt+Arrow keys on it move either way. */
function MoveButton({ direction, label, disabled, onMove }: MoveButtonProps) {
  return (
    <button
      type="button"
      class="button button-small button-quiet icon-button"
      data-control={direction}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={() => onMove(direction === "up" ? -1 : 1, direction)}
      onKeyDown={(event) => {
        const step = keyboardStep(event);
        if (!step) return;
        event.preventDefault();
        onMove(step, direction);
      }}
    >
      <Icon name={direction} />
    </button>
  );
}
