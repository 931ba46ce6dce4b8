import { useEffect, useState } from "preact/hooks";
import { ApiError, guestApi, type GuestProperty } from "./api/guest-api";
import { adoptFormerRecord, browserStore } from "./chat/guest-storage";
import { choice, t } from "./i18n";
import { ReceptionPage } from "./pages/reception-page";
import { StatusPage } from "./pages/status-page";
import { TAG_MAX_LENGTH, type ReceptionLink } from "./route";

type Load = { kind: "loading" } | { kind: "invalid" } | { kind: "unreachable" } | { kind: "ready"; property: GuestProperty };

/** A refused room, shortened so the sentence about it stays readable. */
function quoted(tag: string): string {
  return tag.length > 60 ? `${tag.slice(0, 59)}…` : tag;
}

export function App({ link: given }: { link: ReceptionLink | null }) {
  // A room the appliance would refuse is said, not dropped; the guest may go on without it.
  const [link, setLink] = useState(given);
  const [load, setLoad] = useState<Load>(link ? { kind: "loading" } : { kind: "invalid" });
  const [attempt, setAttempt] = useState(0);

  const slug = link?.slug;
  useEffect(() => {
    if (!slug) return;
    let current = true;
    setLoad({ kind: "loading" });
    guestApi.getProperty(slug, choice.language).then(
      (property) => {
        if (!current) return;
        // A chat started under the property's former link stays this guest's chat.
        adoptFormerRecord(browserStore(), property.slug, property.formerSlugs);
        setLoad({ kind: "ready", property });
      },
      (error: unknown) => {
        if (!current) return;
        const invalid = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoad({ kind: invalid ? "invalid" : "unreachable" });
      },
    );
    return () => {
      current = false;
    };
  }, [slug, attempt]);

  useEffect(() => {
    if (link?.refusedTag) document.title = t.page.roomLinkTitle;
    else if (load.kind === "ready") document.title = load.property.name;
    else if (load.kind === "invalid") document.title = t.page.invalidTitle;
  }, [load, link]);

  if (link?.refusedTag) {
    const { tag, reason } = link.refusedTag;
    return (
      <StatusPage
        title={t.page.roomLinkTitle}
        body={reason === "long" ? t.page.roomTagTooLong(quoted(tag), TAG_MAX_LENGTH) : t.page.roomTagInvalid(quoted(tag))}
        action={{ label: t.page.continueWithoutRoom, onClick: () => setLink({ slug: link.slug }) }}
      />
    );
  }

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
