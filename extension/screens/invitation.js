// "Accept an invitation": the invitation email links to a page on the API's site that shows a code; the person
// pastes the code (or the whole link) here, where they are signed in, and joins the cart.

import { busy, setStatus } from "../lib/dom.js";
import { ask } from "../lib/messages.js";

const ROLE_WORDS = { viewer: "see", editor: "see and edit" };

/** The code from what was pasted: the code itself, or a link carrying it as `#token=…`. */
export function invitationCode(text) {
  const value = text.trim();
  const fragment = value.indexOf("#");
  if (fragment === -1) return value;
  return new URLSearchParams(value.slice(fragment + 1)).get("token") || "";
}

/** Wires the form; the returned `reset()` clears it before it is shown again. */
export function setUpInvitation(form) {
  const status = form.querySelector(".form-status");
  form.addEventListener("input", () => form.code.removeAttribute("aria-invalid"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = invitationCode(form.code.value);
    if (!token) {
      setStatus(status, "Paste the code from the invitation email, or the link it came with.", "error-text");
      form.code.setAttribute("aria-invalid", "true");
      form.code.focus();
      return;
    }
    const done = busy(form.querySelector("button[type=submit]"), "Joining…");
    try {
      const joined = await ask("invitations.accept", { token });
      form.reset();
      const words = ROLE_WORDS[joined.role] || "see";
      setStatus(status, `You joined the cart: you can ${words} it under My carts.`, "success-text");
    } catch (error) {
      setStatus(status, error.message, "error-text");
    } finally {
      done();
    }
  });
  return {
    reset() {
      form.reset();
      setStatus(status, "");
    },
  };
}
