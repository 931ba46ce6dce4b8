export interface AccountRow {
  id: string;
  member_id: string;
  username: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface LoginFailureRow {
  key: string;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
}

export interface AuthTables {
  accounts: AccountRow;
  sessions: SessionRow;
  login_failures: LoginFailureRow;
}
