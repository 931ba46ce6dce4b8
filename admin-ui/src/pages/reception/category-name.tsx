import type { PlaceCategory } from "@innbox/protocol";
import { PLACE_NAME_MAX } from "@innbox/protocol/rules";
import { useState } from "preact/hooks";
import { useSession } from "../../app-context";
import { TextField } from "../../components/field";
import { useFormRequest } from "../../components/use-form-request";
import { checkName, problems } from "../../forms/checks";
import { t } from "../../messages";

/** A category's name, and a small form to rename it. */
export function CategoryName({ category, onRenamed }: { category: PlaceCategory; onRenamed: () => void }) {
  const { api } = useSession();
  const [name, setName] = useState<string | null>(null);
  const { fieldErrors, alert, busy, check, send } = useFormRequest({ name: t.directory.categoryName });

  if (name === null) {
    return (
      <div class="category-title">
        <h3>{category.name}</h3>
        <button type="button" class="button button-link" aria-label={t.directory.renameCategory(category.name)} onClick={() => setName(category.name)}>
          {t.directory.rename}
        </button>
      </div>
    );
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!check(problems({ name: checkName(name, t.directory.categoryName, PLACE_NAME_MAX) }))) return;
    await send(async () => {
      await api.renamePlaceCategory(category.id, name.trim());
      setName(null);
      onRenamed();
    });
  };

  return (
    <form class="category-rename" onSubmit={onSubmit} noValidate>
      <TextField label={t.directory.categoryName} name="name" value={name} onValue={setName} error={fieldErrors.name ?? alert ?? undefined} autoFocus />
      <div class="actions">
        <button type="submit" class="button button-primary button-small" disabled={busy}>
          {t.directory.saveName}
        </button>
        <button type="button" class="button button-small" onClick={() => setName(null)} disabled={busy}>
          {t.directory.cancel}
        </button>
      </div>
    </form>
  );
}
