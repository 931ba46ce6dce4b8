import { useEffect, useState } from "preact/hooks";
import { ApiError, guestApi, type GuestProperty } from "./api/guest-api";
import { choice, t } from "./i18n";
import { ReceptionPage } from "./pages/reception-page";
import { StatusPage } from "./pages/status-page";
import type { ReceptionLink } from "./route";

type Load = { kind: "loading" } | { kind: "invalid" } | { kind: "unreachable" } | { kind: "ready"; property: GuestProperty };

export function App({ link }: { link: ReceptionLink | null }) {
  const [load, setLoad] = useState<Load>(link ? { kind: "loading" } : { kind: "invalid" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!link) return;
    let current = true;
    setLoad({ kind: "loading" });
    guestApi.getProperty(link.slug, choice.language).then(
      (property) => current && setLoad({ kind: "ready", property }),
      (error: unknown) => {
        if (!current) return;
        const invalid = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ kind: invalid ? "invalid" : "unreachable" });
      },
    );
    return () => {
      current = false;
    };
  }, [link, attempt]);

  useEffect(() => {
    if (load.kind === "ready") document.title = load.property.name;
    else if (load.kind === "invalid") document.title = t.page.invalidTitle;
  }, [load]);

  switch (load.kind) {
    case "loading":
      return <StatusPage busy title={t.page.loading} />;
    case "invalid":
      return <StatusPage title={t.page.invalidTitle} body={t.page.invalidBody} />;
    case "unreachable":
      return <StatusPage title={t.page.unreachableTitle} body={t.page.unreachableBody} onRetry={() => setAttempt((n) => n + 1)} />;
    case "ready":
      return <ReceptionPage property={load.property} link={link!} />;
  }
}
