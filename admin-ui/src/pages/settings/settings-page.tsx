import { TabbedPage } from "../../components/tabbed-page";
import { t } from "../../messages";
import { AlertSettings } from "./alert-settings";
import { SecureConnectionSettings } from "./secure-connection";
import { TelegramSettingsCard } from "./telegram-settings";
import { WorkingHoursSettings } from "./working-hours-settings";

const TABS = [
  { slug: "telegram", label: t.settings.tabs.telegram, Screen: TelegramSettingsCard },
  { slug: "hours", label: t.settings.tabs.hours, Screen: WorkingHoursSettings },
  { slug: "alerts", label: t.settings.tabs.alerts, Screen: AlertSettings },
  { slug: "secure-connection", label: t.settings.tabs.secure, Screen: SecureConnectionSettings },
];

/** Settings (manager only), one page per subject under /settings/<page>. */
export function SettingsPage({ page }: { page: string | null }) {
  return <TabbedPage base="/settings" title={t.settings.title} lead={t.settings.lead} tabsLabel={t.settings.pagesLabel} tabs={TABS} page={page} />;
}
