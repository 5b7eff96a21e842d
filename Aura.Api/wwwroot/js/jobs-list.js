// The jobs list, drawn from the store: a status filter with counts, newest first, a page at a
// time with "Load older jobs" (GET ?before=). Rows are updated in place and only moved when the
// order really changed, so keyboard focus stays where the person left it.

import { listJobs } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatRelative, statusLabel } from './format.js';
import { topicOf } from './job-state.js';
import { meta } from './meta.js';

const PAGE = 50;

export function createJobsList({ listNode, emptyNode, filterNode, moreButton, store, onSelect, now = () => Date.now() }) {
  const rows = new Map(); // jobId → { row, button, parts }
  let selectedId = null;
  let filter = null; // null = every status
  let shown = PAGE;
  let serverHasMore = false;
  const filterButtons = new Map();

  function buildFilter() {
    const options = [null, ...meta.statuses];
    replaceChildren(filterNode, options.map((status) => {
      const count = el('span', { class: 'filter-count' });
      const button = el('button', { type: 'button', class: 'filter', 'data-status': status ?? 'all',
        'aria-pressed': String(status === filter), onclick: () => setFilter(status) },
      status ? statusLabel(status) : 'All', ' ', count);
      filterButtons.set(status, { button, count });
      return button;
    }));
  }

  function setFilter(status) {
    filter = status;
    shown = PAGE;
    for (const [s, { button }] of filterButtons) button.setAttribute('aria-pressed', String(s === status));
    render();
    loadPage(null); // the first page of this status, in case the stream has not sent them all yet
  }

  function render() {
    const counts = store.counts();
    for (const [status, { count }] of filterButtons) count.textContent = String(status ? counts[status] ?? 0 : counts.all);
    const all = store.list(filter ? [filter] : null);
    const visible = all.slice(0, shown);
    const keep = new Set(visible.map((job) => job.jobId));
    for (const [jobId, entry] of rows) {
      if (!keep.has(jobId)) { entry.row.remove(); rows.delete(jobId); }
    }
    visible.forEach((job, index) => {
      let entry = rows.get(job.jobId);
      if (!entry) { entry = createRow(job.jobId); rows.set(job.jobId, entry); }
      fillRow(entry, job);
      if (listNode.children[index] !== entry.row) listNode.insertBefore(entry.row, listNode.children[index] ?? null);
    });
    emptyNode.hidden = all.length > 0;
    emptyNode.textContent = filter ? `No ${statusLabel(filter).toLowerCase()} jobs.` : 'No jobs yet. Try the quick demo.';
    moreButton.hidden = !(all.length > shown || serverHasMore);
  }

  function createRow(jobId) {
    const parts = {
      topic: el('span', { class: 'job-row-topic' }),
      badge: el('span', { class: 'badge' }),
      stage: el('span', { class: 'job-row-stage' }),
      warn: el('span', { class: 'job-row-warning', title: 'This job has warnings' }, '⚠', el('span', { class: 'visually-hidden' }, ' has warnings')),
      time: el('time', { class: 'job-row-time' }),
      percent: el('span', { class: 'job-row-percent' }),
      bar: el('progress', { class: 'mini-bar', max: '100', 'aria-hidden': 'true' }),
    };
    const button = el('button', { type: 'button', class: 'job-row', 'data-job-id': jobId, onclick: () => onSelect(jobId) },
      parts.topic,
      el('span', { class: 'job-row-meta' }, parts.badge, parts.stage, parts.warn, parts.time, parts.percent),
      parts.bar);
    return { row: el('li', {}, button), button, parts };
  }

  function fillRow({ button, parts }, job) {
    button.setAttribute('data-status', job.status);
    button.setAttribute('aria-current', job.jobId === selectedId ? 'true' : 'false');
    parts.topic.textContent = topicOf(job) || `Job ${job.jobId.slice(0, 8)}`;
    parts.badge.setAttribute('data-status', job.status);
    parts.badge.textContent = statusLabel(job.status);
    parts.stage.textContent = job.status === 'Running' ? job.stage ?? '' : '';
    parts.warn.hidden = !(job.warnings?.length > 0);
    // Quick demos share one topic; the time tells them apart, and the exact time is on hover.
    parts.time.setAttribute('datetime', job.createdAt ?? '');
    parts.time.title = job.createdAt ? new Date(job.createdAt).toLocaleString() : '';
    parts.time.textContent = formatRelative(job.createdAt, now());
    parts.percent.textContent = `${job.percent ?? 0}%`;
    parts.bar.value = job.percent ?? 0;
  }

  async function loadPage(before) {
    try {
      const page = await listJobs({ before, statuses: filter ? [filter] : [], limit: PAGE });
      serverHasMore = page.jobs.length === PAGE;
      page.jobs.forEach((job) => store.upsert(job));
      render();
    } catch (error) {
      console.warn('Could not load jobs', error);
    }
  }

  moreButton.addEventListener('click', async () => {
    const all = store.list(filter ? [filter] : null);
    const oldest = all[Math.min(shown, all.length) - 1];
    shown += PAGE;
    if (all.length < shown && oldest) await loadPage(oldest.createdAt);
    else render();
  });

  buildFilter();
  store.subscribe(render);
  setInterval(render, 30_000); // relative times ("5 min ago") move on
  loadPage(null);

  return {
    select(jobId) {
      selectedId = jobId;
      for (const [id, { button }] of rows) button.setAttribute('aria-current', id === jobId ? 'true' : 'false');
    },
  };
}
