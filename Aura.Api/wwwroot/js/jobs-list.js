// The jobs list: one EventSource on /api/jobs/events for every job (the browser allows only
// six connections per origin, so not one per row). Rows are updated in place, never rebuilt,
// so keyboard focus stays where the person left it.

import { allJobEventsUrl, listJobs } from './api.js';
import { el, replaceChildren } from './dom.js';
import { ConnectionState, openEventStream } from './event-stream.js';
import { formatTime, statusLabel } from './format.js';
import { topicOf } from './job-state.js';

const REOPEN_AFTER_MS = 10_000;

export function createJobsList({ listNode, emptyNode, connectionNode, onSelect, onStreamUpdate }) {
  const jobs = new Map(); // jobId → { job, row, button }
  let selectedId = null;
  let receivedAny = false;

  function upsert(job) {
    const known = jobs.get(job.jobId);
    if (known && (known.job.version ?? 0) > (job.version ?? 0)) return; // an older view arrived late
    const entry = known ?? createRow(job);
    entry.job = job;
    fillRow(entry, job);
    if (!known) {
      jobs.set(job.jobId, entry);
      insertNewestFirst(entry);
    }
    emptyNode.hidden = jobs.size > 0;
  }

  function createRow(job) {
    const button = el('button', { type: 'button', class: 'job-row', 'data-job-id': job.jobId,
      onclick: () => onSelect(job.jobId) });
    const row = el('li', {}, button);
    return { job, row, button };
  }

  function fillRow({ button }, job) {
    const topic = topicOf(job) || `Job ${job.jobId.slice(0, 8)}`;
    const percent = job.percent ?? 0;
    button.setAttribute('data-status', job.status);
    button.setAttribute('aria-current', job.jobId === selectedId ? 'true' : 'false');
    replaceChildren(button,
      el('span', { class: 'job-row-topic' }, topic),
      el('span', { class: 'job-row-meta' },
        el('span', { class: 'badge', 'data-status': job.status }, statusLabel(job.status)),
        el('span', { class: 'job-row-stage' }, job.stage ?? ''),
        // Quick demos share one topic; the time tells them apart.
        el('time', { class: 'job-row-time', datetime: job.createdAt }, formatTime(job.createdAt)),
        el('span', { class: 'job-row-percent' }, `${percent}%`)),
      el('span', { class: 'mini-bar', 'aria-hidden': 'true' },
        el('span', { class: 'mini-bar-fill', style: `width:${percent}%` })));
  }

  function insertNewestFirst(entry) {
    const created = Date.parse(entry.job.createdAt ?? '') || Date.now();
    for (const other of listNode.children) {
      const otherJob = jobs.get(other.firstChild?.getAttribute('data-job-id'))?.job;
      const otherCreated = Date.parse(otherJob?.createdAt ?? '') || 0;
      if (otherJob && otherJob.jobId !== entry.job.jobId && otherCreated < created) {
        listNode.insertBefore(entry.row, other);
        return;
      }
    }
    listNode.append(entry.row);
  }

  function select(jobId) {
    selectedId = jobId;
    for (const [id, { button }] of jobs) button.setAttribute('aria-current', id === jobId ? 'true' : 'false');
  }

  async function loadOnce() {
    try {
      const { jobs: list } = await listJobs();
      list.forEach(upsert);
    } catch (error) {
      console.warn('Could not load the jobs list', error);
    }
  }

  function showConnection(state) {
    const labels = {
      [ConnectionState.Connecting]: 'Connecting…',
      [ConnectionState.Live]: 'Live',
      [ConnectionState.Reconnecting]: 'Reconnecting…',
      [ConnectionState.Ended]: 'Offline, retrying soon',
    };
    connectionNode.setAttribute('data-state', state);
    connectionNode.textContent = labels[state] ?? state;
    // The stream did not deliver the first batch: fall back to one plain GET.
    if (!receivedAny && (state === ConnectionState.Reconnecting || state === ConnectionState.Ended)) {
      receivedAny = true;
      loadOnce();
    }
  }

  // EventSource retries network errors itself, but a refused stream (429, 5xx) ends for good:
  // open a new one after a pause so the list does not silently go stale.
  function connect() {
    openEventStream(allJobEventsUrl, {
      'job-update': (job) => { receivedAny = true; upsert(job); onStreamUpdate?.(job); },
    }, (state) => {
      showConnection(state);
      if (state === ConnectionState.Ended) setTimeout(connect, REOPEN_AFTER_MS);
    });
  }
  connect();

  /** The newest copy of a job the list holds, so the detail can draw it before its GET returns. */
  const get = (jobId) => jobs.get(jobId)?.job;

  return { upsert, select, get };
}
