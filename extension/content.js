// Injected into the tab the person is looking at (chrome.scripting, on demand). It runs in an isolated world,
// reads what the page offers and hands it to the service worker; it never calls the API itself.
(() => {
  const MAX_HTML_CHARS = 1_000_000; // even all-multibyte, the request stays under the API's 4 MB body limit
  const MAX_TEXT_CHARS = 100_000;
  const MAX_TITLE_CHARS = 1_000;
  const MAX_IMAGES = 20; // the API takes at most 20
  const MAX_URL_CHARS = 2_048;
  const MIN_IMAGE_SIDE = 80; // icons, spacers and tracking pixels are not product photos

  function webUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(value, document.baseURI);
      return (url.protocol === "https:" || url.protocol === "http:") && url.href.length <= MAX_URL_CHARS
        ? url.href
        : null;
    } catch {
      return null;
    }
  }

  function metaImages() {
    const selectors = [
      'meta[property="og:image"]',
      'meta[property="og:image:secure_url"]',
      'meta[name="twitter:image"]',
      'link[rel="image_src"]',
    ];
    return [...document.querySelectorAll(selectors.join(","))].map((node) =>
      node.getAttribute("content") ?? node.getAttribute("href"),
    );
  }

  function pageImages() {
    return [...document.images]
      .filter((image) => !image.complete || image.naturalWidth === 0 || Math.min(image.naturalWidth, image.naturalHeight) >= MIN_IMAGE_SIDE)
      .map((image) => ({ src: image.currentSrc || image.src, area: image.width * image.height }))
      .sort((a, b) => b.area - a.area)
      .map((image) => image.src);
  }

  function candidateImageUrls() {
    const urls = new Set();
    for (const value of [...metaImages(), ...pageImages()]) {
      const url = webUrl(value);
      if (url) urls.add(url);
      if (urls.size >= MAX_IMAGES) break;
    }
    return [...urls];
  }

  const snapshot = {
    url: location.href,
    title: document.title.slice(0, MAX_TITLE_CHARS),
    html: document.documentElement.outerHTML.slice(0, MAX_HTML_CHARS),
    text: (document.body?.innerText ?? "").slice(0, MAX_TEXT_CHARS),
    image_urls: candidateImageUrls(),
  };
  chrome.runtime.sendMessage({ type: "page.snapshot", snapshot });
})();
