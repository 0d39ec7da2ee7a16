// How prices and moments read in the popup.

const MINUTE_MS = 60_000;
const TIME_UNITS = [
  ["year", 365 * 24 * 60],
  ["month", 30 * 24 * 60],
  ["week", 7 * 24 * 60],
  ["day", 24 * 60],
  ["hour", 60],
  ["minute", 1],
];

/** `price` (a decimal string) in `currency`, in the person's locale; "" without a price. */
export function formatPrice(price, currency) {
  if (price === null || price === undefined) return "";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(price));
  } catch {
    return `${price} ${currency || ""}`.trim();
  }
}

/** "3 days ago", "just now": how long ago the ISO moment `at` was. */
export function timeAgo(at, now = Date.now()) {
  const minutes = Math.round((Date.parse(at) - now) / MINUTE_MS);
  if (Number.isNaN(minutes)) return "";
  if (minutes > -1) return "just now";
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const [unit, size] = TIME_UNITS.find(([, unitMinutes]) => -minutes >= unitMinutes);
  return words.format(Math.round(minutes / size), unit);
}
