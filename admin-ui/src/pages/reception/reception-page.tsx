import { TabbedPage } from "../../components/tabbed-page";
import { t } from "../../messages";
import { DirectoryEditor } from "./directory-editor";
import { ReceptionEditor } from "./reception-editor";

const TABS = [
  { slug: "design", label: t.reception.tabs.design, Screen: ReceptionEditor },
  { slug: "directory", label: t.reception.tabs.directory, Screen: DirectoryEditor },
];

/** The Online Reception (manager only), one page per subject under /reception/<page>. */
export function ReceptionPage({ page }: { page: string | null }) {
  return <TabbedPage base="/reception" title={t.reception.title} lead={t.reception.lead} tabsLabel={t.reception.pagesLabel} tabs={TABS} page={page} />;
}
