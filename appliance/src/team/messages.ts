/** Every sentence the team capability says to people. */
export const teamTexts = {
  unknownMember: "There is no team member with that id.",
  managerMustRemain: "Innbox needs at least one manager who can sign in; make someone else a manager with a login first.",
  cannotRemoveSelf: "You cannot remove yourself; ask another manager to do it.",
  passwordNeedsLogin: "A password needs a login; do not remove the username at the same time.",
  newLoginNeedsPassword: "Give a password for the new login.",
  noLoginYet: "This member has no login yet; give a username with the password.",
} as const;
