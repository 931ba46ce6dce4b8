import type { FunctionComponent } from "preact";
import { NotFoundPage } from "../pages/not-found-page";
import { Link } from "./link";
import { Page } from "./page";
import { Redirect } from "./redirect";

export interface Tab {
  slug: string;
  label: string;
  Screen: FunctionComponent;
}

interface Props {
  /** The section's path, e.g. "/settings": each tab is <base>/<slug>. */
  base: string;
  title: string;
  lead: string;
  /** The tabs' navigation label, for screen readers. */
  tabsLabel: string;
  tabs: readonly Tab[];
  /** The tab in the address; null goes to the first one. */
  page: string | null;
}

/** A section with one page per subject under <base>/<page>, and tabs between them. */
export function TabbedPage({ base, title, lead, tabsLabel, tabs, page }: Props) {
  if (page === null) return <Redirect to={`${base}/${tabs[0]!.slug}`} />;
  const current = tabs.find((candidate) => candidate.slug === page);
  if (!current) return <NotFoundPage />;
  const { Screen } = current;
  return (
    <Page title={title} lead={lead}>
      <nav class="tabs" aria-label={tabsLabel}>
        <ul>
          {tabs.map((candidate) => (
            <li key={candidate.slug}>
              <Link to={`${base}/${candidate.slug}`} class="tab" current={candidate === current}>
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
