import { z } from "zod";
import { Password, Role, Username } from "./auth.js";
import { PERSON_NAME_MAX } from "./rules.js";
import { NameText } from "./text.js";

export const MemberName = NameText("Name", PERSON_NAME_MAX);

export const TeamMember = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    username: z.string().nullable().describe("Admin-page login, or null when the member has none."),
    createdAt: z.string(),
  })
  .meta({ id: "TeamMember" });
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamList = z.object({ members: z.array(TeamMember) });
export type TeamList = z.infer<typeof TeamList>;

export const CreateTeamMemberBody = z
  .strictObject({
    name: MemberName,
    role: Role,
    username: Username.optional(),
    password: Password.optional(),
  })
  .refine((b) => (b.username === undefined) === (b.password === undefined), {
    error: "Give both a username and a password for an admin-page login, or neither.",
    path: ["password"],
  });
export type CreateTeamMemberBody = z.infer<typeof CreateTeamMemberBody>;

export const UpdateTeamMemberBody = z.strictObject({
  name: MemberName.optional(),
  role: Role.optional(),
  username: Username.nullable().optional().describe("Set to null to remove the member's login."),
  password: Password.optional(),
});
export type UpdateTeamMemberBody = z.infer<typeof UpdateTeamMemberBody>;
