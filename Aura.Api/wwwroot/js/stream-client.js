// One Server-Sent Events connection that really reconnects: fetch with a streamed body (so it
// can send the API key and Last-Event-ID, see the HTTP status and see keep-alive comments), a
// backoff between failed attempts, an idle guard (no bytes for 25 s: the connection is dead even
// if the socket says otherwise) and a hard timeout (renew at least every 12 min, so no proxy or
// load balancer ever holds one connection for ever). Every reconnect resumes from the last id.
// Clock and fetch are injected so the Node tests drive it with a fake clock.

import { createBackoff, DEFAULT_STEPS_MS, parseRetryAfter } from './backoff.js';
import { createSseParser } from './sse-parser.js';

export const StreamState = Object.freeze({
  Connecting: 'connecting', // the first attempt
  Live: 'live',
  Reconnecting: 'reconnecting', // a failed attempt or a lost connection; the next try is scheduled
  Offline: 'offline', // still trying, but at the slowest pace, or waiting for an API key
  Ended: 'ended', // the server said there is nothing more (204, 404) or the client closed
});

export const DEFAULT_TIMING = Object.freeze({
  idleMs: 25_000,
  hardTimeoutMs: 12 * 60_000,
  backoffStepsMs: DEFAULT_STEPS_MS,
});

const realClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

/**
 * @param {object} options
 * @param {string} options.url
 * @param {(event: {event: string, data: string, id: string|null}) => void} options.onEvent
 * @param {(state: {kind: string, attempt: number, nextTryAt: number|null, reason: string}) => void} options.onState
 * @param {() => Record<string, string>} [options.headers] extra headers per attempt (the API key)
 * @param {() => Promise<boolean>} [options.onUnauthorized] 401: resolve true once a key is available
 * @param {string|null} [options.lastEventId] where to resume from
 */
export function openStream({ url, onEvent, onState, headers = () => ({}), onUnauthorized,
  lastEventId = null, fetch = (...args) => globalThis.fetch(...args), clock = realClock, timing = {} }) {
  const { idleMs, hardTimeoutMs, backoffStepsMs } = { ...DEFAULT_TIMING, ...timing };
  const backoff = createBackoff(backoffStepsMs);
  const parser = createSseParser(dispatch, () => {});
  let lastId = lastEventId;
  let closed = false;
  let controller = null; // the running attempt's AbortController
  let abortReason = '';
  let retryTimer = null;
  let idleTimer = null;
  let hardTimer = null;
  let everConnected = false;

  function dispatch(event) {
    if (event.id !== null) lastId = event.id === '' ? null : event.id;
    if (!closed) onEvent(event);
  }

  function report(kind, reason = '', nextTryAt = null) {
    if (!closed || kind === StreamState.Ended) onState({ kind, attempt: backoff.failures, nextTryAt, reason });
  }

  function abortWith(reason) {
    abortReason = reason;
    controller?.abort();
  }

  function armIdleGuard() {
    clock.clearTimeout(idleTimer);
    idleTimer = clock.setTimeout(() => abortWith('idle'), idleMs);
  }

  function stopTimers() {
    clock.clearTimeout(idleTimer);
    clock.clearTimeout(hardTimer);
    clock.clearTimeout(retryTimer);
    idleTimer = hardTimer = retryTimer = null;
  }

  async function attempt() {
    retryTimer = null;
    if (closed) return;
    if (!everConnected && backoff.failures === 0) report(StreamState.Connecting);
    controller = new AbortController();
    abortReason = '';
    parser.reset();
    armIdleGuard(); // a connect that hangs is as dead as a silent stream
    const requestHeaders = { Accept: 'text/event-stream', ...headers() };
    if (lastId !== null) requestHeaders['Last-Event-ID'] = lastId;
    let response;
    try {
      response = await fetch(url, { headers: requestHeaders, cache: 'no-store', signal: controller.signal });
    } catch {
      return failed(abortReason || 'network');
    }
    if (closed) return;
    switch (response.status) {
      case 200: return read(response);
      case 204: return end('no-content');
      case 404: return end('not-found');
      case 401: return unauthorized();
      case 429: case 502: case 503: case 504:
        return failed(`http-${response.status}`, parseRetryAfter(response.headers.get('Retry-After'), clock.now()));
      default:
        // 400 and other client errors do not get better by retrying; 500 might.
        return response.status >= 500 ? failed(`http-${response.status}`) : end(`http-${response.status}`);
    }
  }

  async function read(response) {
    everConnected = true;
    report(StreamState.Live);
    hardTimer = clock.setTimeout(() => abortWith('renew'), hardTimeoutMs);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let delivered = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || closed) break;
        armIdleGuard();
        if (!delivered && value.length > 0) { delivered = true; backoff.reset(); }
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // aborted (idle guard, renewal, close) or the connection broke: both reconnect below
    }
    clock.clearTimeout(hardTimer);
    if (closed) return;
    // A renewal is routine, not a loss: reconnect at once and say nothing (no "Reconnecting" flash,
    // nothing for a screen reader to announce every 12 minutes).
    if (abortReason === 'renew') { retryTimer = clock.setTimeout(attempt, 0); return undefined; }
    return failed(abortReason || 'closed');
  }

  function failed(reason, retryAfterMs = null) {
    if (closed) return;
    clock.clearTimeout(idleTimer);
    const delay = backoff.next(retryAfterMs);
    schedule(delay, reason);
  }

  function schedule(delay, reason) {
    const nextTryAt = clock.now() + delay;
    const atCap = backoff.failures >= backoffStepsMs.length;
    report(atCap ? StreamState.Offline : StreamState.Reconnecting, reason, nextTryAt);
    retryTimer = clock.setTimeout(attempt, delay);
  }

  async function unauthorized() {
    clock.clearTimeout(idleTimer);
    report(StreamState.Offline, 'unauthorized');
    const haveKey = onUnauthorized ? await onUnauthorized() : false;
    if (closed) return;
    if (haveKey) attempt();
    else end('unauthorized');
  }

  function end(reason) {
    stopTimers();
    closed = true;
    report(StreamState.Ended, reason);
  }

  attempt();

  return {
    /** Stops for good (a job's terminal event, leaving the page). */
    close() {
      if (closed) return;
      closed = true;
      stopTimers();
      controller?.abort();
    },
    /** The "Retry now" button: the scheduled attempt happens at once. */
    retryNow() {
      if (closed || retryTimer === null) return;
      clock.clearTimeout(retryTimer);
      attempt();
    },
    get lastEventId() { return lastId; },
  };
}
