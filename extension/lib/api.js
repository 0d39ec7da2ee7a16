// The one HTTP client of the extension: JSON in and out, the API's error envelope turned into human messages.

const API_PREFIX = "/api/v1";
const DEFAULT_TIMEOUT_MS = 20_000;

/** `id` made safe as one segment of a path. */
export const pathId = (id) => encodeURIComponent(String(id));

/** A failure the popup can show as is: `message` is written for people, `code` is for the code. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = "error", requestId = null, retryAfter = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  toJSON() {
    const { message, status, code, requestId, retryAfter } = this;
    return { message, status, code, requestId, retryAfter };
  }
}

/** Seconds to wait, from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value, now = Date.now()) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function describeWait(seconds) {
  if (seconds === null) return "in a moment";
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const FIELD_LABELS = {
  email: "Email",
  password: "Password",
  name: "Name",
  price: "Price",
  currency: "Currency",
  image_url: "Image",
  url: "Page address",
  recipients: "Recipients",
  message: "Message",
  cart_ids: "Carts",
  target_price: "Target price",
  drop_percent: "Drop",
};

function describeValidation(details) {
  const first = Array.isArray(details) ? details.find((detail) => detail && detail.msg) : null;
  if (!first) return "Some of the details are not valid.";
  const field = [...(first.loc || [])].reverse().find((part) => Number.isNaN(Number(part)));
  const label = FIELD_LABELS[field] || (field && field !== "body" ? field : "");
  const text = String(first.msg).replace(/^Value error, /, "");
  return label ? `${label}: ${text}` : text;
}

function humanMessage(status, envelope, retryAfter) {
  const message = envelope?.message;
  switch (status) {
    case 429:
      return `You're going a bit fast. Try again ${describeWait(retryAfter)}.`;
    case 422:
      return describeValidation(envelope?.details);
    case 413:
      return "This page is too large to send to BuyHive.";
    case 503:
    case 502:
    case 504:
      return "BuyHive is temporarily unavailable. Please try again in a moment.";
    default:
      if (status >= 500) return "Something went wrong on our side. Please try again.";
      return message || `The request failed (HTTP ${status}).`;
  }
}

/**
 * Calls `path` under the API prefix; resolves to {status, data}, rejects with an ApiError.
 * `token` adds the bearer header. Only the service worker calls this.
 */
export async function callApi(baseUrl, path, { method = "GET", body, token, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(baseUrl + API_PREFIX + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error?.name === "TimeoutError";
    throw new ApiError(
      timedOut
        ? "BuyHive took too long to answer. Please try again."
        : `Can't reach BuyHive at ${baseUrl}. Check your connection or the API address in Settings.`,
      { code: timedOut ? "timeout" : "network_error" },
    );
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { status: response.status, data };

  const envelope = data?.error;
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  throw new ApiError(humanMessage(response.status, envelope, retryAfter), {
    status: response.status,
    code: envelope?.code || `http_${response.status}`,
    requestId: envelope?.request_id || response.headers.get("X-Request-ID"),
    retryAfter,
  });
}
