// A scenario's editor (/scenarios/new, /scenarios/{id}): name, mode, switched on; triggers,
// conditions and actions row by row; the sentence it reads as on top; the preview beside it
// (below on phones); its run log under it. New ones start from a template.
import type { Scenario } from "@innbox/protocol";
import type { ComponentChildren, RefObject } from "preact";
import { SCENARIO_MODES } from "@innbox/protocol/scenario-rules";
import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { Checkbox, TextField } from "../../components/field";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { usePageHeading } from "../../components/page";
import { useFormRequest } from "../../components/use-form-request";
import { t } from "../../messages";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { guardNavigation, leave, navigate } from "../../router";
import { ActionRow } from "./action-row";
import { checkDraft, previewable } from "./checks";
import { ConditionRow } from "./condition-row";
import { bodyOf, draftOf, emptyDraft, newAction, newCondition, newTrigger, type Draft } from "./draft";
import { duplicateScenario } from "./duplicate";
import { PreviewPanel } from "./preview-panel";
import { RunLog } from "./run-log";
import { scenarioSentence } from "./sentence";
import { placeScenarioField } from "./server-fields";
import { TEMPLATE_IDS, templateDraft, type TemplateId } from "./templates";
import { TriggerRow } from "./trigger-row";
import type { ScenarioData } from "./use-scenarios";

const s = () => t.scenarios;

/** A sentence for the list after leaving the editor. */
let flash: string | null = null;
export function takeFlash(): string | null {
  const said = flash;
  flash = null;
  return said;
}

