// The list of scenarios as cards; deleting asks first and shows the appliance's refusal.
import type { Scenario } from "@innbox/protocol";
import { useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { t } from "../../messages";
import { duplicateScenario } from "./duplicate";
import { ScenarioCard } from "./scenario-card";
import type { ScenarioData } from "./use-scenarios";

const s = () => t.scenarios;

export function ScenarioList({ data, notice: initialNotice }: { data: ScenarioData; notice?: string | null }) {
  const { api, session } = useSession();
  const isManager = session.user.role === "manager";
  const { scenarios, names, loadError, upsert, remove } = data;
  const [notice, setNotice] = useState<string | null>(initialNotice ?? null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Scenario | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);

  const onConfirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.deleteScenario(deleting.id);
      remove(deleting.id);
      setNotice(s().deleted(deleting.name));
      setDeleting(null);
    } catch (caught) {
      setDeleteError(toApiError(caught).message);
    } finally {
      setDeleteBusy(false);
    }
  };

  const sorted = scenarios ? [...scenarios].sort((a, b) => a.name.localeCompare(b.name)) : [];

  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      {!scenarios && !loadError ? <p role="status">{t.app.loading}</p> : null}
      {scenarios && scenarios.length === 0 ? <p class="card card-pad muted">{isManager ? s().empty : s().emptyStaff}</p> : null}
      {sorted.length ? (
        <ul class="scenario-grid" aria-label={s().title}>
          {sorted.map((scenario) => (
            <ScenarioCard
              key={scenario.id}
              scenario={scenario}
              names={names}
              isManager={isManager}
              onChanged={upsert}
              onStarted={(started) => {
                setError(null);
                setNotice(s().started(started.name));
              }}
              onDuplicate={async () => {
                setNotice(null);
                setError(null);
                try {
                  const copy = await duplicateScenario(api, scenario);
                  upsert(copy);
                  setNotice(s().duplicated(copy.name));
                } catch (caught) {
                  setError(toApiError(caught).message);
                }
              }}
              onDelete={() => {
                setDeleteError(null);
                setDeleting(scenario);
              }}
            />
          ))}
        </ul>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={s().confirmTitle(deleting.name)}
          confirmLabel={deleteBusy ? s().deleting : s().confirmDelete}
          cancelLabel={s().cancel}
          busy={deleteBusy}
          danger
          onConfirm={onConfirmDelete}
          onCancel={() => setDeleting(null)}
        >
          <p>{s().confirmBody}</p>
          {deleteError ? <Alert kind="error">{deleteError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
