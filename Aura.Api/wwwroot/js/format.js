// Words and numbers as people read them. Pure functions, no DOM; the clock is a parameter.

export { isTerminal } from './meta.js';

/** Status as text, never colour alone: the CSS colours `data-status`, this gives the word. */
export function statusLabel(status) {
  switch (status) {
    case 'Queued': return 'Queued';
    case 'Running': return 'Running';
    case 'Succeeded': return 'Done';
    case 'Failed': return 'Failed';
    case 'Canceled': return 'Canceled';
    default: return status ?? 'Unknown';
  }
}

export function formatEta(seconds) {
  if (seconds === null || seconds === undefined || seconds < 0) return '';
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return `about ${minutes} min ${rest} s left`;
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

/** "00:00:30" for the contract's TimeSpan fields, from whole seconds. */
export function secondsToTimeSpan(totalSeconds) {
  const s = Math.round(totalSeconds);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * An ETA that does not climb between progress ticks. The server estimates from the rate so far,
 * so while the percent stands still its estimate grows; people read that as going backwards.
 * A sooner estimate is believed at once; a later one only when the percent moved, and then only
 * a quarter of the way (a real slowdown shows within a few ticks). `previous` and the result are
 * { percent, deadlineMs }, or null when there is no estimate.
 */
export function nextEta(previous, { etaSeconds, percent }, nowMs) {
  if (etaSeconds === null || etaSeconds === undefined) return null;
  const candidate = nowMs + etaSeconds * 1000;
  if (!previous || candidate <= previous.deadlineMs) return { percent, deadlineMs: candidate };
  if (percent <= previous.percent) return previous;
  return { percent, deadlineMs: previous.deadlineMs + (candidate - previous.deadlineMs) / 4 };
}

export function etaSecondsLeft(eta, nowMs) {
  return eta ? Math.max(0, Math.round((eta.deadlineMs - nowMs) / 1000)) : null;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function formatRelative(iso, nowMs) {
  const time = Date.parse(iso ?? '');
  if (Number.isNaN(time)) return '';
  const seconds = Math.max(0, (nowMs - time) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  const days = Math.round(seconds / 86_400);
  if (days < 7) return days === 1 ? '1 day ago' : `${days} days ago`;
  return new Date(time).toLocaleDateString();
}

/** A duration as people say it: "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms) || ms < 0) return '';
  const total = Math.floor(ms / 1000);
  const pad = (n) => String(n).padStart(2, '0');
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${pad(total % 60)} s`;
  return `${Math.floor(total / 3600)} h ${pad(Math.floor((total % 3600) / 60))} min`;
}

/** How long a job has run (or ran): from its start to its end, or to now while it runs. */
export function runTimeMs(job, nowMs) {
  const started = Date.parse(job.startedAt ?? '');
  if (Number.isNaN(started)) return null;
  const ended = Date.parse(job.completedAt ?? '');
  return (Number.isNaN(ended) ? nowMs : ended) - started;
}
