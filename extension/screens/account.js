// The account screen: the address and whether it is confirmed, sign out everywhere, download one's data, and
// delete the account (the password asked again first).

import { busy, el, setStatus } from "../lib/dom.js";
import { ask } from "../lib/messages.js";
import { verificationNotice } from "./verification.js";

const OBJECT_URL_LIFETIME_MS = 60_000; // long enough for the download to start; the popup may close before

function section(title, ...children) {
  return el("section", { class: "card account-section" }, el("h2", { text: title }), ...children);
}

function saveAsFile(data, filename) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  el("a", { href: url, download: filename }).click();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

function addressSection(user) {
  const confirmed = el("p", { class: "success-text", text: "Confirmed" });
  const state = user.email_verified ? confirmed
    : verificationNotice(user, { compact: true, onVerified: () => state.replaceWith(confirmed) });
  return section("Email address", el("p", { class: "account-address", text: user.email }), state);
}

function sessionsSection(onSignedOut) {
  const button = el("button", { type: "button", class: "button", text: "Sign out everywhere" });
  const status = el("p", { class: "form-status", role: "status" });
  button.addEventListener("click", async () => {
    const done = busy(button, "Signing out…");
    try {
      await ask("account.endAllSessions");
      onSignedOut("You are signed out on every device.");
    } catch (error) {
      done();
      setStatus(status, error.message, "error-text");
    }
  });
  return section("Sessions",
    el("p", { class: "muted", text: "Signed in somewhere you no longer use? End every session of your account, this one included." }),
    button, status);
}

function exportSection() {
  const button = el("button", { type: "button", class: "button", text: "Download my data" });
  const status = el("p", { class: "form-status", role: "status" });
  button.addEventListener("click", async () => {
    const done = busy(button, "Preparing…");
    try {
      const data = await ask("account.export");
      saveAsFile(data, `buyhive-account-${new Date().toISOString().slice(0, 10)}.json`);
      setStatus(status, "Your data was downloaded as a JSON file.", "success-text");
    } catch (error) {
      setStatus(status, error.message, "error-text");
    } finally {
      done();
    }
  });
  return section("Your data",
    el("p", { class: "muted", text: "A copy of your carts, items, shares and sessions, as a JSON file." }),
    button, status);
}

/** "Delete my account…" opens a confirmation that asks for the password; Cancel (or Escape) closes it. */
function deleteSection(user, onSignedOut) {
  if (!user.has_password) {
    // The API re-authenticates a deletion by password; a Google-only account has none to give yet.
    return section("Delete account", el("p", { class: "muted",
      text: "Your account signs in with Google and has no password. To delete it, first set a password: sign out, choose “Forgot password?”, then come back here." }));
  }
  const open = el("button", { type: "button", class: "button danger", text: "Delete my account…" });
  const warningId = "delete-warning";
  const password = el("input", { type: "password", name: "password", autocomplete: "current-password", required: true,
    maxlength: 128, "aria-describedby": warningId });
  const confirm = el("button", { type: "submit", class: "button danger", text: "Delete my account for good" });
  const cancel = el("button", { type: "button", class: "button", text: "Cancel" });
  const status = el("p", { class: "form-status", role: "status" });
  const form = el("form", { class: "stack delete-confirm", novalidate: true, hidden: true },
    el("p", { id: warningId }, el("strong", { text: "This cannot be undone. " }),
      "Your carts, items and shares are deleted for good. Enter your password to confirm."),
    el("label", {}, "Your password", password),
    el("div", { class: "button-row" }, confirm, cancel),
    status);

  const setOpen = (visible) => {
    form.hidden = !visible;
    open.hidden = visible;
    setStatus(status, "");
    password.value = "";
    (visible ? password : open).focus();
  };
  open.addEventListener("click", () => setOpen(true));
  cancel.addEventListener("click", () => setOpen(false));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    setOpen(false);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!password.value) {
      setStatus(status, "Enter your password to confirm.", "error-text");
      password.focus();
      return;
    }
    const done = busy(confirm, "Deleting…");
    try {
      await ask("account.delete", { password: password.value });
      onSignedOut("Your account and everything in it have been deleted.");
    } catch (error) {
      done();
      setStatus(status, error.message, "error-text");
      password.select();
      password.focus();
    }
  });
  return section("Delete account",
    el("p", { class: "muted", text: "Deletes your account with its carts, items and shares." }),
    open, form);
}

/** Fills `panel` with the account screen; `onSignedOut(message)` runs once this browser's session is over. */
export async function renderAccount(panel, { onSignedOut }) {
  panel.replaceChildren(el("div", { class: "loading" }, el("div", { class: "spinner" })));
  let user;
  try {
    user = await ask("auth.me");
  } catch (error) {
    panel.replaceChildren(el("p", { class: "error-text", text: error.message }));
    return;
  }
  panel.replaceChildren(addressSection(user), sessionsSection(onSignedOut), exportSection(), deleteSection(user, onSignedOut));
}
