import { Link } from "../components/link";
import { Page } from "../components/page";
import { t } from "../messages";

export function NotFoundPage() {
  return (
    <Page title={t.notFound.title} lead={t.notFound.body}>
      <p>
        <Link to="/" class="button">
          {t.notFound.home}
        </Link>
      </p>
    </Page>
  );
}

export function ForbiddenPage() {
  return (
    <Page title={t.forbidden.title} lead={t.forbidden.body}>
      <p>
        <Link to="/" class="button">
          {t.notFound.home}
        </Link>
      </p>
    </Page>
  );
}
