// A clock the tests move by hand: timers fire only inside advance(), in time order, with the
// promise jobs they start settled in between (the stream client awaits between steps).
export function createFakeClock(start = 0) {
  let now = start;
  let nextHandle = 1;
  const timers = new Map();
  const settle = async () => { for (let i = 0; i < 20; i++) await Promise.resolve(); };
  return {
    now: () => now,
    setTimeout(fn, ms) { const handle = nextHandle++; timers.set(handle, { at: now + Math.max(0, ms), fn }); return handle; },
    clearTimeout(handle) { timers.delete(handle); },
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await settle();
      }
      now = until;
      await settle();
    },
    settle,
  };
}

/** A fetch whose answers the test scripts: each call takes the next handler, which gets (url, init). */
export function createScriptedFetch() {
  const calls = [];
  const script = [];
  const fetch = (url, init) => {
    const handler = script.shift() ?? refuse;
    calls.push({ url, headers: { ...init.headers }, signal: init.signal });
    return handler(url, init);
  };
  return { fetch, calls, then: (...handlers) => script.push(...handlers) };
}

export const refuse = () => Promise.reject(new TypeError('connection refused'));

export const status = (code, headers = {}) => () => Promise.resolve(new Response(null, { status: code, headers }));

/** A 200 stream the test writes to; aborting the request errors the body, as browsers do. */
export function openBody() {
  const encoder = new TextEncoder();
  let controller;
  const body = new ReadableStream({ start(c) { controller = c; } });
  const handler = (url, init) => {
    init.signal.addEventListener('abort', () => { try { controller.error(new DOMException('aborted', 'AbortError')); } catch { /* closed */ } });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
  };
  return {
    handler,
    write(text) { controller.enqueue(encoder.encode(text)); },
    end() { controller.close(); },
  };
}
