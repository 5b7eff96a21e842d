// Words and numbers as people read them. Pure functions, no DOM.

export const STAGES = ['Script', 'Voice', 'Visuals', 'Compose', 'Rendering'];
export const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);

export const isTerminal = (status) => TERMINAL.has(status);

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
