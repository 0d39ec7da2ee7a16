// The service worker: the only part of the extension that talks to the API. The popup asks it for work and the
// content script hands it page snapshots, both by runtime messaging.

import { accountHandlers } from "./lib/account.js";
import { ApiError, pathId } from "./lib/api.js";
import { collaborationHandlers } from "./lib/collaboration.js";
import { signInWithGoogle } from "./lib/google.js";
import { priceWatchHandlers } from "./lib/pricewatch.js";
import { authedRequest, loadAuth, signInWithPassword, signOut } from "./lib/session.js";
import { getSettings, saveSettings } from "./lib/settings.js";

const SNAPSHOT_TIMEOUT_MS = 15_000;
const EXTRACT_TIMEOUT_MS = 60_000;
const pendingSnapshots = new Map(); // tab id -> {resolve, reject, timer}

function settlePending(tabId) {
  const pending = pendingSnapshots.get(tabId);
  if (!pending) return null;
  pendingSnapshots.delete(tabId);
  clearTimeout(pending.timer);
  return pending;
}

async function collectSnapshot(tabId) {
  settlePending(tabId)?.reject(new ApiError("A newer request replaced this one.", { code: "superseded" }));
  const snapshot = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      settlePending(tabId);
      reject(new ApiError("This page did not answer. Reload it and try again.", { code: "page_timeout" }));
    }, SNAPSHOT_TIMEOUT_MS);
    pendingSnapshots.set(tabId, { resolve, reject, timer });
  });
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ["lib/payload.js", "content.js"] });
  } catch {
    settlePending(tabId);
    throw new ApiError("BuyHive can't read this page. Browser pages and the Web Store are off limits; try a shop page.", {
      code: "page_unreadable",
    });
  }
  return snapshot;
}

async function extractTab({ tabId }) {
  const snapshot = await collectSnapshot(tabId);
  const { data } = await authedRequest("/extract", { method: "POST", body: snapshot, timeoutMs: EXTRACT_TIMEOUT_MS });
  return { page: { url: snapshot.url, title: snapshot.title }, extraction: data };
}

const handlers = {
  "auth.state": async () => ({ user: (await loadAuth())?.user ?? null, settings: await getSettings() }),
  "auth.login": async ({ email, password }) => (await signInWithPassword(email, password)).user,
  "auth.google": async () => (await signInWithGoogle()).user,
  "auth.logout": () => signOut(),
  "settings.save": ({ settings }) => saveSettings(settings),
  "page.extract": extractTab,
  "carts.list": async () => {
    // GET /carts is paginated; the popup wants every cart (at most the account's cart quota).
    const carts = [];
    let cursor = null;
    do {
      const query = new URLSearchParams({ limit: "100", ...(cursor ? { cursor } : {}) });
      const page = (await authedRequest(`/carts?${query}`)).data;
      carts.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return carts;
  },
  "carts.create": async ({ name }) => (await authedRequest("/carts", { method: "POST", body: { name } })).data,
  "carts.get": async ({ cartId }) => (await authedRequest(`/carts/${pathId(cartId)}`)).data,
  "carts.items": async ({ cartId, cursor, q }) => {
    const query = new URLSearchParams({ limit: "20", ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) });
    return (await authedRequest(`/carts/${pathId(cartId)}/items?${query}`)).data;
  },
  "items.add": async ({ item }) => {
    const { status, data } = await authedRequest("/items", { method: "POST", body: item });
    return { item: data, created: status === 201 };
  },
  "carts.share": async ({ cartId, recipients, message }) =>
    (await authedRequest(`/carts/${pathId(cartId)}/share`, { method: "POST", body: { recipients, message } })).data,
  // The cart's newest live link, or a new one: the owner copies one link, not a new one per click.
  "links.current": async ({ cartId }) => {
    const links = (await authedRequest(`/carts/${pathId(cartId)}/links`)).data;
    if (links.length) return links[links.length - 1];
    return (await authedRequest(`/carts/${pathId(cartId)}/links`, { method: "POST", body: {} })).data;
  },
  "shares.get": async ({ cartId, shareId }) =>
    (await authedRequest(`/carts/${pathId(cartId)}/shares/${pathId(shareId)}`)).data,
  "invitations.accept": async ({ token }) =>
    (await authedRequest("/invitations/accept", { method: "POST", body: { token } })).data,
  ...accountHandlers,
  ...collaborationHandlers,
  ...priceWatchHandlers,
};

function errorPayload(error) {
  if (error instanceof ApiError) return error.toJSON();
  return { message: error?.message || "Something went wrong.", code: "error", status: 0, retryAfter: null };
}

function isExtensionPage(sender) {
  return sender.id === chrome.runtime.id && (sender.url || "").startsWith(chrome.runtime.getURL(""));
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === "page.snapshot") {
    // Only the tab we injected into, and only while we wait for it.
    if (sender.id === chrome.runtime.id && sender.tab && !isExtensionPage(sender)) {
      settlePending(sender.tab.id)?.resolve(message.snapshot);
    }
    return false;
  }
  const handler = handlers[message?.type];
  if (!handler || !isExtensionPage(sender)) return false;
  handler(message).then(
    (data) => sendResponse({ ok: true, data }),
    (error) => sendResponse({ ok: false, error: errorPayload(error) }),
  );
  return true; // the answer comes asynchronously
});
