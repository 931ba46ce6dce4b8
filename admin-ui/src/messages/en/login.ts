// Signing in.

export const login = {
  title: "Sign in",
  lead: "Sign in to your front desk.",
  username: "Username",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  signedOut: "You have signed out.",
  forgot: "Forgot your password? A manager can set a new one on the Team page. If no manager can sign in, run `sudo innbox-reset-password <username>` on the appliance (`npm run reset-password -- <username>` where it runs with npm start).",
};
