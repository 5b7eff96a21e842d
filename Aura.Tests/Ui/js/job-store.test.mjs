import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createJobStore } from '../../../Aura.Api/wwwroot/js/job-store.js';

const job = (jobId, version, extra = {}) => ({ jobId, version, status: 'Running', createdAt: '2026-01-01T00:00:00Z', ...extra });

test('a newer version replaces a job, an older one arriving late changes nothing', () => {
  const store = createJobStore();
  const changes = [];
  store.subscribe((c) => changes.push(c.type));
  assert.equal(store.upsert(job('a', 5, { percent: 50 })), true);
  assert.equal(store.upsert(job('a', 3, { percent: 20 })), false);
  assert.equal(store.upsert(job('a', 5, { percent: 20 })), false);
  assert.equal(store.get('a').percent, 50);
  assert.deepEqual(changes, ['upsert']);
});

test('a deleted job stays deleted even when a late answer still carries it', () => {
  const store = createJobStore();
  store.upsert(job('a', 1));
  assert.equal(store.remove('a'), true);
  assert.equal(store.upsert(job('a', 9)), false);
  assert.equal(store.get('a'), undefined);
  assert.equal(store.isDeleted('a'), true);
});

test('jobs are listed newest first, ties by id descending, and filtered by status', () => {
  const store = createJobStore();
  store.upsert(job('b', 1, { createdAt: '2026-01-01T00:00:01Z', status: 'Failed' }));
  store.upsert(job('a', 2, { createdAt: '2026-01-01T00:00:02Z' }));
  store.upsert(job('c', 3, { createdAt: '2026-01-01T00:00:02Z' }));
  assert.deepEqual(store.list().map((j) => j.jobId), ['c', 'a', 'b']);
  assert.deepEqual(store.list(['Failed']).map((j) => j.jobId), ['b']);
});

test('counts per status follow updates and deletions', () => {
  const store = createJobStore();
  store.upsert(job('a', 1));
  store.upsert(job('b', 2));
  store.upsert(job('a', 3, { status: 'Succeeded' }));
  store.remove('b');
  assert.deepEqual(store.counts(), { all: 1, Succeeded: 1 });
});
