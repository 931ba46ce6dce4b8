/** Every sentence the auth capability says to people. */
export const authTexts = {
  usernameTaken: (username: string) => `The username "${username}" is taken; choose another.`,
  loginNeedsBoth: "A new login needs both a username and a password.",
  signInFirst: "Sign in first: your session is missing or has ended.",
  badCsrf: "The X-CSRF-Token header is missing or wrong; reload the page and try again.",
  managersOnly: "Only a manager can do this.",
  setupDone: "Setup is already done; sign in at /admin/login instead.",
  wrongCredentials: "The username or password is wrong.",
  wrongSetupToken:
    "The setup token is wrong. Use the setup link from the first lines of the appliance's log, or the token in the setup-token file of its data folder.",
  tooManyFailures: (minutes: number) => `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask a manager to reset the password.`,
} as const;
