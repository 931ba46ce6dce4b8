import { Link } from "../../components/link";
import { Page } from "../../components/page";
import { Redirect } from "../../components/redirect";
import { t } from "../../messages";
import { NotFoundPage } from "../not-found-page";
import { AlertSettings } from "./alert-settings";
import { TelegramSettingsCard } from "./telegram-settings";
import { WorkingHoursSettings } from "./working-hours-settings";

const PAGES = [
  { slug: "telegram", label: t.settings.tabs.telegram, Screen: TelegramSettingsCard },
  { slug: "hours", label: t.settings.tabs.hours, Screen: WorkingHoursSettings },
  { slug: "alerts", label: t.settings.tabs.alerts, Screen: AlertSettings },
] as const;

/** Settings (manager only), one page per subject under /settings/<page>. */
export function SettingsPage({ page }: { page: string | null }) {
  if (page === null) return <Redirect to={`/settings/${PAGES[0].slug}`} />;
  const current = PAGES.find((candidate) => candidate.slug === page);
  if (!current) return <NotFoundPage />;
  const { Screen } = current;
  return (
    <Page title={t.settings.title} lead={t.settings.lead}>
      <nav class="tabs" aria-label={t.settings.pagesLabel}>
        <ul>
          {PAGES.map((candidate) => (
            <li key={candidate.slug}>
              <Link to={`/settings/${candidate.slug}`} class="tab" current={candidate === current}>
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
