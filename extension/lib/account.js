// The worker's side of the account screens: signing up, recovering a password, proving the address, and the
// person's own account (sign out everywhere, export, delete).

import { callApi } from "./api.js";
import { authedRequest, clearAuth, signUpWithPassword } from "./session.js";
import { getSettings } from "./settings.js";

async function publicRequest(path, options) {
  const { apiBaseUrl } = await getSettings();
  return callApi(apiBaseUrl, path, options);
}

export const accountHandlers = {
  "auth.register": async ({ email, password, name }) => (await signUpWithPassword(email, password, name)).user,
  // 202 whether or not the address has an account: the popup cannot tell either, and says the same thing.
  "auth.passwordReset": async ({ email }) => {
    await publicRequest("/auth/password-reset", { method: "POST", body: { email } });
    return null;
  },
  "auth.me": async () => (await authedRequest("/auth/me")).data,
  "auth.resendVerification": async () => (await authedRequest("/auth/verify-email/request", { method: "POST" })).data,
  // Every session ends, this one too: the stored tokens are dead, so they are dropped without a logout call.
  "account.endAllSessions": async () => {
    await authedRequest("/account/sessions", { method: "DELETE" });
    await clearAuth();
    return null;
  },
  "account.export": async () => (await authedRequest("/account/export")).data,
  "account.delete": async ({ password }) => {
    await authedRequest("/account/delete", { method: "POST", body: { password } });
    await clearAuth();
    return null;
  },
};
