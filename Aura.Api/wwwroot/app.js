// Entry point: wires the create form, the jobs list and the job detail together.
// The selected job lives in the URL (#job=<id>) so a reload or a shared link shows it again.

import { startQuickDemo } from './js/api.js';
import { hideBanner, showProblem } from './js/banner.js';
import { initCreateForm } from './js/create-form.js';
import { byId } from './js/dom.js';
import { createJobDetail } from './js/job-detail.js';
import { createJobsList } from './js/jobs-list.js';

const form = byId('create-form');
const appBanner = byId('app-banner');

const detail = createJobDetail({
  container: byId('job-detail'),
  onJobSeen: (job) => list.upsert(job),
});

const list = createJobsList({
  listNode: byId('job-list'),
  emptyNode: byId('jobs-empty'),
  connectionNode: byId('list-connection'),
  onSelect: (jobId) => selectJob(jobId, list.get(jobId)),
  onStreamUpdate: (job) => detail.offer(job),
});

function selectJob(jobId, knownJob) {
  if (location.hash !== `#job=${encodeURIComponent(jobId)}`) {
    history.pushState(null, '', `#job=${encodeURIComponent(jobId)}`);
  }
  form.hidden = true;
  list.select(jobId);
  detail.show(jobId, knownJob);
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
  list.upsert(job);
  selectJob(job.jobId, job);
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

window.addEventListener('popstate', route);
route();
