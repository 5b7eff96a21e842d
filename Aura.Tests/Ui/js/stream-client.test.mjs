import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStream, StreamState } from '../../../Aura.Api/wwwroot/js/stream-client.js';
import { createFakeClock, createScriptedFetch, openBody, refuse, status } from './fake-clock.mjs';

function start(options = {}) {
  const clock = createFakeClock(0);
  const server = createScriptedFetch();
  const events = [];
  const states = [];
  const stream = openStream({ url: '/api/jobs/events', clock, fetch: server.fetch,
    onEvent: (e) => events.push(e), onState: (s) => states.push({ ...s, at: clock.now() }), ...options });
  return { clock, server, events, states, stream };
}

test('failed attempts are spaced 1, 2, 4, 8, 15, 15 s apart and the attempt count rises', async () => {
  const clock = createFakeClock(0);
  const server = createScriptedFetch();
  const states = [];
  openStream({ url: '/e', clock, fetch: server.fetch, onEvent() {}, onState: (s) => states.push(s) });
  await clock.advance(60_000);
  const scheduled = states.filter((s) => s.nextTryAt !== null);
  const gaps = scheduled.map((s, i) => s.nextTryAt - (i === 0 ? 0 : scheduled[i - 1].nextTryAt));
  assert.deepEqual(gaps.slice(0, 6), [1000, 2000, 4000, 8000, 15000, 15000]);
  assert.deepEqual(scheduled.slice(0, 6).map((s) => s.attempt), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(scheduled.slice(0, 6).map((s) => s.kind),
    ['reconnecting', 'reconnecting', 'reconnecting', 'reconnecting', 'offline', 'offline']);
  assert.ok(server.calls.length >= 7);
});

test('a reconnect sends Last-Event-ID, the API key, and resumes after the last event seen', async () => {
  const first = openBody();
  const { clock, server, events } = start({ headers: () => ({ Authorization: 'Bearer k1' }) });
  server.then(first.handler);
  // the first attempt already ran with an empty script: it was refused; the second gets the body
  await clock.advance(1000);
  first.write('event: job-update\nid: 41\ndata: {}\n\nevent: job-update\nid: 42\ndata: {}\n\n');
  await clock.settle();
  first.end();
  await clock.advance(1000);
  const last = server.calls.at(-1);
  assert.equal(events.length, 2);
  assert.equal(last.headers['Last-Event-ID'], '42');
  assert.equal(last.headers.Authorization, 'Bearer k1');
  assert.equal(server.calls[0].headers['Last-Event-ID'], undefined);
});

test('a connection that delivered data resets the backoff', async () => {
  const { clock, server, states } = start();
  server.then(refuse, refuse, refuse); // attempts 2-4 fail too: waits 1, 2, 4 s
  await clock.advance(7000);
  const body = openBody();
  server.then(body.handler);
  await clock.advance(8000); // attempt 5 connects
  body.write(': keep-alive\n\n');
  await clock.settle();
  body.end();
  await clock.settle();
  const afterDrop = states.at(-1);
  assert.equal(afterDrop.kind, StreamState.Reconnecting);
  assert.equal(afterDrop.nextTryAt - clock.now(), 1000);
});

test('the idle guard reconnects after 25 s without a byte, keep-alive comments keep it quiet', async () => {
  const body = openBody();
  const { clock, server, states } = start();
  server.then(() => Promise.reject(new TypeError('x'))); // keep the script shape simple: attempt 1 is refused
  server.calls.length = 0;
  const second = openBody();
  server.then(second.handler);
  await clock.advance(1000 + 2000); // attempts 2 (refused) and 3 (streams)
  void body;
  assert.equal(states.at(-1).kind, StreamState.Live);
  for (let i = 0; i < 4; i++) { await clock.advance(20_000); second.write(':\n'); }
  assert.equal(states.at(-1).kind, StreamState.Live, 'comments every 20 s keep the connection');
  const callsBefore = server.calls.length;
  await clock.advance(25_000);
  assert.equal(states.at(-1).reason, 'idle');
  await clock.advance(1000);
  assert.equal(server.calls.length, callsBefore + 1);
});

test('the hard timeout renews a busy connection at once and quietly, resuming from the last id', async () => {
  const body = openBody();
  const renewed = openBody();
  const { clock, server, states } = start();
  server.then(body.handler, renewed.handler);
  await clock.advance(1000);
  for (let tick = 0; tick < 36; tick++) { // an event every 20 s: never idle, still renewed
    body.write(`id: ${tick}\ndata: {}\n\n`);
    await clock.advance(20_000);
  }
  await clock.advance(1);
  assert.equal(server.calls.length, 3, 'refused, streamed for 12 min, renewed');
  assert.equal(server.calls.at(-1).headers['Last-Event-ID'], '35');
  const afterConnect = states.slice(states.findIndex((s) => s.kind === StreamState.Live));
  assert.ok(afterConnect.every((s) => s.kind === StreamState.Live), 'no Reconnecting state for a renewal');
});

test('429 and 503 wait for Retry-After when it is longer than the backoff', async () => {
  const { clock, server, states } = start();
  server.then(status(429, { 'Retry-After': '9' }));
  await clock.advance(1000);
  const wait = states.at(-1);
  assert.equal(wait.reason, 'http-429');
  assert.equal(wait.nextTryAt - wait.at, 9000);
});

test('204 and 404 end the stream for good', async () => {
  for (const [code, reason] of [[204, 'no-content'], [404, 'not-found']]) {
    const clock = createFakeClock(0);
    const server = createScriptedFetch();
    server.then(status(code));
    const states = [];
    openStream({ url: '/e', clock, fetch: server.fetch, onEvent() {}, onState: (s) => states.push(s) });
    await clock.advance(120_000);
    assert.deepEqual(states.map((s) => s.kind), ['connecting', 'ended']);
    assert.equal(states.at(-1).reason, reason);
    assert.equal(server.calls.length, 1);
  }
});

test('401 asks for a key and retries at once with it; no key ends the stream', async () => {
  let key = null;
  const clock = createFakeClock(0);
  const server = createScriptedFetch();
  server.then(status(401), openBody().handler);
  const states = [];
  openStream({ url: '/e', clock, fetch: server.fetch, onEvent() {}, onState: (s) => states.push(s),
    headers: () => (key ? { Authorization: `Bearer ${key}` } : {}),
    onUnauthorized: async () => { key = 'secret'; return true; } });
  await clock.settle();
  await clock.settle();
  assert.deepEqual(states.map((s) => s.kind), ['connecting', 'offline', 'connecting', 'live']);
  assert.equal(server.calls[1].headers.Authorization, 'Bearer secret');
});

test('retry now skips the wait, and close stops everything', async () => {
  const { clock, server, stream, states } = start();
  server.then(refuse, refuse);
  await clock.advance(1000);
  assert.equal(server.calls.length, 2);
  stream.retryNow();
  await clock.settle();
  assert.equal(server.calls.length, 3);
  stream.close();
  const count = states.length;
  await clock.advance(120_000);
  assert.equal(server.calls.length, 3);
  assert.equal(states.length, count);
});
