import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etaSecondsLeft, formatDuration, formatEta, formatRelative, nextEta, runTimeMs } from '../../../Aura.Api/wwwroot/js/format.js';

test('the ETA never climbs while the percent stands still', () => {
  // The report's case: 8 s, then 11 s, then 13 s at a steady 87 %.
  let eta = nextEta(null, { etaSeconds: 8, percent: 87 }, 0);
  const shown = [etaSecondsLeft(eta, 0)];
  eta = nextEta(eta, { etaSeconds: 11, percent: 87 }, 1000);
  shown.push(etaSecondsLeft(eta, 1000));
  eta = nextEta(eta, { etaSeconds: 13, percent: 87 }, 2000);
  shown.push(etaSecondsLeft(eta, 2000));
  assert.deepEqual(shown, [8, 7, 6]);
});

test('a sooner estimate is believed at once, a later one after progress only part of the way', () => {
  let eta = nextEta(null, { etaSeconds: 20, percent: 50 }, 0);
  eta = nextEta(eta, { etaSeconds: 5, percent: 55 }, 1000);
  assert.equal(etaSecondsLeft(eta, 1000), 5);
  eta = nextEta(eta, { etaSeconds: 25, percent: 60 }, 2000);
  const left = etaSecondsLeft(eta, 2000);
  assert.ok(left > 4 && left < 25, `moved part of the way, got ${left}`);
  assert.equal(nextEta(eta, { etaSeconds: null, percent: 61 }, 3000), null);
});

test('ETAs, durations and relative times read as people say them', () => {
  assert.equal(formatEta(0), 'almost done');
  assert.equal(formatEta(42), 'about 42 s left');
  assert.equal(formatEta(125), 'about 2 min 5 s left');
  assert.equal(formatDuration(45_000), '45 s');
  assert.equal(formatDuration(185_000), '3 min 05 s');
  assert.equal(formatDuration(3_720_000), '1 h 02 min');
  const now = Date.parse('2026-01-02T12:00:00Z');
  assert.equal(formatRelative('2026-01-02T11:59:40Z', now), 'just now');
  assert.equal(formatRelative('2026-01-02T11:55:00Z', now), '5 min ago');
  assert.equal(formatRelative('2026-01-02T09:00:00Z', now), '3 h ago');
  assert.equal(formatRelative('2026-01-01T12:00:00Z', now), '1 day ago');
  assert.equal(formatRelative('not a time', now), '');
});

test('run time goes from start to end, or to now while running', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  assert.equal(runTimeMs({ startedAt: '2026-01-01T00:00:00Z' }, now), 60_000);
  assert.equal(runTimeMs({ startedAt: '2026-01-01T00:00:00Z', completedAt: '2026-01-01T00:00:10Z' }, now), 10_000);
  assert.equal(runTimeMs({}, now), null);
});
