import { Page } from "../components/page";
import { t } from "../messages";

/** A section that is not built yet: what it will do, and nothing to click. */
export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title}>
      <section class="card coming-soon">
        <p class="badge badge-muted">{t.sections.badge}</p>
        <p>{description}</p>
        <p class="muted">{t.sections.notYet}</p>
      </section>
    </Page>
  );
}
