// The page's one client-side state: every job it knows, fed by the all-jobs stream and by the
// answers of the page's own requests; views subscribe and render from here. Pure (no DOM).
// Versions decide: an older copy arriving late (a slow GET after a newer event) changes nothing,
// and a deleted job stays deleted even if a late answer still carries it.

export function createJobStore() {
  const jobs = new Map();
  const deleted = new Set();
  const listeners = new Set();

  function notify(change) {
    for (const listener of listeners) listener(change);
  }

  return {
    /** A job as REST or `job-update` sends it; returns whether the store changed. */
    upsert(job) {
      if (!job?.jobId || deleted.has(job.jobId)) return false;
      const known = jobs.get(job.jobId);
      if (known && (known.version ?? 0) >= (job.version ?? 0)) return false;
      jobs.set(job.jobId, job);
      notify({ type: 'upsert', jobId: job.jobId, job });
      return true;
    },
    /** A `job-deleted` event or the answer to our own DELETE. */
    remove(jobId) {
      deleted.add(jobId);
      if (!jobs.delete(jobId)) return false;
      notify({ type: 'remove', jobId });
      return true;
    },
    get: (jobId) => jobs.get(jobId),
    isDeleted: (jobId) => deleted.has(jobId),
    get size() { return jobs.size; },
    /** Newest first (by creation, then id descending, as the API lists them), optionally of some statuses. */
    list(statuses = null) {
      return [...jobs.values()]
        .filter((job) => !statuses || statuses.includes(job.status))
        .sort(newestFirst);
    },
    /** How many jobs the store holds per status, and in all. */
    counts() {
      const counts = { all: jobs.size };
      for (const job of jobs.values()) counts[job.status] = (counts[job.status] ?? 0) + 1;
      return counts;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function newestFirst(a, b) {
  const byTime = (Date.parse(b.createdAt ?? '') || 0) - (Date.parse(a.createdAt ?? '') || 0);
  if (byTime !== 0) return byTime;
  return a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0;
}
