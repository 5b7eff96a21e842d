// The detail pane's DOM for one job: built once per selection, then `render(state, now)`
// updates the nodes in place (the stepper, the bar, the lists), so a playing <video> or a
// focused button is never thrown away by the next progress event.

import { el, replaceChildren } from './dom.js';
import { etaSecondsLeft, formatDuration, formatEta, formatRelative, isTerminal, runTimeMs, statusLabel } from './format.js';
import { stageNames } from './meta.js';
import { renderArtifacts, renderOutcome } from './outcome-view.js';

export function buildDetailView(container, { onCancel, onDelete, onRetry }) {
  const topic = el('h2', { id: 'detail-topic', tabindex: '-1' });
  const jobIdText = el('code', { class: 'job-id' });
  const correlation = el('code', { class: 'correlation-id', title: 'Quote this id when you ask for support' });
  const badge = el('span', { class: 'badge', id: 'detail-status' });
  const created = el('time', { id: 'detail-created' });
  const runTime = el('span', { id: 'detail-runtime' });
  const attempt = el('p', { class: 'attempt-note', id: 'attempt-note', hidden: true });
  // Busy buttons are aria-disabled, not disabled: a disabled button drops the keyboard focus to <body>.
  const idle = (action) => (event) => { if (event.currentTarget.getAttribute('aria-disabled') !== 'true') action(); };
  const cancel = el('button', { type: 'button', class: 'danger', id: 'cancel-job', onclick: idle(onCancel) }, 'Cancel');
  const retry = el('button', { type: 'button', class: 'secondary', id: 'retry-job', onclick: idle(onRetry) }, 'Run again');
  const remove = el('button', { type: 'button', class: 'danger', id: 'delete-job', onclick: idle(onDelete) }, 'Delete');
  const stages = stageNames();
  const steps = Object.fromEntries(stages.map((stage) => [stage, buildStep(stage)]));
  const progress = el('progress', { id: 'job-progress', max: '100', value: '0', 'aria-labelledby': 'progress-label' });
  const percentText = el('span', { class: 'progress-percent', id: 'progress-percent' });
  const messageText = el('span', { class: 'progress-message', id: 'progress-message' });
  const etaText = el('span', { class: 'progress-eta', id: 'progress-eta' });
  // Announced: the stage and the end, not every percent (twice a second would drown a screen reader).
  const announcer = el('p', { class: 'visually-hidden', id: 'progress-announcer', role: 'status', 'aria-live': 'polite' });
  const note = el('p', { class: 'stream-note', id: 'stream-note', role: 'alert', hidden: true });
  const warningsList = el('ul', { class: 'warnings-list' });
  const warnings = el('section', { class: 'warnings', id: 'warnings', hidden: true, 'aria-labelledby': 'warnings-h' },
    el('h3', { id: 'warnings-h' }, 'Warnings'), warningsList);
  const outcome = el('section', { class: 'outcome', id: 'outcome' });
  const artifacts = el('section', { class: 'artifacts', id: 'artifacts', hidden: true });

  replaceChildren(container,
    el('header', { class: 'detail-head' },
      el('div', { class: 'detail-title' }, topic,
        el('p', { class: 'detail-ids' }, 'Job ', jobIdText, ' · correlation ', correlation),
        el('p', { class: 'detail-times' }, 'Created ', created, ' · run time ', runTime),
        attempt),
      el('div', { class: 'detail-actions' }, badge, cancel, retry, remove)),
    note,
    el('ol', { class: 'stepper', 'aria-label': 'Stages' }, stages.map((s) => steps[s].item)),
    el('div', { class: 'progress-block', id: 'progress-block' },
      el('span', { id: 'progress-label', class: 'visually-hidden' }, 'Job progress'),
      progress,
      el('p', { class: 'progress-text', id: 'progress-text' }, percentText, messageText, etaText),
      announcer),
    outcome, warnings, artifacts);

  let outcomeKey = '';
  let artifactsKey = '';
  let announced = '';

  return {
    render(state, eta, now) {
      topic.textContent = state.topic || `Job ${state.jobId.slice(0, 8)}`;
      jobIdText.textContent = state.jobId;
      correlation.textContent = state.correlationId || '—';
      badge.setAttribute('data-status', state.status);
      badge.textContent = statusLabel(state.status);
      created.setAttribute('datetime', state.createdAt ?? '');
      created.title = state.createdAt ? new Date(state.createdAt).toLocaleString() : '';
      created.textContent = formatRelative(state.createdAt, now);
      runTime.textContent = formatDuration(runTimeMs(state, now)) || 'not started';
      attempt.hidden = state.attempt <= 1;
      attempt.textContent = `Attempt ${state.attempt}: resumed after a restart of the service.`;

      const ended = isTerminal(state.status);
      const cancelHadFocus = document.activeElement === cancel;
      cancel.hidden = ended;
      retry.hidden = !ended || !state.request;
      remove.hidden = !ended;
      // Cancel disappears when the job ends: keep the keyboard where the next action is.
      if (cancelHadFocus && ended) retry.hidden ? remove.focus() : retry.focus();

      for (const stage of Object.keys(steps)) updateStep(steps[stage], state.steps[stage]);
      container.querySelector('#progress-block').setAttribute('data-status', state.status);
      progress.value = state.percent;
      percentText.textContent = `${state.percent}%`;
      messageText.textContent = state.message ? ` · ${state.message}` : '';
      const left = ended ? null : etaSecondsLeft(eta, now);
      etaText.textContent = left !== null ? ` · ${formatEta(left)}` : '';
      const summary = ended ? `${statusLabel(state.status)}.` : `${state.stage ?? ''} ${statusLabel(state.status)}`.trim();
      if (summary !== announced) { announced = summary; announcer.textContent = summary; }

      replaceChildren(warningsList, state.warnings.map((w) => el('li', {}, w.step ? `${w.step}: ${w.message}` : w.message)));
      warnings.hidden = state.warnings.length === 0;

      const nextOutcomeKey = `${state.status}|${state.failure?.code ?? ''}|${[...state.artifacts.keys()].join('|')}`;
      if (nextOutcomeKey !== outcomeKey) { outcomeKey = nextOutcomeKey; renderOutcome(outcome, state); }
      const nextArtifactsKey = `${state.status}|${[...state.artifacts.keys()].join('|')}`;
      if (nextArtifactsKey !== artifactsKey) { artifactsKey = nextArtifactsKey; renderArtifacts(artifacts, state); }
    },
    setBusy(button, busy, busyText, idleText) {
      const node = { cancel, retry, remove }[button];
      node.setAttribute('aria-disabled', String(busy));
      node.textContent = busy ? busyText : idleText;
    },
    showNote(text) {
      note.textContent = text;
      note.hidden = !text;
    },
    focusTitle() { topic.focus(); },
  };
}

function buildStep(stage) {
  const word = el('span', { class: 'step-status' });
  const item = el('li', { class: 'step', 'data-step': stage, 'data-status': 'Pending' },
    el('span', { class: 'step-marker', 'aria-hidden': 'true' }),
    el('span', { class: 'step-name' }, stage), word);
  return { item, word };
}

const STEP_WORDS = { Pending: 'Waiting', Running: 'In progress', Succeeded: 'Done', Failed: 'Failed', Canceled: 'Canceled' };

function updateStep({ item, word }, status) {
  if (item.getAttribute('data-status') !== status) item.setAttribute('data-status', status);
  word.textContent = STEP_WORDS[status] ?? status;
  if (status === 'Running') item.setAttribute('aria-current', 'step');
  else item.removeAttribute('aria-current');
}
