import { CreateTeamMemberBody, IdParams, TeamList, TeamMember, UpdateTeamMemberBody } from "@innbox/protocol";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { MemberLogins, TeamService } from "./team-service.js";
import { teamTexts } from "./messages.js";

export function registerTeamRoutes(registry: RouteRegistry, deps: { team: TeamService; logins: MemberLogins }): void {
  const { team, logins } = deps;
  const tag = "Team";

  registry.add({
    method: "get",
    path: "/api/team",
    operationId: "listTeamMembers",
    summary: "List the team: everyone who answers guests, with their role and admin-page login.",
    tag,
    access: "signed-in",
    responses: { 200: { description: "The team, oldest first.", schema: TeamList } },
    handler: async () => ({ members: await team.list(logins) }),
  });

  registry.add({
    method: "post",
    path: "/api/team",
    operationId: "createTeamMember",
    summary: "Add a team member, optionally with an admin-page login.",
    tag,
    access: "manager",
    body: CreateTeamMemberBody,
    responses: { 201: { description: "The new member.", schema: TeamMember } },
    handler: async ({ body }) => {
      const member = await team.create({ name: body.name, role: body.role });
      if (body.username !== undefined && body.password !== undefined) {
        try {
          await logins.setLogin(member.id, { username: body.username, password: body.password });
        } catch (err) {
          await team.remove(member.id);
          throw err;
        }
      }
      return team.describe(member.id, logins);
    },
  });

  registry.add({
    method: "patch",
    path: "/api/team/:id",
    operationId: "updateTeamMember",
    summary: "Rename a member, change their role, or give, change or remove their login.",
    tag,
    access: "manager",
    params: IdParams,
    body: UpdateTeamMemberBody,
    responses: { 200: { description: "The member as now stored.", schema: TeamMember } },
    handler: async ({ params, body }) => {
      const current = await team.describe(params.id, logins);
      if (body.username === null && body.password !== undefined) {
        const message = teamTexts.passwordNeedsLogin;
        throw AppError.badRequest(message, [{ field: "password", message }]);
      }
      if (current.username === null && body.username && body.password === undefined) {
        const message = teamTexts.newLoginNeedsPassword;
        throw AppError.badRequest(message, [{ field: "password", message }]);
      }
      if (current.username === null && body.username === undefined && body.password !== undefined) {
        const message = teamTexts.noLoginYet;
        throw AppError.badRequest(message, [{ field: "username", message }]);
      }
      if (body.role !== undefined || body.username === null) {
        await team.assertManagerRemains(logins, { memberId: params.id, role: body.role, loginRemoved: body.username === null });
      }
      if (body.username === null) await logins.removeLogin(params.id);
      else if (body.username !== undefined || body.password !== undefined) {
        await logins.setLogin(params.id, { username: body.username, password: body.password });
      }
      if (body.name !== undefined || body.role !== undefined) await team.update(params.id, { name: body.name, role: body.role });
      return team.describe(params.id, logins);
    },
  });

  registry.add({
    method: "delete",
    path: "/api/team/:id",
    operationId: "deleteTeamMember",
    summary: "Remove a member. Their login goes; the messages they wrote keep their name.",
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: "Removed." } },
    handler: async ({ params, user }) => {
      await team.describe(params.id, logins);
      if (user?.id === params.id) throw AppError.conflict(teamTexts.cannotRemoveSelf);
      await team.assertManagerRemains(logins, { memberId: params.id, deleted: true });
      await logins.removeLogin(params.id);
      await team.remove(params.id);
    },
  });
}
