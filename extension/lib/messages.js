// The popup's one way to the service worker, which alone calls the API. Screens ask it for work by message type.

class WorkerError extends Error {
  constructor({ message, code, status, retryAfter }) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

const signedOutListeners = [];

/** `listener(message)` runs whenever the worker answers that the person is signed out (e.g. a refused refresh). */
export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

/** The worker's answer to a message of `type`; rejects with its error, whose message is written for people. */
export async function ask(type, payload = {}) {
  const answer = await chrome.runtime.sendMessage({ type, ...payload });
  if (!answer) throw new WorkerError({ message: "BuyHive did not answer. Please try again.", code: "no_answer" });
  if (answer.ok) return answer.data;
  const error = new WorkerError(answer.error);
  if (error.code === "signed_out") signedOutListeners.forEach((listener) => listener(error.message));
  throw error;
}
