import { t } from "../i18n";

interface StatusPageProps {
  title: string;
  body?: string;
  busy?: boolean;
  onRetry?: () => void;
  /** A way on from here, other than trying again. */
  action?: { label: string; onClick: () => void };
}

/** A whole-page message: loading, a link that leads nowhere, or no answer. */
export function StatusPage({ title, body, busy, onRetry, action }: StatusPageProps) {
  return (
    <main class="status-page" aria-busy={busy ? "true" : undefined}>
      <div class="status-card">
        {busy ? <div class="spinner" aria-hidden="true" /> : <div class="status-icon" aria-hidden="true" />}
        <h1>{title}</h1>
        {body && <p>{body}</p>}
        {onRetry && (
          <button type="button" class="button" onClick={onRetry}>
            {t.page.retry}
          </button>
        )}
        {action && (
          <button type="button" class="button" onClick={action.onClick}>
            {action.label}
          </button>
        )}
      </div>
    </main>
  );
}
