import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBackoff, parseRetryAfter } from '../../../Aura.Api/wwwroot/js/backoff.js';

test('the waits are 1, 2, 4, 8 s and then 15 s for as long as it takes', () => {
  const backoff = createBackoff();
  const waits = Array.from({ length: 8 }, () => backoff.next());
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000]);
  assert.equal(backoff.failures, 8);
});

test('a reset starts again at 1 s', () => {
  const backoff = createBackoff();
  backoff.next(); backoff.next(); backoff.next();
  backoff.reset();
  assert.equal(backoff.failures, 0);
  assert.equal(backoff.next(), 1000);
});

test('Retry-After can lengthen a wait but never shorten it', () => {
  const backoff = createBackoff();
  assert.equal(backoff.next(5000), 5000);
  assert.equal(backoff.next(500), 2000);
});

test('Retry-After reads delta-seconds and HTTP dates, and nothing else', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('5', now), 5000);
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30000);
  assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
});
