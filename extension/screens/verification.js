// "Confirm your email address" with a button to mail the link again, for as long as the address is unproven
// (sharing a cart by email needs a proven address).

import { busy, el, setStatus } from "../lib/dom.js";
import { ask } from "../lib/messages.js";

/** A notice about the unconfirmed `user.email` with a "Send the link again" button; `compact` where the address shows. */
export function verificationNotice(user, { onVerified, compact = false }) {
  const status = el("p", { class: "form-status", role: "status" });
  const resend = el("button", { type: "button", class: "button small", text: "Send the link again" });
  resend.addEventListener("click", async () => {
    const done = busy(resend, "Sending…");
    try {
      const answer = await ask("auth.resendVerification");
      if (answer?.status === "already_verified") {
        onVerified();
        return;
      }
      // The API answers the same when it held back a resend asked for within a minute of the last email.
      setStatus(status, `A link is on its way to ${user.email}. It can take a minute to arrive.`, "success-text");
    } catch (error) {
      setStatus(status, error.message, "error-text");
    } finally {
      done();
    }
  });
  const text = compact
    ? el("p", {}, el("strong", { text: "Not confirmed yet. " }), "Open the link we sent there to share carts by email.")
    : el("p", {}, el("strong", { text: "Confirm your email address. " }),
      `Open the link we sent to ${user.email} to share carts by email.`);
  return el("div", { class: "banner", role: "region", "aria-label": "Email address not confirmed" }, text, resend, status);
}

/** Fills `slot` with the notice while the signed-in person's address is unconfirmed; empties it otherwise. */
export async function showVerificationBanner(slot) {
  const clear = () => {
    slot.replaceChildren();
    slot.hidden = true;
  };
  let user;
  try {
    user = await ask("auth.me");
  } catch {
    clear(); // the rest of the popup says what went wrong
    return;
  }
  if (user.email_verified) {
    clear();
    return;
  }
  slot.replaceChildren(verificationNotice(user, { onVerified: clear }));
  slot.hidden = false;
}
