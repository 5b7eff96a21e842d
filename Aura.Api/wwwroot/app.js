// Entry point: loads the service's rules (/api/meta), opens the page's one stream into the
// store, and wires the form, the list and the detail to it. The selected job lives in the URL
// (#job=<id>) so a reload or a shared link shows it again.

import { getMeta, startQuickDemo } from './js/api.js';
import { hideBanner, showProblem } from './js/banner.js';
import { createConnectionView } from './js/connection-view.js';
import { initCreateForm } from './js/create-form.js';
import { byId } from './js/dom.js';
import { checkHealth } from './js/health-banner.js';
import { createJobDetail } from './js/job-detail.js';
import { createJobStore } from './js/job-store.js';
import { createJobsList } from './js/jobs-list.js';
import { startLiveFeed } from './js/live-feed.js';
import { applyMeta } from './js/meta.js';

const form = byId('create-form');
const appBanner = byId('app-banner');
const store = createJobStore();

async function loadMeta() {
  for (;;) {
    try {
      applyMeta(await getMeta());
      return;
    } catch (error) {
      showProblem(appBanner, error);
      await new Promise((resolve) => { setTimeout(resolve, 5000); });
    }
  }
}

await loadMeta();
hideBanner(appBanner);
checkHealth(byId('health-banner'));

let feed = null;
const connection = createConnectionView(byId('list-connection'), { onRetryNow: () => feed?.retryNow() });
feed = startLiveFeed(store, (state) => connection.show(state));
// Back online or back to the tab: do not wait out the backoff.
window.addEventListener('online', () => feed.retryNow());
document.addEventListener('visibilitychange', () => { if (!document.hidden) feed.retryNow(); });

const detail = createJobDetail({
  container: byId('job-detail'),
  store,
  onDeleted: () => { list.select(null); },
  onRetried: (jobId) => selectJob(jobId),
});

const list = createJobsList({
  listNode: byId('job-list'),
  emptyNode: byId('jobs-empty'),
  filterNode: byId('status-filter'),
  moreButton: byId('load-more'),
  store,
  onSelect: (jobId) => selectJob(jobId),
});

function selectJob(jobId) {
  if (location.hash !== `#job=${encodeURIComponent(jobId)}`) {
    history.pushState(null, '', `#job=${encodeURIComponent(jobId)}`);
  }
  form.hidden = true;
  list.select(jobId);
  detail.show(jobId);
}

function showCreateForm() {
  detail.close();
  byId('job-detail').hidden = true;
  form.hidden = false;
  list.select(null);
  if (location.hash) history.pushState(null, '', location.pathname);
  byId('topic').focus();
}

function jobIdFromHash() {
  const match = /^#job=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function route() {
  const jobId = jobIdFromHash();
  if (jobId) selectJob(jobId);
  else showCreateForm();
}

function onJobCreated(job) {
  hideBanner(appBanner);
  store.upsert(job);
  selectJob(job.jobId);
}

initCreateForm({ onCreated: onJobCreated });

byId('new-job').addEventListener('click', showCreateForm);

const quickDemo = byId('quick-demo');
quickDemo.addEventListener('click', async () => {
  quickDemo.disabled = true;
  try {
    onJobCreated(await startQuickDemo());
  } catch (error) {
    showProblem(appBanner, error);
  } finally {
    quickDemo.disabled = false;
  }
});

// The skip link moves focus past the jobs list (which can be long) without touching the URL,
// which holds the selected job.
byId('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  byId('pane').focus();
});

window.addEventListener('popstate', route);
route();
