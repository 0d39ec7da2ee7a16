// "Forgot password": asks the API to email a reset link. The API answers the same whether or not the address has
// an account (so nobody can probe which addresses do), and so does this screen.

import { busy, setStatus } from "../lib/dom.js";
import { ask } from "../lib/messages.js";
import { EMAIL_PATTERN } from "./signup.js";

/** Wires the form; the returned `prefill(email)` carries over the address typed on the sign-in screen. */
export function setUpForgotPassword(form) {
  const status = form.querySelector(".form-status");
  form.addEventListener("input", () => form.email.removeAttribute("aria-invalid"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const email = form.email.value.trim();
    if (!EMAIL_PATTERN.test(email)) {
      setStatus(status, "Enter your email address, such as name@example.com.", "error-text");
      form.email.setAttribute("aria-invalid", "true");
      form.email.focus();
      return;
    }
    const done = busy(form.querySelector("button[type=submit]"), "Sending…");
    try {
      await ask("auth.passwordReset", { email });
      setStatus(status, `If ${email} has a BuyHive account, a link to choose a new password is on its way. It works for 30 minutes.`, "success-text");
    } catch (error) {
      setStatus(status, error.message, "error-text"); // not sent at all: offline, or asked too often
    } finally {
      done();
    }
  });
  return {
    prefill(email) {
      if (email) form.email.value = email;
      setStatus(status, "");
    },
  };
}
