// How long to wait before the next attempt to reconnect: 1 s, 2 s, 4 s, 8 s, then 15 s for as
// long as it takes. Reset after a connection that delivered data, so one dropped connection
// after hours of streaming retries after 1 s again. A server's Retry-After is honoured (it may
// ask for longer, never makes the client hammer sooner). Pure: no timers.

export const DEFAULT_STEPS_MS = Object.freeze([1_000, 2_000, 4_000, 8_000, 15_000]);

export function createBackoff(stepsMs = DEFAULT_STEPS_MS) {
  let failures = 0;
  return {
    /** The wait before the next attempt, after one more failure; `retryAfterMs` from the server when it sent one. */
    next(retryAfterMs = null) {
      const step = stepsMs[Math.min(failures, stepsMs.length - 1)];
      failures += 1;
      return retryAfterMs !== null && retryAfterMs > step ? retryAfterMs : step;
    },
    reset() { failures = 0; },
    /** How many attempts have failed in a row (the attempt counter the page shows). */
    get failures() { return failures; },
  };
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent
 * or unreadable. `nowMs` is injectable so tests need no clock.
 */
export function parseRetryAfter(value, nowMs = Date.now()) {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
