// What the extension sends to POST /extract for the page in front of the person, built in the content script's
// isolated world. A classic script (content scripts cannot be modules): it defines `globalThis.buyhivePayload`,
// which content.js calls; injecting it twice is harmless.
//
// A page up to MAX_PAYLOAD_BYTES goes whole. A bigger one (retailers' pages run to 1-4 MB, mostly scripts,
// styles and menus) is rebuilt as a smaller document that keeps what the API reads, at the places it sits:
//   - the head's title, base, meta and link tags, and every JSON-LD block, wherever they are;
//   - every microdata (itemscope/itemprop) and RDFa (typeof/property) element, with the ancestors that hold it;
//   - the main product region: the subtree around the visible <h1>, price and add-to-cart control;
//   - then as much of the rest of the page as fits, the parts nearest the product region first, menus, footers
//     and recommendation strips last.
// Scripts other than JSON-LD, styles, SVG, iframes, comments and inline event handlers are dropped first; class,
// id and style attributes stay (the API reads them). Whole elements are dropped, never a part of one.
globalThis.buyhivePayload = (() => {
  const MAX_PAYLOAD_BYTES = 600_000; // what a big page is cut to; the API takes 3M characters
  const MAX_TEXT_CHARS = 100_000;
  const MAX_TITLE_CHARS = 1_000;
  const MAX_IMAGES = 20; // the API takes at most 20
  const MAX_URL_CHARS = 2_048;
  const MIN_IMAGE_SIDE = 80; // icons, spacers and tracking pixels are not product photos
  const PRODUCT_JSONLD_BUDGET = 0.8; // share of the bound product JSON-LD may take (a product with many variants)
  const JSONLD_BUDGET = 0.4; // ... and JSON-LD of any kind, product blocks counted first
  const REGION_BUDGET = 0.4; // share of the bound the product region may take
  const MAX_MARKUP_VALUE_CHARS = 20_000; // an itemprop/property element's text (a description) kept whole
  const MAX_ATTRIBUTE_CHARS = 4_096;
  const MAX_DATA_URL_CHARS = 512; // inline base64 placeholders
  const MAX_CANDIDATE_ELEMENTS = 3_000; // price and cart candidates looked at on the live page
  const MAX_MAIN_PHOTOS = 4;
  const OVERSHOOT = 0.1; // share of the bound a dropped element may cut beyond what had to go

  const DROPPED_TAGS = ["style", "svg", "iframe", "object", "embed", "canvas", "template", "audio", "video"];
  const LOADING_LINKS = /^(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|manifest)$/i;
  const MARKUP_ATTRIBUTES = ["itemscope", "itemprop", "itemtype", "itemid", "itemref", "typeof", "property", "vocab", "about", "resource", "prefix"];
  const VALUE_ATTRIBUTES = ["itemprop", "property"];
  const ADD_TO_CART = new RegExp(
    [
      "add(?:ing)?[\\s_-]*(?:it[\\s_-]*)?to[\\s_-]*(?:my[\\s_-]*|your[\\s_-]*)?(?:shopping[\\s_-]*)?(?:cart|bag|basket|trolley)",
      "addto(?:cart|bag|basket)", "buy[\\s_-]*(?:it[\\s_-]*)?now", "pre-?order now",
      "in den (?:warenkorb|einkaufswagen)", "ajouter au panier", "a[ñn]adir a(?:l)? (?:la )?(?:carrito|cesta)",
      "aggiungi al carrello", "toevoegen aan (?:winkelwagen|winkelmand)", "l[äa]gg i varukorgen", "l[æa]g i kurv",
      "legg i handlekurv", "dodaj do koszyka", "adicionar ao carrinho", "в корзину", "sepete ekle",
      "カートに(?:入れる|追加)", "加入购物车", "加入購物車", "장바구니 담기", "do košíku", "kosárba",
    ].join("|"),
    "i",
  );
  const OLD_PRICE = /(?:^|[\s_-])(?:old|was|strike\w*|crossed|compare|original|list|msrp|rrp|regular|reg)(?:$|[\s_-])|(?:old|was|compare|regular|list)[A-Z_-]?price/i;
  const MONEY = /(?:[$€£¥₹₩₽]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|CNY|KRW|INR|SEK|NOK|DKK|PLN|CZK|BRL|MXN)\b|\bkr\b|zł|Kč|R\$)\s*\d|\d\s*(?:[$€£¥₹₩₽]|\b(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK)\b|kr\b|zł|Kč|円|원|元)/;
  // Parts a person reads last: dropped first when the page must be cut.
  const NOISE_TAGS = new Set(["footer", "nav", "header", "aside", "noscript"]);
  const NOISE_WORDS = /(?:^|[\s_-])(?:footer|header|nav|navigation|menu|megamenu|related|recommend\w*|recs?|similar|carousel|upsells?|cross-?sells?|recently|also|sponsored|reviews?|newsletter|cookies?|consent|modal|popup|overlay|drawer|breadcrumbs?)(?:$|[\s_-])/i;

  const encoder = new TextEncoder();
  const byteLength = (text) => encoder.encode(text).length;

  // ---- the live page: what a person sees ----------------------------------------------------------------

  function isShown(element) {
    if (typeof element.checkVisibility === "function") return element.checkVisibility();
    return element.getClientRects().length > 0;
  }

  function words(text) {
    return new Set((text || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
  }

  function overlap(a, b) {
    const left = words(a);
    if (left.size === 0) return 0;
    const right = words(b);
    let common = 0;
    for (const word of left) common += right.has(word) ? 1 : 0;
    return common / left.size;
  }

  function mainHeading(doc) {
    const shown = [...doc.querySelectorAll("h1")].filter((heading) => isShown(heading) && heading.textContent.trim());
    if (shown.length === 0) return null;
    const reference = [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute("content")].join(" ");
    return shown.reduce((best, heading) => (overlap(heading.textContent, reference) > overlap(best.textContent, reference) ? heading : best));
  }

  function cartControls(doc) {
    const controls = doc.querySelectorAll(
      'button, input[type="submit"], input[type="button"], input[type="image"], [role="button"], form[action*="cart" i], form[action*="basket" i], a[class*="cart" i], a[id*="cart" i], a[class*="buy" i], a[id*="buy" i], a[class*="basket" i], a[class*="bag" i]',
    );
    const found = [];
    for (const control of [...controls].slice(0, MAX_CANDIDATE_ELEMENTS)) {
      if (control.tagName === "FORM") {
        found.push(control);
        continue;
      }
      const label = ["value", "aria-label", "title", "id", "class", "name", "data-action"]
        .map((name) => (control.getAttribute(name) || "").slice(0, 300))
        .join(" ");
      if ((ADD_TO_CART.test(label) || ADD_TO_CART.test(control.textContent.slice(0, 200))) && isShown(control)) found.push(control);
    }
    return found;
  }

  function priceElements(doc) {
    const byName = doc.querySelectorAll('[class*="price" i], [id*="price" i], [itemprop*="price" i]');
    const found = [];
    for (const element of [...byName].slice(0, MAX_CANDIDATE_ELEMENTS)) {
      const text = element.textContent.trim();
      const naming = `${element.getAttribute("class") || ""} ${element.id || ""}`;
      if (text.length > 0 && text.length <= 60 && /\d/.test(text) && !OLD_PRICE.test(naming) && isShown(element)) found.push(element);
    }
    if (found.length > 0) return found;
    // No price-named element: short leaves that read like money ("$19.99", "24,90 €").
    const walker = doc.createTreeWalker(doc.body || doc.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(), seen = 0; node && seen < 50_000 && found.length < 50; node = walker.nextNode(), seen += 1) {
      const text = node.data.trim();
      const parent = node.parentElement;
      if (text.length >= 2 && text.length <= 40 && MONEY.test(text) && parent && !["SCRIPT", "STYLE", "OPTION"].includes(parent.tagName) && isShown(parent)) found.push(parent);
    }
    return found;
  }

  function ancestors(element) {
    const chain = [];
    for (let node = element; node; node = node.parentElement) chain.push(node);
    return chain;
  }

  function commonAncestor(elements) {
    const [first, ...rest] = elements;
    return ancestors(first).find((candidate) => rest.every((other) => candidate.contains(other))) || null;
  }

  /** Pixels between two elements' boxes as laid out (0 when they overlap). */
  function gap(a, b) {
    const [one, two] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
    const across = Math.max(0, one.left - two.right, two.left - one.right);
    const down = Math.max(0, one.top - two.bottom, two.top - one.bottom);
    return Math.hypot(across, down);
  }

  function fontSize(element) {
    return Number.parseFloat(element.ownerDocument.defaultView?.getComputedStyle(element).fontSize) || 0;
  }

  /** The candidate laid out nearest the anchor (the bigger type on ties: the price a person reads first). */
  function nearest(candidates, anchor) {
    if (!anchor) return candidates[0] || null;
    let best = null;
    let bestScore = Infinity;
    for (const candidate of candidates) {
      const score = gap(candidate, anchor) - fontSize(candidate);
      if (score < bestScore) [best, bestScore] = [candidate, score];
    }
    return best;
  }

  /** The largest photos in the first screens of the page: the product's own pictures, most likely. */
  function mainPhotos(doc) {
    const firstScreens = (doc.defaultView?.innerHeight || 800) * 1.5;
    return [...doc.images]
      .map((image) => ({ image, box: image.getBoundingClientRect() }))
      .filter(({ box }) => Math.min(box.width, box.height) >= MIN_IMAGE_SIDE && box.top + (doc.defaultView?.scrollY || 0) < firstScreens)
      .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)
      .slice(0, MAX_MAIN_PHOTOS)
      .map(({ image }) => image);
  }

  /** The heading, price and add-to-cart control of the page's product (the ones laid out nearest each other),
   * and its main photos. */
  function productAnchors(doc) {
    const heading = mainHeading(doc);
    const carts = cartControls(doc);
    const prices = priceElements(doc);
    const cart = nearest(carts, heading);
    const price = nearest(prices, heading || cart);
    return { heading, price, cart: cart || (price ? nearest(carts, price) : null), photos: mainPhotos(doc) };
  }

  // ---- the copy that is cut down ------------------------------------------------------------------------

  function pathTo(element, root) {
    const path = [];
    for (let node = element; node && node !== root; node = node.parentElement) {
      path.push(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    return path.reverse();
  }

  function follow(root, path) {
    let node = root;
    for (const index of path) node = node?.children[index];
    return node || null;
  }

  function isJsonLd(element) {
    return element.tagName === "SCRIPT" && /ld\+json/i.test(element.getAttribute("type") || "");
  }

  function droppedValue(name, value) {
    if (value.length > MAX_ATTRIBUTE_CHARS && name !== "content") return true;
    const first = value.charCodeAt(0) | 0x20; // lower-cased ASCII letter, or a space's code
    if (first === 0x64 /* d */) return value.length > MAX_DATA_URL_CHARS && /^data:/i.test(value);
    if (first === 0x6a /* j */ || first === 0x20) return /^\s*javascript:/i.test(value);
    return false;
  }

  /** Drops what the API never reads: scripts (but JSON-LD), styles, SVG, frames, comments, event handlers. */
  function clean(root) {
    for (const element of root.querySelectorAll(["script", ...DROPPED_TAGS].join(","))) {
      if (!isJsonLd(element)) element.remove();
    }
    for (const link of root.querySelectorAll("link[rel]")) {
      if (link.getAttribute("rel").split(/\s+/).some((rel) => LOADING_LINKS.test(rel))) link.remove();
    }
    const comments = [];
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
    for (const comment of comments) comment.remove();
    for (const element of [root, ...root.querySelectorAll("*")]) {
      const attributes = element.attributes;
      for (let index = attributes.length - 1; index >= 0; index -= 1) {
        const { name, value } = attributes[index];
        if (name.startsWith("on") || (value.length > 10 && droppedValue(name, value))) element.removeAttribute(name);
      }
    }
  }

  function isMarkup(element) {
    return MARKUP_ATTRIBUTES.some((name) => element.hasAttribute(name));
  }

  /** JSON-LD blocks that fit their budget, product data first; the others are removed. */
  function keepJsonLd(root, maxBytes) {
    const describesProduct = (block) => /"(?:Product|ProductGroup|Offer|AggregateOffer)"/.test(block.textContent);
    const blocks = [...root.querySelectorAll("script")].filter(isJsonLd);
    const productFirst = [...blocks.filter(describesProduct), ...blocks.filter((block) => !describesProduct(block))];
    let spent = 0;
    const kept = [];
    for (const block of productFirst) {
      const size = byteLength(block.outerHTML);
      const budget = maxBytes * (describesProduct(block) ? PRODUCT_JSONLD_BUDGET : JSONLD_BUDGET);
      if (spent + size <= budget) {
        spent += size;
        kept.push(block);
      } else {
        block.remove();
      }
    }
    return kept;
  }

  /** The subtree around the anchors, grown while it fits the region budget. */
  function productRegion(anchors, maxBytes) {
    const present = [anchors.heading, anchors.price, anchors.cart].filter(Boolean);
    const { heading, price, cart } = anchors;
    const groups = [present, [heading, price], [heading, cart], [heading], [price, cart], [price], [cart]];
    const fits = (element) => byteLength(element.outerHTML) <= maxBytes * REGION_BUDGET;
    for (const group of groups) {
      if (group.length === 0 || !group.every(Boolean)) continue;
      let region = commonAncestor(group);
      if (!region || !fits(region)) continue;
      while (region.parentElement && region.parentElement.tagName !== "HTML" && fits(region.parentElement)) region = region.parentElement;
      return region;
    }
    return null;
  }

  /** Elements kept whole (with everything inside) and elements kept as bare holders of those. */
  function protectedParts(root, region, jsonLd, anchors) {
    const whole = new Set([...jsonLd, ...anchors]);
    if (region) whole.add(region);
    const head = root.querySelector("head");
    if (head) for (const child of head.children) whole.add(child);
    for (const element of root.querySelectorAll("title, base, meta, link")) whole.add(element);
    for (const element of root.querySelectorAll(MARKUP_ATTRIBUTES.map((name) => `[${name}]`).join(","))) {
      const holdsValue = VALUE_ATTRIBUTES.some((name) => element.hasAttribute(name)) && !element.hasAttribute("itemscope") && !element.hasAttribute("typeof");
      if (holdsValue && element.textContent.length <= MAX_MARKUP_VALUE_CHARS) whole.add(element);
    }
    const holders = new Set();
    const markOwners = (element) => {
      for (let node = element.parentElement; node && !holders.has(node); node = node.parentElement) holders.add(node);
    };
    for (const element of whole) markOwners(element);
    for (const element of root.querySelectorAll(MARKUP_ATTRIBUTES.map((name) => `[${name}]`).join(","))) {
      holders.add(element);
      markOwners(element);
    }
    return { whole, holders };
  }

  function isNoise(element) {
    const naming = `${element.getAttribute("class") || ""} ${element.id || ""} ${element.getAttribute("role") || ""}`;
    return NOISE_TAGS.has(element.localName) || NOISE_WORDS.test(naming.slice(0, 300));
  }

  /** In one pass: each element's position in document order, how many elements it holds, and about how many
   * characters it serialises to (markup escapes left out; the result is measured for real afterwards). */
  function measure(root) {
    const all = [root, ...root.querySelectorAll("*")];
    const order = new Map(all.map((element, index) => [element, index]));
    const size = new Map();
    const span = new Map();
    for (let index = all.length - 1; index >= 0; index -= 1) {
      const element = all[index];
      let characters = 2 * element.localName.length + 5;
      for (const attribute of element.attributes) characters += attribute.name.length + attribute.value.length + 4;
      let held = 0;
      for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          characters += size.get(node);
          held += span.get(node) + 1;
        } else if (node.nodeType === Node.TEXT_NODE) {
          characters += node.data.length;
        }
      }
      size.set(element, characters);
      span.set(element, held);
    }
    return { order, size, span };
  }

  /** Subtrees that may go, in the order they go (noise first, then the farthest from the product region), each
   * with its size; `split(part)` gives the parts inside one in the same order, for cutting finer than a whole
   * big element. */
  function removableParts(root, { whole, holders }, region) {
    const { order, size, span } = measure(root);
    const regionStart = region ? order.get(region) : 0;
    const regionEnd = region ? regionStart + span.get(region) : 0;
    const partOf = (element, noisy) => {
      const start = order.get(element);
      const end = start + span.get(element);
      const distance = region ? (start > regionEnd ? start - regionEnd : Math.max(0, regionStart - end)) : start;
      return { element, size: size.get(element), noise: noisy || isNoise(element), distance };
    };
    const parts = [];
    for (const holder of holders) {
      if (whole.has(holder)) continue;
      const noisy = ancestors(holder).some(isNoise);
      for (const child of holder.children) {
        if (!holders.has(child) && !whole.has(child)) parts.push(partOf(child, noisy));
      }
    }
    const byPriority = (a, b) => Number(b.noise) - Number(a.noise) || b.distance - a.distance;
    return {
      parts: parts.sort(byPriority),
      split: (part) => [...part.element.children].map((child) => partOf(child, part.noise)).sort(byPriority),
    };
  }

  function serialize(root) {
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  }

  /** A document of at most `maxBytes` (UTF-8) holding what extraction reads, from the page `doc`; `stage` says
   * how it was made: "whole", "cleaned", "cut" or "head". */
  function extractionDocument(doc, maxBytes = MAX_PAYLOAD_BYTES) {
    const source = doc.documentElement;
    const whole = serialize(source);
    // UTF-8 takes at least one byte per UTF-16 unit: a longer string needs no encoding to know it is over.
    if (whole.length <= maxBytes && byteLength(whole) <= maxBytes) return { html: whole, stage: "whole" };

    const live = productAnchors(doc);
    const livePhotos = live.photos;
    const liveAnchors = [live.heading, live.price, live.cart];
    const paths = [...liveAnchors, ...livePhotos].map((element) => (element ? pathTo(element, source) : null));
    // An inert document: nothing in the copy loads (images) or runs (scripts).
    const inert = doc.implementation.createHTMLDocument("");
    const root = inert.importNode(source, true);
    const copies = paths.map((path) => (path ? follow(root, path) : null));
    clean(root);
    const kept = copies.map((element) => (element && root.contains(element) ? element : null));
    const [heading, price, cart] = kept;

    let html = serialize(root);
    let size = byteLength(html);
    if (size <= maxBytes) return { html, stage: "cleaned" };

    const jsonLd = keepJsonLd(root, maxBytes);
    const region = productRegion({ heading, price, cart }, maxBytes);
    const anchors = kept.filter(Boolean);
    const { parts, split } = removableParts(root, protectedParts(root, region, jsonLd, anchors), region);
    // Sizes are counted in UTF-16 units per part and converted with the page's own bytes-per-unit ratio; the
    // result is measured again and cut further while it is still over. A part much bigger than what is left to
    // cut is cut inside instead of dropped whole.
    for (let attempt = 0; attempt < 4 && size > maxBytes && parts.length > 0; attempt += 1) {
      const ratio = size / html.length;
      const target = maxBytes * (1 - 0.05 * attempt);
      let estimate = size;
      const cut = (part) => {
        if (part.size * ratio > estimate - target + maxBytes * OVERSHOOT && part.element.childElementCount > 0) {
          for (const inner of split(part)) {
            if (estimate <= target) return;
            cut(inner);
          }
          return;
        }
        part.element.remove();
        estimate -= part.size * ratio;
      };
      while (parts.length > 0 && estimate > target) cut(parts.shift());
      html = serialize(root);
      size = byteLength(html);
    }
    if (size <= maxBytes) return { html, stage: "cut" };
    // Still over (enormous markup): the head, JSON-LD and the anchors alone.
    const head = root.querySelector("head");
    root.querySelector("body")?.replaceChildren(...anchors.filter((element) => !head?.contains(element)));
    html = serialize(root);
    return { html: byteLength(html) <= maxBytes ? html : serialize(inert.createElement("html")), stage: "head" };
  }

  // ---- images and the whole snapshot --------------------------------------------------------------------

  function webUrl(value, doc) {
    if (!value) return null;
    try {
      const url = new URL(value, doc.baseURI);
      return (url.protocol === "https:" || url.protocol === "http:") && url.href.length <= MAX_URL_CHARS ? url.href : null;
    } catch {
      return null;
    }
  }

  function metaImages(doc) {
    const selectors = ['meta[property="og:image"]', 'meta[property="og:image:secure_url"]', 'meta[name="twitter:image"]', 'link[rel="image_src"]'];
    return [...doc.querySelectorAll(selectors.join(","))].map((node) => node.getAttribute("content") ?? node.getAttribute("href"));
  }

  /** Page photos, the ones shown near the top of the page and the largest first. */
  function pageImages(doc) {
    const firstScreens = (doc.defaultView?.innerHeight || 800) * 1.5;
    return [...doc.images]
      .filter((image) => !image.complete || image.naturalWidth === 0 || Math.min(image.naturalWidth, image.naturalHeight) >= MIN_IMAGE_SIDE)
      .map((image) => {
        const box = image.getBoundingClientRect();
        return { src: image.currentSrc || image.src, area: box.width * box.height, early: box.width > 0 && box.top + (doc.defaultView?.scrollY || 0) < firstScreens };
      })
      .sort((a, b) => Number(b.early) - Number(a.early) || b.area - a.area)
      .map((image) => image.src);
  }

  function candidateImageUrls(doc) {
    const urls = new Set();
    for (const value of [...metaImages(doc), ...pageImages(doc)]) {
      const url = webUrl(value, doc);
      if (url) urls.add(url);
      if (urls.size >= MAX_IMAGES) break;
    }
    return [...urls];
  }

  /** The body of POST /extract for the page `doc` shows at `location`. */
  function build(doc = document, { maxBytes = MAX_PAYLOAD_BYTES } = {}) {
    return {
      url: doc.location.href,
      title: doc.title.slice(0, MAX_TITLE_CHARS),
      html: extractionDocument(doc, maxBytes).html,
      text: (doc.body?.innerText ?? "").slice(0, MAX_TEXT_CHARS),
      image_urls: candidateImageUrls(doc),
    };
  }

  return { build, extractionDocument, MAX_PAYLOAD_BYTES };
})();
