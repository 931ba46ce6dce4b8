import type { Request } from "express";
import type { SessionUser } from "@innbox/protocol";
import { AppError, type Access, type AccessControl } from "../http/index.js";
import type { Member } from "../team/index.js";
import type { Accounts } from "./accounts.js";
import { SESSION_COOKIE, type Sessions, type StoredSession } from "./sessions.js";
import { readCookie, safeEqual } from "../crypto/index.js";
import { authTexts } from "./messages.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface SignedIn {
  user: SessionUser;
  session: StoredSession;
}

/** Resolves the session cookie to a signed-in team member, or undefined. */
export async function resolveSession(
  req: { headers: { cookie?: string | undefined } },
  deps: { sessions: Sessions; accounts: Accounts; members: { get(id: string): Promise<Member | undefined> } },
): Promise<SignedIn | undefined> {
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!cookie) return undefined;
  const session = await deps.sessions.find(cookie);
  if (!session) return undefined;
  return signedInAs(session, deps);
}

/** The team member a live session belongs to, or undefined when their login or membership is gone. */
export async function signedInAs(
  session: StoredSession,
  deps: { accounts: Accounts; members: { get(id: string): Promise<Member | undefined> } },
): Promise<SignedIn | undefined> {
  const account = await deps.accounts.findById(session.accountId);
  if (!account) return undefined;
  const member = await deps.members.get(account.member_id);
  if (!member || member.deleted) return undefined;
  return { session, user: { id: member.id, username: account.username, name: member.name, role: member.role } };
}

export function createAccessControl(resolve: (req: Request) => Promise<SignedIn | undefined>): AccessControl {
  return {
    async authorize(req: Request, access: Access) {
      if (access === "public" || access === "bearer") return undefined;
      const signedIn = await resolve(req);
      if (!signedIn) throw AppError.unauthorized(authTexts.signInFirst);
      if (!SAFE_METHODS.has(req.method)) {
        const header = req.get("x-csrf-token");
        if (!header || !safeEqual(header, signedIn.session.csrfToken)) {
          throw AppError.forbidden(authTexts.badCsrf);
        }
      }
      if (access === "manager" && signedIn.user.role !== "manager") {
        throw AppError.forbidden(authTexts.managersOnly);
      }
      return signedIn.user;
    },
  };
}
