// The pages an emailed link opens. The single-use token arrives in the URL fragment (never sent to a server);
// it is taken out of the address bar at once, then posted to the API on this origin.
"use strict";

const API = "/api/v1";

const PROBLEMS = {
  used: "This link has already been used. Each link works once.",
  expired: "This link has expired.",
  unknown: "This link is not valid. It may be incomplete, or it may have expired.",
};

function takeToken() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get("token");
  history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}

function say(text, kind) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = kind || "";
  status.focus();
}

async function post(path, body) {
  try {
    const response = await fetch(API + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
    if (response.ok) return { ok: true };
    const error = (await response.json().catch(() => ({}))).error || {};
    return { ok: false, status: response.status, code: error.code, reason: (error.details || {}).reason };
  } catch (_) {
    return { ok: false, status: 0 };
  }
}

function failure(result, again) {
  if (result.status === 400 && result.reason in PROBLEMS) return `${PROBLEMS[result.reason]} ${again}`;
  if (result.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (result.status === 0) return "The server could not be reached. Check your connection and try again.";
  return "Something went wrong on our side. Try again in a moment.";
}

function setUpVerify(token) {
  const form = document.getElementById("verify-form");
  const button = document.getElementById("verify-button");
  const again = "Ask for a new confirmation email from the BuyHive extension.";
  if (!token) {
    form.hidden = true;
    say(`${PROBLEMS.unknown} ${again}`, "error");
    return;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    say("Confirming…");
    const result = await post("/auth/verify-email/confirm", { token });
    if (result.ok) {
      form.hidden = true;
      say("Your email address is confirmed. You can close this page.", "success");
    } else {
      button.disabled = false;
      if (result.status === 400) form.hidden = true;
      say(failure(result, again), "error");
    }
  });
}

function setUpReset(token) {
  const form = document.getElementById("reset-form");
  const button = document.getElementById("reset-button");
  const password = document.getElementById("new-password");
  const repeat = document.getElementById("confirm-password");
  const again = "Ask for a new reset email from the BuyHive extension.";
  if (!token) {
    form.hidden = true;
    say(`${PROBLEMS.unknown} ${again}`, "error");
    return;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (password.value.length < 8 || password.value.length > 128) {
      password.setAttribute("aria-invalid", "true");
      say("The new password must be 8 to 128 characters long.", "error");
      password.focus();
      return;
    }
    password.removeAttribute("aria-invalid");
    if (password.value !== repeat.value) {
      repeat.setAttribute("aria-invalid", "true");
      say("The two passwords differ. Type the same password twice.", "error");
      repeat.focus();
      return;
    }
    repeat.removeAttribute("aria-invalid");
    button.disabled = true;
    say("Saving…");
    const result = await post("/auth/password-reset/confirm", { token, new_password: password.value });
    if (result.ok) {
      form.hidden = true;
      say("Your password has been changed. Sign in with it in the BuyHive extension.", "success");
    } else {
      button.disabled = false;
      if (result.status === 400) form.hidden = true;
      say(failure(result, again), "error");
    }
  });
}

// The page cannot accept the invitation itself: the person signs in in the extension, which holds their tokens.
// It shows the code to paste there.
function setUpInvitation(token) {
  const steps = document.getElementById("invitation-steps");
  const code = document.getElementById("invitation-code");
  if (!token) {
    steps.hidden = true;
    say(`${PROBLEMS.unknown} Ask the person who invited you to send a new invitation.`, "error");
    return;
  }
  code.value = token;
  document.getElementById("copy-button").addEventListener("click", async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(token);
      say("Copied. Paste it in the BuyHive extension, under Accept an invitation.", "success");
    } catch (_) {
      say("Copying is blocked here: the code is selected, copy it with Ctrl+C (⌘C on a Mac).");
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const token = takeToken();
  const page = document.body.dataset.page;
  if (page === "verify-email") setUpVerify(token);
  else if (page === "invitation") setUpInvitation(token);
  else setUpReset(token);
});
