// Per item in the carts panel: its price since it was saved (now, lowest and highest over 30 days, when last seen,
// why it could not be checked), a 90-day chart, and "Watch price" (a target, a percentage drop, back in stock).

import { busy, el, setStatus, show } from "../lib/dom.js";
import { formatPrice, timeAgo } from "../lib/format.js";
import { ask } from "../lib/messages.js";
import { sparkline } from "../lib/sparkline.js";

const CHART_DAYS = 90;
const PRICE_PATTERN = /^\d{1,10}(\.\d{1,4})?$/;
const PERCENT_PATTERN = /^\d{1,2}(\.\d{1,2})?$/;

const sameCurrency = (a, b) => Boolean(a?.currency) && a.currency === b?.currency;

/** "Now €39.99", "Price dropped" (below the price when saved), "out of stock": what changed since the save. */
function nowLine(item, current) {
  if (!current) return null;
  const parts = [];
  const saved = { price: item.price, currency: item.currency };
  const priced = current.price !== null && current.price !== undefined;
  const moved = priced && (!sameCurrency(current, saved) || Number(current.price) !== Number(saved.price));
  if (moved) parts.push(el("span", { class: "price-now", text: `Now ${formatPrice(current.price, current.currency)}` }));
  if (priced && sameCurrency(current, saved) && Number(current.price) < Number(saved.price)) {
    parts.push(el("span", { class: "badge drop", text: "Price dropped" }));
  }
  if (current.availability === "OutOfStock") parts.push(el("span", { class: "stock-out", text: "Out of stock" }));
  return parts.length ? el("div", { class: "price-line" }, parts) : null;
}

/** "Last 30 days: lowest €39.99, highest €59.99 · seen 2 hours ago" (without "seen" in the product form, where
 * the page is open now). */
export function rangeLine(tracking, { seen = true } = {}) {
  const parts = [];
  const { lowest_30d: low, highest_30d: high } = tracking;
  if (low && high) {
    parts.push(Number(low.price) === Number(high.price)
      ? `Last 30 days: ${formatPrice(low.price, low.currency)}`
      : `Last 30 days: lowest ${formatPrice(low.price, low.currency)}, highest ${formatPrice(high.price, high.currency)}`);
  }
  if (seen && tracking.last_seen_at) parts.push(`seen ${timeAgo(tracking.last_seen_at)}`);
  if (!parts.length) return null;
  const text = parts.join(" · ");
  return el("p", { class: "price-range small muted", text: text[0].toUpperCase() + text.slice(1) });
}

async function fillChart(slot, item) {
  let history;
  try {
    history = await ask("items.priceHistory", { itemId: item.id, days: CHART_DAYS });
  } catch {
    return; // the summary above still stands; a missing chart is no error worth a message
  }
  const { lowest, highest } = history;
  if (!lowest || !highest) return;
  const series = history.points.filter((point) => point.currency === lowest.currency && point.price !== null);
  if (series.length < 2) return; // one point draws a flat line that tells nothing
  const label = `Price over the last ${CHART_DAYS} days: lowest ${formatPrice(lowest.price, lowest.currency)}, ` +
    `highest ${formatPrice(highest.price, highest.currency)}`;
  const chart = sparkline(series, { days: CHART_DAYS, label });
  if (chart) slot.replaceChildren(chart);
}

function describeWatch(watch) {
  const parts = [];
  if (watch.target_price) parts.push(`at or below ${formatPrice(watch.target_price, watch.currency)}`);
  if (watch.drop_percent) {
    // The API measures the drop from the price when watching began.
    const from = watch.baseline_price ? formatPrice(watch.baseline_price, watch.currency) : "the price when you started";
    parts.push(`${Number(watch.drop_percent)}% below ${from}`);
  }
  if (watch.back_in_stock) parts.push("back in stock");
  return `Watching: ${parts.join(" · ")}`;
}

/** Whether the latest price is at or below the watch's target (in the watch's currency: never across currencies). */
function targetReached(watch, current) {
  const priced = current?.price !== null && current?.price !== undefined;
  return Boolean(watch.target_price) && priced && current.currency === watch.currency &&
    Number(current.price) <= Number(watch.target_price);
}

/** The watch's conditions from the form, or a sentence saying what to fix. */
function readWatchForm(inputs) {
  const target = inputs.target.value.trim().replace(",", ".");
  const drop = inputs.drop.value.trim().replace(",", ".").replace(/%$/, "").trim();
  if (target && !PRICE_PATTERN.test(target)) return { problem: "Write the target price as a number, such as 39.99." };
  if (drop && (!PERCENT_PATTERN.test(drop) || Number(drop) <= 0)) {
    return { problem: "Write the drop as a percentage below 100, such as 10." };
  }
  const backInStock = inputs.restock.checked;
  if (!target && !drop && !backInStock) return { problem: "Choose a target price, a drop or back in stock." };
  const watch = { back_in_stock: backInStock };
  if (target) watch.target_price = target;
  if (drop) watch.drop_percent = drop;
  return { watch };
}

