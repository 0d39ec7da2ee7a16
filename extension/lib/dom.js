// Building blocks for the popup. Text always goes in as text nodes or textContent: page data is never parsed as HTML.

const EVENT_PREFIX = "on";

/** Creates an element; string children become text nodes, `text` sets textContent, `on<event>` adds listeners. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith(EVENT_PREFIX)) node.addEventListener(key.slice(EVENT_PREFIX.length), value);
    else if (key === "value") node.value = String(value);
    else if (key === "checked") node.checked = Boolean(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** The URL if it is http(s), else null: keeps javascript:, data: and friends out of href and src. */
export function safeWebUrl(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

export function show(node, visible = true) {
  node.hidden = !visible;
}

/** Disables `button` and shows `label` on it while work runs; call the returned function to restore it. */
export function busy(button, label) {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = label;
  return () => {
    button.disabled = false;
    button.textContent = original;
  };
}

/** Writes a form's status line: `kind` is "error-text", "success-text" or "" (neutral). */
export function setStatus(node, message, kind = "") {
  node.textContent = message;
  node.classList.remove("error-text", "success-text");
  if (kind) node.classList.add(kind);
}
