import type { TeamMember } from "@innbox/protocol";
import { useCallback, useEffect, useState } from "preact/hooks";
import { type TelegramLinkStatus, toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Page } from "../../components/page";
import { t } from "../../messages";
import { AddMemberForm } from "./add-member-form";
import { EditMemberForm } from "./edit-member-form";
import { TelegramCell, type TelegramState } from "./telegram-cell";
import { TelegramLinkPanel } from "./telegram-link-panel";

export function TeamPage() {
  const { api, session, refreshSession } = useSession();
  const isManager = session.user.role === "manager";
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TeamMember | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [telegram, setTelegram] = useState<Record<string, TelegramState>>({});
  const [linkingId, setLinkingId] = useState<string | null>(null);
  const [unlinking, setUnlinking] = useState<TeamMember | null>(null);
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const [unlinkBusy, setUnlinkBusy] = useState(false);

  useEffect(() => {
    api.listTeam().then(setMembers, (caught: unknown) => setLoadError(toApiError(caught).message));
  }, [api]);

  // Each member's Telegram link, asked once per member.
  const memberIds = members?.map((member) => member.id).join(" ") ?? "";
  useEffect(() => {
    for (const id of memberIds.split(" ").filter(Boolean)) {
      if (telegram[id]) continue;
      setTelegram((known) => ({ ...known, [id]: "checking" }));
      api.getMemberTelegram(id).then(
        (status) => setTelegram((known) => ({ ...known, [id]: status })),
        () => setTelegram((known) => ({ ...known, [id]: "unknown" })),
      );
    }
    // Only new members need asking: `telegram` is left out so its own changes ask nothing.
  }, [api, memberIds]);

  const onLinked = useCallback(
    (member: TeamMember, status: TelegramLinkStatus) => {
      setTelegram((known) => ({ ...known, [member.id]: status }));
      setLinkingId(null);
      setNotice(t.team.linkedNow(member.name, status.telegramName ?? member.name));
    },
    [],
  );

  const onConfirmUnlink = async () => {
    if (!unlinking) return;
    setUnlinkBusy(true);
    setUnlinkError(null);
    try {
      await api.unlinkTelegram(unlinking.id);
      setTelegram((known) => ({ ...known, [unlinking.id]: { linked: false, telegramName: null, linkedAt: null } }));
      setNotice(t.team.unlinked(unlinking.name));
      setUnlinking(null);
    } catch (caught) {
      setUnlinkError(toApiError(caught).message);
    } finally {
      setUnlinkBusy(false);
    }
  };

  const replace = (updated: TeamMember) =>
    setMembers((list) => list?.map((member) => (member.id === updated.id ? updated : member)) ?? null);

  const onSaved = async (updated: TeamMember) => {
    replace(updated);
    setEditingId(null);
    setNotice(t.team.saved(updated.name));
    // One's own name or role shows in the header and decides the menu.
    if (updated.id === session.user.id) await refreshSession().catch(() => {});
  };

  const onConfirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.deleteMember(deleting.id);
      setMembers((list) => list?.filter((member) => member.id !== deleting.id) ?? null);
      setNotice(t.team.deleted(deleting.name));
      setDeleting(null);
    } catch (caught) {
      setDeleteError(toApiError(caught).message);
    } finally {
      setDeleteBusy(false);
    }
  };

  return (
    <Page title={t.team.title} lead={isManager ? t.team.lead : t.team.staffLead}>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <div class={isManager ? "team-grid" : undefined}>
        <section class="card card-flush members-card" aria-labelledby="members-title">
          <h2 id="members-title" class="card-title">
            {t.team.listHeading}
            {members ? <span class="count">{members.length}</span> : null}
          </h2>
          {loadError ? <Alert kind="error">{loadError}</Alert> : null}
          {!members && !loadError ? <p role="status" class="card-pad">{t.app.loading}</p> : null}
          {members && members.length === 0 ? <p class="card-pad muted">{t.team.empty}</p> : null}
          {members && members.length > 0 ? (
            <table class="members">
              <thead>
                <tr>
                  <th scope="col">{t.team.colName}</th>
                  <th scope="col">{t.team.colRole}</th>
                  <th scope="col">{t.team.colLogin}</th>
                  <th scope="col">{t.team.colTelegram}</th>
                  {isManager ? (
                    <th scope="col">
                      <span class="visually-hidden">{t.team.colActions}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <MemberRows
                    key={member.id}
                    member={member}
                    isSelf={member.id === session.user.id}
                    canEdit={isManager}
                    editing={editingId === member.id}
                    telegram={telegram[member.id] ?? "checking"}
                    linking={linkingId === member.id}
                    onLink={() => {
                      setNotice(null);
                      setEditingId(null);
                      setLinkingId(member.id);
                    }}
                    onLinked={(status) => onLinked(member, status)}
                    onCloseLink={() => setLinkingId(null)}
                    onUnlink={() => {
                      setNotice(null);
                      setUnlinkError(null);
                      setUnlinking(member);
                    }}
                    onEdit={() => {
                      setNotice(null);
                      setLinkingId(null);
                      setEditingId(member.id);
                    }}
                    onCancelEdit={() => setEditingId(null)}
                    onSaved={onSaved}
                    onDelete={() => {
                      setNotice(null);
                      setDeleteError(null);
                      setDeleting(member);
                    }}
                  />
                ))}
              </tbody>
            </table>
          ) : null}
        </section>

        {isManager ? (
          <section class="card">
            <AddMemberForm
              onAdded={(member) => {
                setMembers((list) => [...(list ?? []), member]);
                setNotice(t.team.added(member.name));
              }}
            />
          </section>
        ) : null}
      </div>

      {deleting ? (
        <ConfirmDialog
          title={t.team.confirmTitle(deleting.name)}
          confirmLabel={deleteBusy ? t.team.deleting : t.team.confirmDelete}
          cancelLabel={t.team.cancel}
          busy={deleteBusy}
          danger
          onConfirm={onConfirmDelete}
          onCancel={() => setDeleting(null)}
        >
          <p>{t.team.confirmBody}</p>
          {deleteError ? <Alert kind="error">{deleteError}</Alert> : null}
        </ConfirmDialog>
      ) : null}

      {unlinking ? (
        <ConfirmDialog
          title={t.team.unlinkTitle(unlinking.name)}
          confirmLabel={unlinkBusy ? t.team.unlinking : t.team.unlinkConfirm}
          cancelLabel={t.team.cancel}
          busy={unlinkBusy}
          danger
          onConfirm={onConfirmUnlink}
          onCancel={() => setUnlinking(null)}
        >
          <p>{t.team.unlinkBody}</p>
          {unlinkError ? <Alert kind="error">{unlinkError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

interface MemberRowsProps {
  member: TeamMember;
  isSelf: boolean;
  canEdit: boolean;
  editing: boolean;
  telegram: TelegramState;
  linking: boolean;
  onLink: () => void;
  onLinked: (status: TelegramLinkStatus) => void;
  onCloseLink: () => void;
  onUnlink: () => void;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSaved: (member: TeamMember) => void;
  onDelete: () => void;
}

function MemberRows(props: MemberRowsProps) {
  const { member, isSelf, canEdit, editing, onEdit, onCancelEdit, onSaved, onDelete } = props;
  const columns = canEdit ? 5 : 4;
  return (
    <>
      <tr class={editing || props.linking ? "member member-editing" : "member"}>
        <td class="member-name" data-label={t.team.colName}>
          <span>{member.name}</span>
          {isSelf ? <span class="badge">{t.team.you}</span> : null}
        </td>
        <td class="member-role" data-label={t.team.colRole}>
          <span class={member.role === "manager" ? "role role-manager" : "role"}>
            {member.role === "manager" ? t.team.roleManager : t.team.roleStaff}
          </span>
        </td>
        <td class="member-login" data-label={t.team.colLogin}>
          {member.username ? <code class="login">{member.username}</code> : <span class="muted">{t.team.noLogin}</span>}
        </td>
        <td class="member-telegram" data-label={t.team.colTelegram}>
          <TelegramCell
            member={member}
            state={props.telegram}
            canManage={canEdit}
            isSelf={isSelf}
            linking={props.linking}
            onLink={props.onLink}
            onUnlink={props.onUnlink}
          />
        </td>
        {canEdit ? (
          <td class="member-actions">
            {!editing ? (
              <button type="button" class="button button-small" onClick={onEdit} aria-label={t.team.editMember(member.name)}>
                {t.team.edit}
              </button>
            ) : null}
            {!isSelf ? (
              <button
                type="button"
                class="button button-small button-danger-quiet"
                onClick={onDelete}
                aria-label={t.team.deleteMember(member.name)}
              >
                {t.team.delete}
              </button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr class="member-edit-row">
          <td colSpan={columns}>
            <EditMemberForm member={member} onSaved={onSaved} onCancel={onCancelEdit} />
          </td>
        </tr>
      ) : null}
      {props.linking ? (
        <tr class="member-edit-row">
          <td colSpan={columns}>
            <TelegramLinkPanel member={member} self={isSelf} onLinked={props.onLinked} onClose={props.onCloseLink} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
