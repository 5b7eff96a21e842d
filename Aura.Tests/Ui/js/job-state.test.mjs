import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMeta } from '../../../Aura.Api/wwwroot/js/meta.js';
import { stepsFromSnapshot, viewOf } from '../../../Aura.Api/wwwroot/js/job-state.js';

// What GET /api/meta answers (the stages come from the server, not from the page).
applyMeta({
  stages: ['Script', 'Voice', 'Visuals', 'Compose', 'Rendering'].map((name) => ({ name })),
  statuses: ['Queued', 'Running', 'Succeeded', 'Failed', 'Canceled'],
  terminalStatuses: ['Succeeded', 'Failed', 'Canceled'],
});

test('a running job has the steps before its stage done and its stage running', () => {
  assert.deepEqual(stepsFromSnapshot('Running', 'Visuals'),
    { Script: 'Succeeded', Voice: 'Succeeded', Visuals: 'Running', Compose: 'Pending', Rendering: 'Pending' });
});

test('a failed job shows the step it failed in, from its failure', () => {
  const view = viewOf({ jobId: 'j', status: 'Failed', stage: 'Rendering', version: 3,
    failure: { code: 'E304-FFMPEG-FAILED', stage: 'Compose', message: 'x' }, request: { brief: { topic: 'T' } } });
  assert.equal(view.steps.Compose, 'Failed');
  assert.equal(view.steps.Rendering, 'Pending');
  assert.equal(view.topic, 'T');
});

test('a succeeded job has every step done, and a queued one none started', () => {
  assert.ok(Object.values(stepsFromSnapshot('Succeeded', 'Complete')).every((s) => s === 'Succeeded'));
  assert.ok(Object.values(stepsFromSnapshot('Queued', 'Queued')).every((s) => s === 'Pending'));
});
