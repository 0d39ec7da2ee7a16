// Tokens live in chrome.storage.session (memory only, gone when the browser closes, out of content scripts' reach).
// An expired access token is refreshed once, transparently; concurrent calls share that one refresh.

import { ApiError, callApi } from "./api.js";
import { getSettings } from "./settings.js";

const STORAGE_KEY = "auth";
const EXPIRY_MARGIN_MS = 30_000; // refresh a little early rather than send a token that dies on the way

let refreshInFlight = null;

export async function loadAuth() {
  const { [STORAGE_KEY]: auth = null } = await chrome.storage.session.get(STORAGE_KEY);
  return auth;
}

/** Stores a token pair answered by /auth/login, /auth/google or /auth/refresh. */
export async function storeTokenPair(pair) {
  const auth = {
    accessToken: pair.access_token,
    refreshToken: pair.refresh_token,
    expiresAt: Date.now() + pair.expires_in * 1000,
    user: { id: pair.user.id, email: pair.user.email, name: pair.user.name ?? null },
  };
  await chrome.storage.session.set({ [STORAGE_KEY]: auth });
  return auth;
}

/** Forgets the tokens here only (for when the API has already ended the session, or the whole account). */
export async function clearAuth() {
  await chrome.storage.session.remove(STORAGE_KEY);
}

function isExpired(auth) {
  return Date.now() >= auth.expiresAt - EXPIRY_MARGIN_MS;
}

function signedOutError(message = "Please sign in to BuyHive.") {
  return new ApiError(message, { status: 401, code: "signed_out" });
}

export async function signInWithPassword(email, password) {
  const { apiBaseUrl } = await getSettings();
  const { data } = await callApi(apiBaseUrl, "/auth/login", { method: "POST", body: { email, password } });
  return storeTokenPair(data);
}

/** Creates an account (a verification email goes out) and signs in with it. */
export async function signUpWithPassword(email, password, name) {
  const { apiBaseUrl } = await getSettings();
  const body = { email, password, ...(name ? { name } : {}) };
  const { data } = await callApi(apiBaseUrl, "/auth/register", { method: "POST", body });
  return storeTokenPair(data);
}

/** Forgets the tokens here first, then tells the API (best effort: signing out works offline too). */
export async function signOut() {
  const auth = await loadAuth();
  await clearAuth();
  if (!auth) return;
  const { apiBaseUrl } = await getSettings();
  try {
    await callApi(apiBaseUrl, "/auth/logout", { method: "POST", body: { refresh_token: auth.refreshToken } });
  } catch {
    // The refresh token expires on its own; nothing the person can do about a failed logout call.
  }
}

async function refresh(staleAuth) {
  const current = await loadAuth();
  if (!current) throw signedOutError();
  // Someone else already refreshed (e.g. a call that finished its refresh just before ours started).
  if (current.accessToken !== staleAuth.accessToken && !isExpired(current)) return current;
  const { apiBaseUrl } = await getSettings();
  try {
    const { data } = await callApi(apiBaseUrl, "/auth/refresh", {
      method: "POST",
      body: { refresh_token: current.refreshToken },
    });
    return await storeTokenPair(data);
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      await clearAuth(); // the refresh token is spent, revoked or expired: sign out cleanly
      throw signedOutError("Your session has ended. Please sign in again.");
    }
    throw error; // offline or API trouble: keep the session, the next call may succeed
  }
}

function refreshOnce(staleAuth) {
  refreshInFlight ??= refresh(staleAuth).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Calls the API as the signed-in person; one transparent refresh and retry when the access token has expired. */
export async function authedRequest(path, options = {}) {
  let auth = await loadAuth();
  if (!auth) throw signedOutError();
  if (isExpired(auth)) auth = await refreshOnce(auth);
  const { apiBaseUrl } = await getSettings();
  try {
    return await callApi(apiBaseUrl, path, { ...options, token: auth.accessToken });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    // A 401 means the request was refused before anything happened, so repeating it cannot apply it twice.
    auth = await refreshOnce(auth);
    return callApi(apiBaseUrl, path, { ...options, token: auth.accessToken });
  }
}
