// What the detail view shows of one job, derived from the job as REST and `job-update` send it
// (the all-jobs stream carries the whole job, so there is nothing to accumulate). Pure (no DOM).

import { isTerminal, stageNames } from './meta.js';

export function viewOf(job) {
  const failure = job.failure ? { ...job.failure } : null;
  // A failed job's stage is where it failed (the failure says so when the snapshot moved on).
  const stage = failure?.stage ?? job.stage;
  return {
    jobId: job.jobId,
    topic: topicOf(job),
    status: job.status,
    stage,
    percent: job.percent ?? 0,
    message: job.message ?? '',
    etaSeconds: job.etaSeconds ?? null,
    correlationId: job.correlationId ?? '',
    attempt: job.attempt ?? 1,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    steps: stepsFromSnapshot(job.status, stage),
    warnings: (job.warnings ?? []).map((w) => ({ step: w.stage ?? w.step ?? '', message: w.message ?? String(w) })),
    artifacts: new Map((job.artifacts ?? []).map((a) => [a.name, a])),
    failure,
    cancelMessage: job.status === 'Canceled' ? job.message ?? '' : '',
    request: job.request ?? null,
  };
}

/** The brief's topic: REST and job-update carry the request the job was created from. */
export function topicOf(job) {
  return job.request?.brief?.topic ?? job.brief?.topic ?? job.topic ?? '';
}

/** What the snapshot implies for each step: before the current stage done, at it by status. */
export function stepsFromSnapshot(status, stage) {
  const stages = stageNames();
  if (status === 'Succeeded' || stage === 'Complete') return Object.fromEntries(stages.map((s) => [s, 'Succeeded']));
  const steps = Object.fromEntries(stages.map((s) => [s, 'Pending']));
  const index = stages.indexOf(stage);
  if (index < 0) return steps;
  for (let i = 0; i < index; i++) steps[stages[i]] = 'Succeeded';
  steps[stage] = isTerminal(status) ? status : status === 'Queued' ? 'Pending' : 'Running';
  return steps;
}
