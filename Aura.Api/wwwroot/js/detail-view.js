// The detail pane's DOM for one job: built once per selection, then `render(state)` updates
// the nodes in place (the stepper, the progress bar, the lists), so a running <video> or a
// focused button is never thrown away by the next progress event.

import { el, replaceChildren } from './dom.js';
import { STAGES, formatEta, isTerminal, statusLabel } from './format.js';
import { renderArtifacts, renderOutcome } from './outcome-view.js';

const CONNECTION_LABELS = {
  connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', ended: 'Stream closed', finished: 'Finished',
};

export function buildDetailView(container, { onCancel }) {
  const topic = el('h2', { id: 'detail-topic', tabindex: '-1' });
  const jobIdText = el('code', { class: 'job-id' });
  const correlation = el('code', { class: 'correlation-id', title: 'Quote this id when you ask for support' });
  const badge = el('span', { class: 'badge', id: 'detail-status' });
  const connection = el('span', { class: 'connection', id: 'detail-connection', role: 'status' });
  const cancel = el('button', { type: 'button', class: 'danger', id: 'cancel-job', onclick: () => onCancel() }, 'Cancel');
  const steps = Object.fromEntries(STAGES.map((stage) => [stage, buildStep(stage)]));
  const progress = el('progress', { id: 'job-progress', max: '100', value: '0', 'aria-labelledby': 'progress-label' });
  const percentText = el('span', { class: 'progress-percent', id: 'progress-percent' });
  const messageText = el('span', { class: 'progress-message', id: 'progress-message' });
  const etaText = el('span', { class: 'progress-eta', id: 'progress-eta' });
  const streamNote = el('p', { class: 'stream-note', id: 'stream-note', hidden: true });
  const warningsList = el('ul', { class: 'warnings-list' });
  const warnings = el('section', { class: 'warnings', id: 'warnings', hidden: true, 'aria-labelledby': 'warnings-h' },
    el('h3', { id: 'warnings-h' }, 'Warnings'), warningsList);
  const outcome = el('section', { class: 'outcome', id: 'outcome' });
  const artifacts = el('section', { class: 'artifacts', id: 'artifacts', hidden: true });

  const progressBlock = el('div', { class: 'progress-block' },
    el('span', { id: 'progress-label', class: 'visually-hidden' }, 'Job progress'),
    progress,
    el('p', { class: 'progress-text', 'aria-live': 'polite', id: 'progress-text' }, percentText, messageText, etaText));

  replaceChildren(container,
    el('header', { class: 'detail-head' },
      el('div', { class: 'detail-title' }, topic,
        el('p', { class: 'detail-ids' }, 'Job ', jobIdText, ' · correlation ', correlation)),
      el('div', { class: 'detail-actions' }, badge, connection, cancel)),
    el('ol', { class: 'stepper', 'aria-label': 'Stages' }, STAGES.map((s) => steps[s].item)),
    progressBlock,
    streamNote, outcome, warnings, artifacts);

  let outcomeKey = '';
  let artifactsKey = '';

  return {
    render(state) {
      topic.textContent = state.topic || `Job ${state.jobId.slice(0, 8)}`;
      jobIdText.textContent = state.jobId;
      correlation.textContent = state.correlationId || '—';
      badge.setAttribute('data-status', state.status);
      badge.textContent = statusLabel(state.status);
      cancel.hidden = isTerminal(state.status);
      for (const stage of STAGES) updateStep(steps[stage], state.steps[stage]);
      progressBlock.setAttribute('data-status', state.status);
      progress.value = state.percent;
      progress.setAttribute('aria-valuenow', String(state.percent));
      percentText.textContent = `${state.percent}%`;
      messageText.textContent = state.message ? ` · ${state.message}` : '';
      etaText.textContent = !isTerminal(state.status) && formatEta(state.etaSeconds) ? ` · ${formatEta(state.etaSeconds)}` : '';
      replaceChildren(warningsList, state.warnings.map((w) => el('li', {}, w.step ? `${w.step}: ${w.message}` : w.message)));
      warnings.hidden = state.warnings.length === 0;

      const nextOutcomeKey = `${state.status}|${state.output?.url ?? ''}|${state.failure?.code ?? ''}|${state.artifacts.size}`;
      if (nextOutcomeKey !== outcomeKey) { outcomeKey = nextOutcomeKey; renderOutcome(outcome, state); }
      const nextArtifactsKey = `${state.status}|${[...state.artifacts.keys()].join('|')}`;
      if (nextArtifactsKey !== artifactsKey) { artifactsKey = nextArtifactsKey; renderArtifacts(artifacts, state); }
    },
    setConnection(connectionState) {
      connection.setAttribute('data-state', connectionState);
      connection.textContent = CONNECTION_LABELS[connectionState] ?? connectionState;
    },
    setCancelBusy(busy) {
      cancel.disabled = busy;
      cancel.textContent = busy ? 'Canceling…' : 'Cancel';
    },
    showStreamNote(text) {
      streamNote.textContent = text;
      streamNote.hidden = !text;
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
