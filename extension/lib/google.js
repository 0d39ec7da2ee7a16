// Google sign-in: authorization code with PKCE through chrome.identity; the API redeems the code (it holds
// the client secret) and answers with our own token pair.

import { ApiError, callApi } from "./api.js";
import { getSettings } from "./settings.js";
import { storeTokenPair } from "./session.js";

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function randomToken(byteCount) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return base64Url(new Uint8Array(digest));
}

export async function signInWithGoogle() {
  const { apiBaseUrl, googleClientId, googleAuthorizeUrl } = await getSettings();
  if (!googleClientId) {
    throw new ApiError("Google sign-in is not set up in this build. Use email and password.", {
      code: "google_not_configured",
    });
  }
  const redirectUri = chrome.identity.getRedirectURL(); // https://<extension id>.chromiumapp.org/
  const codeVerifier = randomToken(48); // 64 characters, inside RFC 7636's 43-128
  const state = randomToken(24);
  const authorizeUrl = new URL(googleAuthorizeUrl);
  authorizeUrl.search = new URLSearchParams({
    client_id: googleClientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await s256(codeVerifier),
    code_challenge_method: "S256",
    state,
    prompt: "select_account",
  }).toString();

  let finalUrl;
  try {
    finalUrl = await chrome.identity.launchWebAuthFlow({ url: authorizeUrl.href, interactive: true });
  } catch {
    throw new ApiError("Google sign-in was cancelled.", { code: "google_cancelled" });
  }
  const answer = new URL(finalUrl).searchParams;
  if (answer.get("state") !== state) {
    throw new ApiError("Google sign-in could not be verified. Please try again.", { code: "google_state_mismatch" });
  }
  const code = answer.get("code");
  if (!code) {
    const cancelled = answer.get("error") === "access_denied";
    throw new ApiError(cancelled ? "Google sign-in was cancelled." : "Google did not sign you in. Please try again.", {
      code: "google_denied",
    });
  }
  const { data } = await callApi(apiBaseUrl, "/auth/google", {
    method: "POST",
    body: { code, code_verifier: codeVerifier, redirect_uri: redirectUri },
  });
  return storeTokenPair(data);
}
