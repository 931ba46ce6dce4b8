import type { TeamMember } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { useSession } from "../app-context";
import { Icon } from "../components/icon";
import { Link } from "../components/link";
import { Page } from "../components/page";
import { t } from "../messages";
import { MyTelegramCard } from "./my-telegram-card";
import { TodaySummary } from "./rooms/today-summary";

export function HomePage() {
  const { api, session, property } = useSession();
  const isManager = session.user.role === "manager";
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [botReady, setBotReady] = useState(false);

  useEffect(() => {
    if (!isManager) return;
    // Only to tick the checklist; if it fails the step simply stays open.
    api.listTeam().then(setMembers, () => {});
    api.getTelegram().then((bot) => setBotReady(bot.configured), () => {});
  }, [api, isManager]);

  const title = property ? t.home.welcome(property.name) : t.home.title;
  const hasLocation = property?.latitude != null && property.longitude != null;

  return (
    <Page title={title} lead={t.home.greeting(session.user.name)}>
      <TodaySummary isManager={isManager} />
      {isManager ? (
        <section class="card" aria-labelledby="checklist-title">
          <h2 id="checklist-title">{t.home.checklistTitle}</h2>
          <p class="muted">{t.home.managerLead}</p>
          <ul class="checklist">
            <ChecklistItem
              done={members !== null && members.length > 1}
              title={t.home.stepTeam}
              hint={t.home.stepTeamHint}
              to="/team"
              action={t.home.stepTeamAction}
            />
            <ChecklistItem
              done={hasLocation}
              title={t.home.stepPlace}
              hint={t.home.stepPlaceHint}
              to="/property"
              action={t.home.stepPlaceAction}
            />
            <ChecklistItem
              done={botReady}
              title={t.home.stepTelegram}
              hint={t.home.stepTelegramHint}
              to="/settings/telegram"
              action={t.home.stepTelegramAction}
            />
          </ul>
        </section>
      ) : (
        <section class="card">
          <p>{t.home.staffLead}</p>
        </section>
      )}
      <MyTelegramCard />
      <section class="card card-quiet">
        <h2>{t.home.comingTitle}</h2>
        <p class="muted">{t.home.comingBody}</p>
      </section>
    </Page>
  );
}

interface ChecklistItemProps {
  done: boolean;
  title: string;
  hint: string;
  to: string;
  action: string;
}

function ChecklistItem({ done, title, hint, to, action }: ChecklistItemProps) {
  return (
    <li class={done ? "checklist-item checklist-done" : "checklist-item"}>
      <Icon name={done ? "check" : "todo"} class="checklist-icon" />
      <div class="checklist-text">
        <p class="checklist-title">
          {title} <span class="visually-hidden">({done ? t.home.done : t.home.toDo})</span>
        </p>
        <p class="muted">{hint}</p>
      </div>
      <Link to={to} class="button">
        {action}
      </Link>
    </li>
  );
}
