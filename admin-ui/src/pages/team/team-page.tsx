import type { TeamMember } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Page } from "../../components/page";
import { t } from "../../messages";
import { AddMemberForm } from "./add-member-form";
import { EditMemberForm } from "./edit-member-form";

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

  useEffect(() => {
    api.listTeam().then(setMembers, (caught: unknown) => setLoadError(toApiError(caught).message));
  }, [api]);

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
                    onEdit={() => {
                      setNotice(null);
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
    </Page>
  );
}

interface MemberRowsProps {
  member: TeamMember;
  isSelf: boolean;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSaved: (member: TeamMember) => void;
  onDelete: () => void;
}

function MemberRows({ member, isSelf, canEdit, editing, onEdit, onCancelEdit, onSaved, onDelete }: MemberRowsProps) {
  return (
    <>
      <tr class={editing ? "member member-editing" : "member"}>
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
          <td colSpan={4}>
            <EditMemberForm member={member} onSaved={onSaved} onCancel={onCancelEdit} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
