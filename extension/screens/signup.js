// Sign-up: email, password and an optional name. What the API refuses (an address already taken, a password its
// policy rejects) is shown as the API says it, beside the form.

import { busy, setStatus } from "../lib/dom.js";
import { ask } from "../lib/messages.js";

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_MIN_LENGTH = 8; // the API's policy, also said under the field

/** The first field the person must fix, with what to tell them; null when the form can go. */
function problemWith(form) {
  if (!EMAIL_PATTERN.test(form.email.value.trim())) return { field: form.email, message: "Enter your email address, such as name@example.com." };
  if (form.password.value.length < PASSWORD_MIN_LENGTH) {
    return { field: form.password, message: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  return null;
}

function flag(field, message, status) {
  setStatus(status, message, "error-text");
  field.setAttribute("aria-invalid", "true");
  field.focus();
}

/** Wires the sign-up form; `onSignedUp(user)` runs once the account exists and the person is signed in. */
export function setUpSignUp(form, { onSignedUp }) {
  const status = form.querySelector(".form-status");
  form.addEventListener("input", (event) => event.target.removeAttribute("aria-invalid"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const problem = problemWith(form);
    if (problem) {
      flag(problem.field, problem.message, status);
      return;
    }
    setStatus(status, "");
    const done = busy(form.querySelector("button[type=submit]"), "Creating your account…");
    try {
      const user = await ask("auth.register", {
        email: form.email.value.trim(),
        password: form.password.value,
        name: form.elements.namedItem("name").value.trim() || undefined, // form.name is the form's own name
      });
      form.reset();
      onSignedUp(user);
    } catch (error) {
      // 409: the address has an account already; 422 names the field the API refused.
      const field = error.status === 409 || /^Email/.test(error.message) ? form.email
        : /^Password/.test(error.message) ? form.password : null;
      if (field) flag(field, error.message, status);
      else setStatus(status, error.message, "error-text");
    } finally {
      done();
    }
  });
}
