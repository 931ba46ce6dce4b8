import { Link } from "../components/link";
import { Page } from "../components/page";
import { t } from "../messages";

export function NotFoundPage() {
  return <HomeLinkPage title={t.notFound.title} lead={t.notFound.body} />;
}

export function ForbiddenPage() {
  return <HomeLinkPage title={t.forbidden.title} lead={t.forbidden.body} />;
}

/** A screen that only says why there is nothing here, with the way back home. */
function HomeLinkPage({ title, lead }: { title: string; lead: string }) {
  return (
    <Page title={title} lead={lead}>
      <p>
        <Link to="/" class="button">
          {t.notFound.home}
        </Link>
      </p>
    </Page>
  );
}
