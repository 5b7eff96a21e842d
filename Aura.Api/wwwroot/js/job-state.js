// The detail view's model of one job, built from the REST job and advanced by SSE events.
// Pure (no DOM): the same rules whether the state came from GET or from the stream, and
// tolerant of repeats and of a late GET (percent never goes down, a terminal status is final).

import { STAGES, isTerminal } from './format.js';

export function stateFromJob(job) {
  const state = {
    jobId: job.jobId,
    topic: topicOf(job),
    status: job.status,
    stage: job.stage,
    percent: job.percent ?? 0,
    message: job.message ?? '',
    etaSeconds: job.etaSeconds ?? null,
    correlationId: job.correlationId ?? '',
    steps: stepsFromSnapshot(job.status, job.stage),
    warnings: [],
    artifacts: new Map(),
    failure: null,
    cancelMessage: '',
  };
  for (const warning of job.warnings ?? []) addWarning(state, warning);
  for (const artifact of job.artifacts ?? []) state.artifacts.set(artifact.name, artifact);
  if (job.failure) state.failure = { ...job.failure };
  if (job.status === 'Canceled') state.cancelMessage = job.message ?? '';
  return state;
}

/** A job as REST or job-update sends it; the contract does not name the brief's place, so look in the likely ones. */
export function topicOf(job) {
  return job.brief?.topic ?? job.request?.brief?.topic ?? job.topic ?? '';
}

/** Merges a newer REST/job-update view of the job into a state that may already hold stream events. */
export function mergeJob(state, job) {
  const fresh = stateFromJob(job);
  if (isTerminal(state.status) && !isTerminal(fresh.status)) return state;
  state.topic ||= fresh.topic;
  setStatus(state, fresh.status, fresh.stage);
  raisePercent(state, fresh.percent);
  if (fresh.message) state.message = fresh.message;
  state.etaSeconds = fresh.etaSeconds;
  state.correlationId ||= fresh.correlationId;
  fresh.warnings.forEach((w) => addWarning(state, w));
  fresh.artifacts.forEach((a, name) => state.artifacts.set(name, a));
  state.failure ??= fresh.failure;
  state.cancelMessage ||= fresh.cancelMessage;
  for (const stage of STAGES) state.steps[stage] = strongerStep(state.steps[stage], fresh.steps[stage]);
  return state;
}

const PROGRESS_EVENTS = new Set(['job-status', 'step-status', 'step-progress']);

/** Applies one SSE event by its contract name. Unknown events are ignored (forward compatible). */
export function applyEvent(state, name, data) {
  if (data.correlationId) state.correlationId = data.correlationId;
  // Nothing leaves a terminal status: a progress event arriving after the end is an old one.
  if (isTerminal(state.status) && PROGRESS_EVENTS.has(name)) return state;
  switch (name) {
    case 'job-status':
      setStatus(state, data.status, data.stage);
      raisePercent(state, data.percent);
      break;
    case 'step-status':
      applyStepStatus(state, data.step, data.status);
      break;
    case 'step-progress':
      raisePercent(state, data.progressPct);
      state.message = data.message ?? state.message;
      state.etaSeconds = data.etaSeconds ?? null;
      break;
    case 'warning':
      addWarning(state, data);
      break;
    case 'artifact-written':
      if (data.artifact?.name) state.artifacts.set(data.artifact.name, data.artifact);
      break;
    case 'job-completed':
      for (const artifact of data.artifacts ?? []) state.artifacts.set(artifact.name, artifact);
      state.output = data.output ?? null;
      setStatus(state, 'Succeeded', 'Complete');
      raisePercent(state, 100);
      state.etaSeconds = null;
      break;
    case 'job-failed': {
      const first = data.errors?.[0] ?? {};
      state.failure = { ...first, stage: data.stage, stderrSnippet: data.stderrSnippet, logPath: data.logPath };
      setStatus(state, 'Failed', data.stage ?? state.stage);
      state.etaSeconds = null;
      break;
    }
    case 'job-cancelled':
      state.cancelMessage = data.message ?? 'Canceled';
      setStatus(state, 'Canceled', data.stage ?? state.stage);
      state.etaSeconds = null;
      break;
  }
  return state;
}

function setStatus(state, status, stage) {
  if (!status || (isTerminal(state.status) && status !== state.status)) return;
  state.status = status;
  if (stage) state.stage = stage;
  const implied = stepsFromSnapshot(state.status, state.stage);
  for (const s of STAGES) state.steps[s] = strongerStep(state.steps[s], implied[s]);
}

function applyStepStatus(state, step, status) {
  const index = STAGES.indexOf(step);
  if (index < 0) return; // Queued and Complete are not steps of the stepper
  // The contract never skips a stage; should an event be lost anyway, earlier steps are done.
  for (let i = 0; i < index; i++) state.steps[STAGES[i]] = strongerStep(state.steps[STAGES[i]], 'Succeeded');
  state.steps[step] = strongerStep(state.steps[step], status);
  if (!isTerminal(state.status)) state.stage = step;
}

function raisePercent(state, percent) {
  if (typeof percent === 'number') state.percent = Math.min(100, Math.max(state.percent, percent));
}

function addWarning(state, warning) {
  const message = typeof warning === 'string' ? warning : warning?.message;
  if (!message) return;
  const step = warning.step ?? warning.stage ?? '';
  if (!state.warnings.some((w) => w.message === message && w.step === step)) state.warnings.push({ step, message });
}

/** What the REST snapshot implies for each step: before the current stage done, at it by status. */
export function stepsFromSnapshot(status, stage) {
  const steps = Object.fromEntries(STAGES.map((s) => [s, 'Pending']));
  if (status === 'Succeeded' || stage === 'Complete') return Object.fromEntries(STAGES.map((s) => [s, 'Succeeded']));
  const index = STAGES.indexOf(stage);
  if (index < 0) return steps;
  for (let i = 0; i < index; i++) steps[STAGES[i]] = 'Succeeded';
  steps[stage] = status === 'Failed' || status === 'Canceled' ? status : 'Running';
  return steps;
}

// A step only moves forward: Pending < Running < Succeeded/Failed/Canceled.
const RANK = { Pending: 0, Queued: 0, Running: 1, Succeeded: 2, Failed: 2, Canceled: 2 };
function strongerStep(current, next) {
  return (RANK[next] ?? 0) > (RANK[current] ?? 0) ? next : current;
}