export function ScenarioEditor({ scenario, data }: { scenario: Scenario | null; data: ScenarioData }) {
  const { api } = useSession();
  const { names, upsert } = data;
  const [draft, setDraft] = useState<Draft | null>(() => (scenario ? draftOf(scenario) : null));
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const { fieldErrors, alert, busy, check, send } = useFormRequest(placeScenarioField);
  const title = scenario ? s().editHeading(scenario.name) : s().newHeading;
  const heading = usePageHeading(title);
  const form = useRef<HTMLFormElement>(null);
  // What the draft was when opened (or when a template filled it): changes since are unsaved.
  const [baseline, setBaseline] = useState(() => (draft ? JSON.stringify(draft) : ""));
  const [leaving, setLeaving] = useState<{ go: () => void } | null>(null);
  const dirty = draft !== null && JSON.stringify(draft) !== baseline;

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

  // Once a save was tried, the checks follow each change so a fixed field clears at once.
  useEffect(() => {
    if (checked && draft) check(checkDraft(draft, names));
  }, [draft, checked, names]);

  const update = (next: Draft) => {
    setNotice(null);
    setDraft(next);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setChecked(true);
    const found = checkDraft(draft, names);
    if (!check(found)) {
      // Focus the first field that needs attention.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true], .field-error")?.closest(".field, fieldset")?.querySelector<HTMLElement>("input, select, textarea")?.focus());
      return;
    }
    await send(async () => {
      const saved = scenario ? await api.updateScenario(scenario.id, bodyOf(draft)) : await api.createScenario(bodyOf(draft));
      upsert(saved);
      flash = scenario ? s().saved(saved.name) : s().created(saved.name);
      navigate("/scenarios");
    });
  };

  if (!draft)
    return (
      <TemplateChooser
        heading={heading}
        title={title}
        onPick={(picked) => {
          setBaseline(JSON.stringify(picked));
          update(picked);
        }}
      />
    );

  const problems = Object.keys(fieldErrors).length;
  const sentence = scenarioSentence(draft, names);

  return (
    <div class="page scenario-editor-page">
      <header class="page-header">
        <BackAndTitle heading={heading} title={title} />
        <p class="scenario-live-sentence" aria-label={s().reads}>
          <span class="scenario-reads">{s().reads}</span> {sentence}
        </p>
      </header>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {runError ? <Alert kind="error">{runError}</Alert> : null}
      <div class="scenario-editor-layout">
        <form ref={form} class="form card scenario-form" onSubmit={onSubmit} noValidate aria-labelledby="scenario-form-title">
          <h2 id="scenario-form-title" class="visually-hidden">
            {title}
          </h2>
          {problems && !alert ? <Alert kind="error">{s().check.summary(problems)}</Alert> : null}
          {alert ? <Alert kind="error">{alert}</Alert> : null}
          <TextField label={s().name} name="name" value={draft.name} error={fieldErrors.name} onValue={(name) => update({ ...draft, name })} autoComplete="off" required />
          <fieldset class="fieldset scenario-modes">
            <legend>{s().mode}</legend>
            <p class="field-hint">{s().modeHint}</p>
            {SCENARIO_MODES.map((mode) => (
              <label key={mode} class={draft.mode === mode ? "scenario-mode is-chosen" : "scenario-mode"}>
                <input type="radio" name="mode" value={mode} checked={draft.mode === mode} onChange={() => update({ ...draft, mode })} />
                <span>
                  <strong>{s().modeName[mode]}</strong> <span class="muted">{s().modeHelp[mode]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Checkbox label={s().enabledCheckbox} name="enabled" checked={draft.enabled} hint={s().enabledHint} onChecked={(enabled) => update({ ...draft, enabled })} />

          <Part title={s().triggers} hint={s().triggersHint} error={fieldErrors.triggers} id="part-triggers">
            {draft.triggers.map((trigger, index) => (
              <TriggerRow
                key={index}
                index={index}
                trigger={trigger}
                names={names}
                errors={fieldErrors}
                onChange={(changed) => update({ ...draft, triggers: draft.triggers.map((old, at) => (at === index ? changed : old)) })}
                onRemove={() => update({ ...draft, triggers: draft.triggers.filter((_, at) => at !== index) })}
              />
            ))}
            <button type="button" class="button button-small" onClick={() => update({ ...draft, triggers: [...draft.triggers, newTrigger("time")] })}>
              <Icon name="plus" />
              {s().addTrigger}
            </button>
          </Part>

          <Part title={s().conditions} hint={s().conditionsHint} error={fieldErrors.conditions} id="part-conditions">
            {draft.conditions.map((condition, index) => (
              <ConditionRow
                key={index}
                condition={condition}
                path={`conditions.${index}`}
                number={String(index + 1)}
                depth={1}
                names={names}
                errors={fieldErrors}
                onChange={(changed) => update({ ...draft, conditions: draft.conditions.map((old, at) => (at === index ? changed : old)) })}
                onRemove={() => update({ ...draft, conditions: draft.conditions.filter((_, at) => at !== index) })}
              />
            ))}
            <div class="scenario-add-row">
              <button type="button" class="button button-small" onClick={() => update({ ...draft, conditions: [...draft.conditions, newCondition("stay")] })}>
                <Icon name="plus" />
                {s().addCondition}
              </button>
              <button type="button" class="button button-small" onClick={() => update({ ...draft, conditions: [...draft.conditions, newCondition("or")] })}>
                <Icon name="plus" />
                {s().addGroup}
              </button>
            </div>
          </Part>

          <Part title={s().actions} hint={s().actionsHint} error={fieldErrors.actions} id="part-actions">
            {draft.actions.map((action, index) => (
              <ActionRow
                key={index}
                index={index}
                action={action}
                names={names}
                selfId={scenario?.id}
                errors={fieldErrors}
                onChange={(changed) => update({ ...draft, actions: draft.actions.map((old, at) => (at === index ? changed : old)) })}
                onRemove={() => update({ ...draft, actions: draft.actions.filter((_, at) => at !== index) })}
              />
            ))}
            <button type="button" class="button button-small" onClick={() => update({ ...draft, actions: [...draft.actions, newAction("device")] })}>
              <Icon name="plus" />
              {s().addAction}
            </button>
          </Part>

          <div class="actions scenario-form-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {busy ? s().saving : scenario ? s().save : s().saveNew}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => leave("/scenarios", () => navigate("/scenarios"))}>
              {s().cancel}
            </button>
            {scenario ? (
              <>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={async () => {
                    setRunError(null);
                    try {
                      await api.runScenario(scenario.id);
                      setNotice(s().started(scenario.name));
                    } catch (caught) {
                      setRunError(toApiError(caught).message);
                    }
                  }}
                >
                  {s().runSaved}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() =>
                    leave("/scenarios", async () => {
                      setRunError(null);
                      try {
                        const copy = await duplicateScenario(api, scenario);
                        upsert(copy);
                        flash = s().duplicated(copy.name);
                        navigate(`/scenarios/${encodeURIComponent(copy.id)}`);
                      } catch (caught) {
                        setRunError(toApiError(caught).message);
                      }
                    })
                  }
                >
                  {s().duplicate}
                </button>
              </>
            ) : null}
          </div>
        </form>
        <div class="scenario-side">
          <PreviewPanel draft={draft} ready={previewable(draft, names)} names={names} />
        </div>
      </div>
      {scenario ? <RunLog scenarioId={scenario.id} names={names} /> : null}
      {leaving ? (
        <ConfirmDialog
          title={s().leaveTitle}
          confirmLabel={s().leave}
          cancelLabel={s().stay}
          danger
          onConfirm={() => {
            setLeaving(null);
            leaving.go();
          }}
          onCancel={() => setLeaving(null)}
        >
          <p>{s().leaveBody}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function Part({ title, hint, error, id, children }: { title: string; hint: string; error?: string | undefined; id: string; children: ComponentChildren }) {
  return (
    <section class={error ? "scenario-part is-invalid" : "scenario-part"} aria-labelledby={id}>
      <h2 id={id} class="scenario-part-title">
        {title}
      </h2>
      <p class="field-hint">{hint}</p>
      {error ? <p class="field-error">{error}</p> : null}
      {children}
    </section>
  );
}

function TemplateChooser({ heading, title, onPick }: { heading: RefObject<HTMLHeadingElement>; title: string; onPick: (draft: Draft) => void }) {
  return (
    <div class="page">
      <header class="page-header">
        <BackAndTitle heading={heading} title={title} />
        <p class="page-lead">{s().templatesHint}</p>
      </header>
      <section class="card template-card" aria-labelledby="templates-title">
        <h2 id="templates-title">
          {s().templates}
        </h2>
        <ul class="template-list">
          {TEMPLATE_IDS.map((id: TemplateId) => (
            <li key={id}>
              <button type="button" class="template-button" onClick={() => onPick(templateDraft(id))}>
                <strong>{s().template[id]}</strong>
                <span class="muted">{scenarioSentence(templateDraft(id), { rooms: [], devices: [], scenarios: [] })}</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" class="template-button" onClick={() => onPick(emptyDraft())}>
              <strong>{s().blank}</strong>
            </button>
          </li>
        </ul>
      </section>
    </div>
  );
}

/** The way back to the list and the page's title (focused when the page opens). */
function BackAndTitle({ heading, title }: { heading: RefObject<HTMLHeadingElement>; title: string }) {
  return (
    <>
      <Link to="/scenarios" class="back-link">
        <Icon name="back" />
        {s().back}
      </Link>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
    </>
  );
}
