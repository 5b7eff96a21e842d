// The selected job: its state from GET at once (nothing blank while the stream connects),
// then one EventSource on /api/jobs/{id}/events, closed when another job is selected or
// when the job ends.

import { ApiError, cancelJob, getJob, jobEventsUrl } from './api.js';
import { el, replaceChildren } from './dom.js';
import { buildDetailView } from './detail-view.js';
import { ConnectionState, openEventStream } from './event-stream.js';
import { isTerminal } from './format.js';
import { applyEvent, mergeJob, stateFromJob } from './job-state.js';

const EVENT_NAMES = ['job-status', 'step-status', 'step-progress', 'warning', 'artifact-written',
  'job-completed', 'job-failed', 'job-cancelled'];

const REOPEN_AFTER_MS = 5_000;

export function createJobDetail({ container, onJobSeen }) {
  let current = null; // { jobId, state, view, stream }

  async function show(jobId, knownJob) {
    close();
    container.hidden = false;
    const selection = { jobId, state: null, stream: null };
    current = selection;
    selection.view = buildDetailView(container, { onCancel: () => cancel(selection) });
    if (knownJob) update(selection, knownJob);
    // A job already known to be over gets no stream; do not promise one while its GET runs.
    selection.view.setConnection(selection.state && isTerminal(selection.state.status) ? 'finished' : ConnectionState.Connecting);

    try {
      update(selection, await getJob(jobId));
    } catch (error) {
      if (current === selection) showLoadError(error);
      return;
    }
    if (current !== selection) return;
    selection.view.focusTitle();
    if (isTerminal(selection.state.status)) selection.view.setConnection('finished');
    else connect(selection);
  }

  function update(selection, job) {
    if (current !== selection) return;
    selection.state = selection.state ? mergeJob(selection.state, job) : stateFromJob(job);
    selection.view.render(selection.state);
    onJobSeen(job);
  }

  function connect(selection) {
    const handlers = Object.fromEntries(EVENT_NAMES.map((name) => [name, (data) => {
      applyEvent(selection.state, name, data);
      selection.view.render(selection.state);
      if (isTerminal(selection.state.status)) finish(selection);
    }]));
    selection.stream = openEventStream(jobEventsUrl(selection.jobId), handlers,
      (state) => onConnectionState(selection, state),
      (problem) => selection.view.showStreamNote(
        `The event stream reported a problem: ${problem.message ?? 'unknown'}${problem.code ? ` (${problem.code})` : ''}. Reconnecting…`));
  }

  function onConnectionState(selection, state) {
    if (current !== selection) return;
    selection.view.setConnection(state);
    if (state === ConnectionState.Live) selection.view.showStreamNote('');
    // Closed without a terminal event (204 after a reconnect, a refused stream such as 429, or
    // the job vanished): ask once for the state and keep showing it; if the job still runs,
    // try a new stream after a pause.
    if (state === ConnectionState.Ended && !isTerminal(selection.state.status)) {
      const stillWanted = () => current === selection && !isTerminal(selection.state.status);
      getJob(selection.jobId).then((job) => update(selection, job)).catch(() => {}).finally(() => {
        if (stillWanted()) setTimeout(() => { if (stillWanted()) connect(selection); }, REOPEN_AFTER_MS);
      });
    }
  }

  function finish(selection) {
    selection.stream?.close();
    selection.stream = null;
    selection.view.setConnection('finished');
  }

  async function cancel(selection) {
    selection.view.setCancelBusy(true);
    try {
      update(selection, await cancelJob(selection.jobId));
    } catch (error) {
      const status = error instanceof ApiError && error.problem.currentStatus;
      selection.view.showStreamNote(status ? `The job could not be canceled: it is already ${status}.`
        : `The job could not be canceled: ${error.message}`);
    } finally {
      selection.view.setCancelBusy(false);
    }
  }

  function showLoadError(error) {
    const notFound = error instanceof ApiError && error.status === 404;
    replaceChildren(container, el('div', { class: 'panel panel-failure', id: 'detail-error' },
      el('h2', {}, notFound ? 'No such job' : 'The job could not be loaded'),
      el('p', {}, error.message),
      error.remediation ? el('p', {}, error.remediation) : null));
  }

  function close() {
    current?.stream?.close();
    current = null;
  }

  /** A job-update from the list's stream: keeps the detail right even while its own stream reconnects. */
  function offer(job) {
    if (current?.state && current.jobId === job.jobId) {
      mergeJob(current.state, job);
      current.view.render(current.state);
      if (isTerminal(current.state.status) && current.stream) finish(current);
    }
  }

  return { show, close, offer };
}
