import { z } from "zod";
import { NameText } from "./text.js";

export const Role = z.enum(["manager", "staff"], { error: 'Role must be "manager" or "staff".' });
export type Role = z.infer<typeof Role>;

export const Username = z
  .string({ error: "Username must be text." })
  .trim()
  .min(3, { error: "Username must be at least 3 characters." })
  .max(64, { error: "Username must be at most 64 characters." })
  .regex(/^[A-Za-z0-9._@-]+$/, {
    error: "Username may use letters, digits and . _ @ - only.",
  });

export const Password = z
  .string({ error: "Password must be text." })
  .min(8, { error: "Password must be at least 8 characters." })
  .max(256, { error: "Password must be at most 256 characters." });

export const SetupBody = z.strictObject({
  token: z.string({ error: "The setup token is missing." }).min(1, { error: "The setup token is missing." }).max(200),
  username: Username,
  password: Password,
  name: NameText("Name", 80).optional().describe("The manager's name as the team sees it; defaults to the username."),
  propertyName: NameText("Property name", 120).optional(),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const LoginBody = z.strictObject({
  username: z.string({ error: "Username is required." }).trim().min(1, { error: "Username is required." }).max(64),
  password: z.string({ error: "Password is required." }).min(1, { error: "Password is required." }).max(256),
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
