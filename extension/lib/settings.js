// Settings people (and tests) may change, kept in chrome.storage.local; everything else is a constant.

export const DEFAULT_API_BASE_URL = "https://api.buyhive.example";
// The OAuth client of the published extension; empty in this reference build, so Google sign-in says so.
export const DEFAULT_GOOGLE_CLIENT_ID = "";
export const DEFAULT_GOOGLE_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth";

const STORAGE_KEY = "settings";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export async function getSettings() {
  const { [STORAGE_KEY]: stored = {} } = await chrome.storage.local.get(STORAGE_KEY);
  return {
    apiBaseUrl: stored.apiBaseUrl || DEFAULT_API_BASE_URL,
    googleClientId: stored.googleClientId ?? DEFAULT_GOOGLE_CLIENT_ID,
    googleAuthorizeUrl: stored.googleAuthorizeUrl || DEFAULT_GOOGLE_AUTHORIZE_URL,
  };
}

/** Normalises an API address: https anywhere, plain http only on this computer (development). */
export function normaliseApiBaseUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error("The API address must be a full URL, such as https://api.buyhive.example");
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password || url.search || url.hash) {
    throw new Error("The API address must use https (plain http only for localhost)");
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export async function saveSettings(changes) {
  const { [STORAGE_KEY]: stored = {} } = await chrome.storage.local.get(STORAGE_KEY);
  const next = { ...stored };
  if ("apiBaseUrl" in changes) next.apiBaseUrl = normaliseApiBaseUrl(changes.apiBaseUrl);
  if ("googleClientId" in changes) next.googleClientId = String(changes.googleClientId).trim();
  if ("googleAuthorizeUrl" in changes) next.googleAuthorizeUrl = String(changes.googleAuthorizeUrl).trim();
  await chrome.storage.local.set({ [STORAGE_KEY]: next });
  return getSettings();
}
