import { Link } from "../../components/link";
import { Page } from "../../components/page";
import { Redirect } from "../../components/redirect";
import { t } from "../../messages";
import { NotFoundPage } from "../not-found-page";
import { DirectoryEditor } from "./directory-editor";
import { ReceptionEditor } from "./reception-editor";

const PAGES = [
  { slug: "design", label: t.reception.tabs.design, Screen: ReceptionEditor },
  { slug: "directory", label: t.reception.tabs.directory, Screen: DirectoryEditor },
] as const;

/** The Online Reception (manager only), one page per subject under /reception/<page>. */
export function ReceptionPage({ page }: { page: string | null }) {
  if (page === null) return <Redirect to={`/reception/${PAGES[0].slug}`} />;
  const current = PAGES.find((candidate) => candidate.slug === page);
  if (!current) return <NotFoundPage />;
  const { Screen } = current;
  return (
    <Page title={t.reception.title} lead={t.reception.lead}>
      <nav class="tabs" aria-label={t.reception.pagesLabel}>
        <ul>
          {PAGES.map((candidate) => (
            <li key={candidate.slug}>
              <Link to={`/reception/${candidate.slug}`} class="tab" current={candidate === current}>
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Screen key={current.slug} />
    </Page>
  );
}
