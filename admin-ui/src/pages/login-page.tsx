import { useEffect, useState } from "preact/hooks";
import { PASSWORD, USERNAME } from "@innbox/protocol/rules";
import { toApiError } from "../api/client";
import { useApp } from "../app-context";
import { Alert } from "../components/alert";
import { AuthShell } from "../components/auth-shell";
import { TextField } from "../components/field";
import { RichText } from "../components/rich-text";
import { checkText, problems } from "../forms/checks";
import { placeServerErrors } from "../forms/server-errors";
import { t } from "../messages";
import { navigate } from "../router";

export function LoginPage({ next }: { next: string }) {
  const { api, startSession, loginNotice } = useApp();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t.login.title} · ${t.app.titleSuffix}`;
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = problems({
      username: checkText(username, t.login.username, { max: USERNAME.max }),
      password: !password ? t.validation.required(t.login.password) : password.length > PASSWORD.max ? t.validation.tooLong(t.login.password, PASSWORD.max) : undefined,
    });
    setFieldErrors(found);
    setAlert(null);
    if (Object.keys(found).length) return;

    setBusy(true);
    try {
      const session = await api.login({ username: username.trim(), password });
      startSession(session);
      navigate(next, { replace: true });
    } catch (caught) {
      const placed = placeServerErrors(toApiError(caught), { username: t.login.username, password: t.login.password });
      setFieldErrors(placed.fields);
      setAlert(placed.alert);
      setPassword("");
      setBusy(false);
    }
  };

  return (
    <AuthShell>
      <h1>{t.login.title}</h1>
      <p class="page-lead">{t.login.lead}</p>
      {loginNotice && !alert ? <Alert kind="info">{loginNotice}</Alert> : null}
      {alert ? <Alert kind="error">{alert}</Alert> : null}
      <form class="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.login.username}
          name="username"
          value={username}
          onValue={setUsername}
          autoComplete="username"
          error={fieldErrors.username}
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
          error={fieldErrors.password}
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
