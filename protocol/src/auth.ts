import { z } from "zod";
import { NameText } from "./text.js";
import { PASSWORD, PERSON_NAME_MAX, PROPERTY_NAME_MAX, USERNAME } from "./rules.js";

export const Role = z.enum(["manager", "staff"], { error: 'Role must be "manager" or "staff".' });
export type Role = z.infer<typeof Role>;

export const Username = z
  .string({ error: "Username must be text." })
  .trim()
  .min(USERNAME.min, { error: `Username must be at least ${USERNAME.min} characters.` })
  .max(USERNAME.max, { error: `Username must be at most ${USERNAME.max} characters.` })
  .regex(USERNAME.pattern, {
    error: "Username may use letters, digits and . _ @ - only.",
  });

export const Password = z
  .string({ error: "Password must be text." })
  .min(PASSWORD.min, { error: `Password must be at least ${PASSWORD.min} characters.` })
  .max(PASSWORD.max, { error: `Password must be at most ${PASSWORD.max} characters.` });

export const SetupBody = z.strictObject({
  token: z.string({ error: "The setup token is missing." }).min(1, { error: "The setup token is missing." }).max(200),
  username: Username,
  password: Password,
  name: NameText("Name", PERSON_NAME_MAX).optional().describe("The manager's name as the team sees it; defaults to the username."),
  propertyName: NameText("Property name", PROPERTY_NAME_MAX).optional(),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const LoginBody = z.strictObject({
  username: z.string({ error: "Username is required." }).trim().min(1, { error: "Username is required." }).max(USERNAME.max),
  password: z.string({ error: "Password is required." }).min(1, { error: "Password is required." }).max(PASSWORD.max),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionUser = z.object({
  id: z.string().describe("The team member id of the signed-in person."),
  username: z.string(),
  name: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z
  .object({ user: SessionUser, csrfToken: z.string() })
  .meta({ id: "Session" });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetupStatus = z.object({
  needed: z.boolean().describe("True until the manager account is created."),
});
export type SetupStatus = z.infer<typeof SetupStatus>;
