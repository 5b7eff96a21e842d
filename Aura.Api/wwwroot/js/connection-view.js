// The connection indicator: Live; Reconnecting (attempt n, next try in s, "Retry now");
// Offline. The visible text counts down every second, but screen readers hear only a change of
// state (a separate polite live region written on change only), never the countdown.

import { el, replaceChildren } from './dom.js';
import { StreamState } from './stream-client.js';

export function createConnectionView(container, { onRetryNow, now = () => Date.now() }) {
  const dot = el('span', { class: 'connection-dot', 'aria-hidden': 'true' });
  const text = el('span', { class: 'connection-text', id: 'connection-text' });
  const retry = el('button', { type: 'button', class: 'link-button', id: 'retry-now', hidden: true,
    onclick: () => onRetryNow() }, 'Retry now');
  const announcer = el('span', { class: 'visually-hidden', id: 'connection-announcer', role: 'status', 'aria-live': 'polite' });
  replaceChildren(container, dot, text, ' ', retry, announcer);

  let state = null;
  let announced = '';
  let ticker = null;

  function draw() {
    const { kind, attempt, nextTryAt, reason } = state;
    container.setAttribute('data-state', kind);
    container.setAttribute('data-attempt', String(attempt));
    const seconds = nextTryAt === null ? null : Math.max(0, Math.ceil((nextTryAt - now()) / 1000));
    const waiting = seconds !== null && seconds > 0;
    text.textContent = labelOf(kind, attempt, waiting ? seconds : null, reason);
    retry.hidden = !(waiting && (kind === StreamState.Reconnecting || kind === StreamState.Offline));
  }

  return {
    show(next) {
      state = next;
      draw();
      clearInterval(ticker);
      if (next.nextTryAt !== null) ticker = setInterval(draw, 1000);
      // Announce the kind of state only, once per change (not every attempt, not every second).
      const summary = announcementOf(next.kind, next.reason);
      if (summary !== announced) { announced = summary; announcer.textContent = summary; }
    },
  };
}

export function labelOf(kind, attempt, secondsLeft, reason) {
  switch (kind) {
    case StreamState.Connecting: return 'Connecting…';
    case StreamState.Live: return 'Live';
    case StreamState.Reconnecting:
    case StreamState.Offline: {
      if (reason === 'unauthorized') return 'Offline: an API key is needed';
      const head = kind === StreamState.Offline ? 'Offline' : 'Reconnecting';
      const tail = secondsLeft === null ? ', trying now…' : `, next try in ${secondsLeft} s`;
      return `${head} (attempt ${attempt}${tail})`;
    }
    case StreamState.Ended: return reason === 'unauthorized' ? 'Offline: no API key given' : 'Not following updates';
    default: return kind;
  }
}

export function announcementOf(kind, reason) {
  switch (kind) {
    case StreamState.Live: return 'Live: updates arrive as they happen.';
    case StreamState.Reconnecting: return 'Connection lost. Reconnecting.';
    case StreamState.Offline: return reason === 'unauthorized' ? 'Offline: an API key is needed.' : 'Offline. Still trying to reconnect.';
    case StreamState.Ended: return 'Updates stopped.';
    default: return '';
  }
}
