// Injected into the tab the person is looking at (chrome.scripting, on demand, after lib/payload.js). It runs in an
// isolated world, builds the extraction payload from the page and hands it to the service worker; it never calls
// the API itself.
(() => {
  chrome.runtime.sendMessage({ type: "page.snapshot", snapshot: globalThis.buyhivePayload.build(document) });
})();
