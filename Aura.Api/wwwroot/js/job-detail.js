// The selected job, drawn from the store: what the one stream and the page's own requests put
// there. No stream of its own. A GET fills the store when the job is not there yet (a shared
// link opened before the stream's first batch); a deletion, here or elsewhere, is said plainly.

import { ApiError, cancelJob, deleteJob, getJob, retryJob } from './api.js';
import { el, replaceChildren } from './dom.js';
import { buildDetailView } from './detail-view.js';
import { isTerminal, nextEta } from './format.js';
import { viewOf } from './job-state.js';

export function createJobDetail({ container, store, onDeleted, onRetried, now = () => Date.now() }) {
  let current = null; // { jobId, view, eta, version, unsubscribe, ticker }

  function show(jobId) {
    close();
    container.hidden = false;
    const selection = { jobId, eta: null, version: -1 };
    current = selection;
    selection.view = buildDetailView(container, {
      onCancel: () => cancel(selection),
      onDelete: () => remove(selection),
      onRetry: () => retry(selection),
    });
    selection.unsubscribe = store.subscribe((change) => {
      if (change.jobId !== jobId || current !== selection) return;
      if (change.type === 'remove') showGone(selection);
      else render(selection);
    });
    // The clock moves the ETA and the run time between events.
    selection.ticker = setInterval(() => { if (store.get(jobId)) render(selection); }, 1000);
    if (store.get(jobId)) {
      render(selection);
      selection.view.focusTitle();
    }
    getJob(jobId).then((job) => {
      if (current !== selection) return;
      const hadIt = Boolean(store.get(jobId));
      store.upsert(job);
      if (!hadIt) selection.view.focusTitle();
    }).catch((error) => {
      if (current !== selection || store.get(jobId)) return;
      if (error instanceof ApiError && error.status === 404) showGone(selection, store.isDeleted(jobId));
      else showLoadError(error);
    });
  }

  function render(selection) {
    const job = store.get(selection.jobId);
    if (!job) return;
    const t = now();
    if (job.version !== selection.version) {
      selection.version = job.version;
      selection.eta = isTerminal(job.status) ? null : nextEta(selection.eta, job, t);
    }
    selection.view.render(viewOf(job), selection.eta, t);
  }

  async function cancel(selection) {
    selection.view.setBusy('cancel', true, 'Canceling…', 'Cancel');
    try {
      store.upsert(await cancelJob(selection.jobId));
    } catch (error) {
      const status = error instanceof ApiError && error.problem.currentStatus;
      selection.view.showNote(status ? `The job could not be canceled: it is already ${status}.`
        : `The job could not be canceled: ${error.message}`);
    } finally {
      selection.view.setBusy('cancel', false, 'Canceling…', 'Cancel');
    }
  }

  async function remove(selection) {
    const job = store.get(selection.jobId);
    const name = job?.request?.brief?.topic ?? 'this job';
    // eslint-disable-next-line no-alert -- the platform's confirm is accessible and needs no markup
    if (!confirm(`Delete “${name}” and its files? This cannot be undone.`)) return;
    selection.view.setBusy('remove', true, 'Deleting…', 'Delete');
    try {
      await deleteJob(selection.jobId);
      store.remove(selection.jobId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) { store.remove(selection.jobId); return; }
      selection.view.showNote(`The job could not be deleted: ${error.message}`);
      selection.view.setBusy('remove', false, 'Deleting…', 'Delete');
    }
  }

  async function retry(selection) {
    const job = store.get(selection.jobId);
    if (!job?.request) return;
    selection.view.setBusy('retry', true, 'Starting…', 'Run again');
    try {
      const fresh = await retryJob(job);
      store.upsert(fresh);
      onRetried(fresh.jobId);
    } catch (error) {
      selection.view.showNote(`The job could not be started again: ${error.message}${error.remediation ? ` ${error.remediation}` : ''}`);
      selection.view.setBusy('retry', false, 'Starting…', 'Run again');
    }
  }

  function showGone(selection, deleted = true) {
    const jobId = selection.jobId;
    close();
    container.hidden = false;
    replaceChildren(container, el('div', { class: 'panel panel-canceled', id: 'detail-gone' },
      el('h2', { tabindex: '-1', id: 'gone-heading' }, deleted ? 'This job was deleted' : 'No such job'),
      el('p', {}, deleted ? 'It and its files are gone.' : `There is no job ${jobId}.`)));
    container.querySelector('#gone-heading').focus();
    onDeleted(jobId);
  }

  function showLoadError(error) {
    replaceChildren(container, el('div', { class: 'panel panel-failure', id: 'detail-error' },
      el('h2', {}, 'The job could not be loaded'),
      el('p', {}, error.message),
      error.remediation ? el('p', {}, error.remediation) : null));
  }

  function close() {
    if (!current) return;
    current.unsubscribe?.();
    clearInterval(current.ticker);
    current = null;
  }

  return { show, close, get jobId() { return current?.jobId ?? null; } };
}
