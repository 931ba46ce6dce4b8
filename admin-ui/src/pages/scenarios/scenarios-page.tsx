// The Scenarios section: the list (/scenarios), the run log (/scenarios/log), and the
// editor (/scenarios/new, /scenarios/{id}), the last two the manager's.
import { useSession } from "../../app-context";
import { Icon } from "../../components/icon";
import { Link } from "../../components/link";
import { Page } from "../../components/page";
import { t } from "../../messages";
import { ForbiddenPage, NotFoundPage } from "../not-found-page";
import { RunLog } from "./run-log";
import { ScenarioEditor, takeFlash } from "./scenario-editor";
import { ScenarioList } from "./scenario-list";
import { useScenarios } from "./use-scenarios";

const s = () => t.scenarios;

export function ScenariosPage({ page }: { page: string | null }) {
  const { session } = useSession();
  const isManager = session.user.role === "manager";
  const data = useScenarios();

  if (page === null || page === "log") {
    return (
      <Page title={s().title} lead={isManager ? s().lead : s().staffLead}>
        <div class="scenario-toolbar">
          <nav class="tabs" aria-label={s().tabsLabel}>
            <ul>
              <li>
                <Link to="/scenarios" class="tab" current={page === null}>
                  {s().tabList}
                </Link>
              </li>
              <li>
                <Link to="/scenarios/log" class="tab" current={page === "log"}>
                  {s().tabLog}
                </Link>
              </li>
            </ul>
          </nav>
          {isManager && page === null ? (
            <Link to="/scenarios/new" class="button button-primary">
              <Icon name="plus" />
              {s().add}
            </Link>
          ) : null}
        </div>
        {page === null ? <ScenarioList data={data} notice={takeFlash()} /> : <RunLog names={data.names} />}
      </Page>
    );
  }
  if (!isManager) return <ForbiddenPage />;
  if (page === "new") return <ScenarioEditor key="new" scenario={null} data={data} />;
  if (!data.scenarios) return <p role="status">{t.app.loading}</p>;
  const scenario = data.scenarios.find((each) => each.id === page);
  if (!scenario) return <NotFoundPage />;
  return <ScenarioEditor key={scenario.id} scenario={scenario} data={data} />;
}