/**
 * The item's price tracking and watch control. `watches` resolves to the person's watches by item id (shared by
 * the rows, kept up to date here); `onNeedsVerification()` brings up the "confirm your email" notice.
 */
export function priceWatchSection(item, { watches, onNeedsVerification }) {
  const tracking = item.price_tracking;
  const current = tracking?.current;
  const currency = current?.currency || item.currency || "";
  const chartSlot = el("div", { class: "price-chart" });
  if (tracking) fillChart(chartSlot, item);

  const summary = el("p", { class: "watch-summary small", hidden: true });
  const status = el("p", { class: "form-status watch-status", role: "status" });
  const target = el("input", { name: "target_price", inputmode: "decimal", autocomplete: "off",
    placeholder: current?.price ?? item.price ?? "0.00" });
  const drop = el("input", { name: "drop_percent", inputmode: "decimal", autocomplete: "off", placeholder: "10" });
  const restock = el("input", { type: "checkbox", name: "back_in_stock" });
  const save = el("button", { type: "submit", class: "button primary small", text: "Save watch" });
  const stop = el("button", { type: "button", class: "button small", text: "Stop watching", hidden: true });
  const cancel = el("button", { type: "button", class: "button small", text: "Cancel" });
  const formId = `watch-form-${item.id}`;
  const form = el("form", { id: formId, class: "watch-form", novalidate: true, hidden: true,
    "aria-label": `Watch the price of ${item.name}` },
    el("label", {}, `Alert me at or below${currency ? ` (${currency})` : ""}`, target),
    el("label", {}, "Or when it drops by (%)", drop),
    el("label", { class: "choice" }, restock, el("span", { text: "Or when it is back in stock" })),
    el("div", { class: "button-row" }, save, stop, cancel));
  const toggle = el("button", { type: "button", class: "link watch-toggle", "aria-expanded": "false",
    "aria-controls": formId, text: "Watch price" });

  let watch = null;
  const render = () => {
    summary.replaceChildren(...(watch ? [describeWatch(watch)] : []));
    if (watch && targetReached(watch, current)) {
      summary.append(" ", el("span", { class: "badge drop", text: "Target reached" }));
    }
    show(summary, Boolean(watch));
    toggle.textContent = watch ? "Change watch" : "Watch price";
    show(stop, Boolean(watch));
  };
  const setOpen = (open) => {
    show(form, open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      target.value = watch?.target_price ?? "";
      drop.value = watch?.drop_percent ? String(Number(watch.drop_percent)) : "";
      restock.checked = Boolean(watch?.back_in_stock);
      target.focus();
    } else {
      toggle.focus();
    }
  };
  const failed = (error) => {
    if (error.code !== "email_not_verified") {
      setStatus(status, error.message, "error-text");
      return;
    }
    const pointer = el("button", { type: "button", class: "link", text: "Show me", onclick: onNeedsVerification });
    setStatus(status, "Price alerts are sent by email, so confirm your email address first: use “Send the link again” " +
      "at the top, then open the link we send. ", "error-text");
    status.append(pointer);
  };

  toggle.addEventListener("click", () => {
    setStatus(status, "");
    setOpen(form.hidden);
  });
  cancel.addEventListener("click", () => setOpen(false));
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    setOpen(false);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { watch: wanted, problem } = readWatchForm({ target, drop, restock });
    if (problem) {
      setStatus(status, problem, "error-text");
      return;
    }
    const done = busy(save, "Saving…");
    try {
      watch = await ask("watches.save", { itemId: item.id, watch: wanted });
      (await watches).set(item.id, watch);
      render();
      setOpen(false);
      setStatus(status, "Saved. We'll email you when it happens.", "success-text");
    } catch (error) {
      failed(error);
    } finally {
      done();
    }
  });
  stop.addEventListener("click", async () => {
    const done = busy(stop, "Stopping…");
    try {
      await ask("watches.remove", { itemId: item.id });
      watch = null;
      (await watches).delete(item.id);
      render();
      setOpen(false);
      setStatus(status, "You are no longer watching this price.", "success-text");
    } catch (error) {
      failed(error);
    } finally {
      done();
    }
  });
  watches.then((byItem) => {
    watch = byItem.get(item.id) || null;
    render();
  });

  return el("div", { class: "price-watch" },
    tracking ? nowLine(item, current) : null,
    tracking ? rangeLine(tracking) : null,
    tracking?.status_message ? el("p", { class: "price-status small", text: tracking.status_message }) : null,
    chartSlot, summary, toggle, form, status);
}
