import { useEffect, useState } from "preact/hooks";
import { type ApiError, toApiError } from "../api/client";
import { useApp } from "../app-context";
import { Alert } from "../components/alert";
import { AuthShell } from "../components/auth-shell";
import { TextField } from "../components/field";
import { RichText } from "../components/rich-text";
import { t } from "../messages";
import { navigate } from "../router";

export function LoginPage({ next }: { next: string }) {
  const { api, startSession, loginNotice } = useApp();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t.login.title} · ${t.app.titleSuffix}`;
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!username.trim()) required.username = t.validation.required(t.login.username);
    if (!password) required.password = t.validation.required(t.login.password);
    setMissing(required);
    setError(null);
    if (Object.keys(required).length) return;

    setBusy(true);
    try {
      const session = await api.login({ username: username.trim(), password });
      startSession(session);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(toApiError(caught));
      setPassword("");
      setBusy(false);
    }
  };

  const fieldError = (name: string) => missing[name] ?? error?.fields[name];

  return (
    <AuthShell>
      <h1>{t.login.title}</h1>
      <p class="page-lead">{t.login.lead}</p>
      {loginNotice && !error ? <Alert kind="info">{loginNotice}</Alert> : null}
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      <form class="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.login.username}
          name="username"
          value={username}
          onValue={setUsername}
          autoComplete="username"
          error={fieldError("username")}
          required
          autoFocus
          verbatim
        />
        <TextField
          label={t.login.password}
          name="password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          error={fieldError("password")}
          required
        />
        <div class="actions">
          <button type="submit" class="button button-primary button-block" disabled={busy}>
            {busy ? t.login.submitting : t.login.submit}
          </button>
        </div>
      </form>
      <p class="auth-footnote">
        <RichText text={t.login.forgot} />
      </p>
    </AuthShell>
  );
}
