import type { ReceptionSettings } from "@innbox/protocol/reception-view";
import { useEffect, useState } from "preact/hooks";
import { ApiError, guestApi, type GuestReception } from "./api/guest-api";
import { adoptFormerRecord, browserStore } from "./chat/guest-storage";
import { adoptPropertyLanguage, choice, t } from "./i18n";
import { ReceptionPage } from "./pages/reception-page";
import { StatusPage } from "./pages/status-page";
import { isPreview, listenForSettings, previewed } from "./preview";
import { TAG_MAX_LENGTH, type ReceptionLink } from "./route";

type Load = { kind: "loading" } | { kind: "invalid" } | { kind: "unreachable" } | { kind: "ready"; reception: GuestReception };

/** The page's data is asked again this often while it stays open (weather, who is on duty). */
const REFRESH_MS = 15 * 60_000;

/** A refused room, shortened so the sentence about it stays readable. */
function quoted(tag: string): string {
  return tag.length > 60 ? `${tag.slice(0, 59)}…` : tag;
}

export function App({ link: given }: { link: ReceptionLink | null }) {
  // A room the appliance would refuse is said, not dropped; the guest may go on without it.
  const [link, setLink] = useState(given);
  const [load, setLoad] = useState<Load>(link ? { kind: "loading" } : { kind: "invalid" });
  const [attempt, setAttempt] = useState(0);
  const [preview] = useState(isPreview);
  const [draft, setDraft] = useState<ReceptionSettings | null>(null);

  const slug = link?.slug;
  useEffect(() => {
    if (!slug) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchPage = (quietly: boolean) => {
      if (!quietly) setLoad({ kind: "loading" });
      guestApi.getReception(slug, choice.language).then(
        (reception) => {
          if (!current) return;
          adoptPropertyLanguage(reception.language);
          // A chat started under the property's former link stays this guest's chat.
          adoptFormerRecord(browserStore(), reception.property.slug, reception.property.formerSlugs);
          setLoad({ kind: "ready", reception });
          timer = setTimeout(() => fetchPage(true), REFRESH_MS);
        },
        (error: unknown) => {
          if (!current) return;
          if (quietly) {
            timer = setTimeout(() => fetchPage(true), REFRESH_MS);
            return; // what the page shows stands
          }
          const invalid = error instanceof ApiError && (error.status === 404 || error.status === 400);
          setLoad({ kind: invalid ? "invalid" : "unreachable" });
        },
      );
    };
    fetchPage(false);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, attempt]);

  useEffect(() => (preview ? listenForSettings(setDraft) : undefined), [preview]);

  useEffect(() => {
    if (link?.refusedTag) document.title = t.page.roomLinkTitle;
    else if (load.kind === "ready") document.title = load.reception.property.name;
    else if (load.kind === "invalid") document.title = t.page.invalidTitle;
  }, [load, link]);

  if (link?.refusedTag && !preview) {
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
      return <ReceptionPage reception={draft ? previewed(load.reception, draft) : load.reception} link={link!} preview={preview} />;
  }
}
