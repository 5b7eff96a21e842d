// A banner for a problem+json answer: what happened (detail), what to do (remediation), and
// the code and correlation id that support will ask for.

import { el, replaceChildren } from './dom.js';

export function showProblem(banner, error, extraMessages = []) {
  const problem = error?.problem ?? {};
  const title = problem.title || 'Something went wrong';
  const detail = problem.detail || (error?.problem ? '' : String(error?.message ?? error));
  replaceChildren(banner,
    el('strong', { class: 'banner-title' }, title),
    detail && detail !== title ? el('p', {}, detail) : null,
    extraMessages.length ? el('ul', {}, extraMessages.map((m) => el('li', {}, m))) : null,
    problem.remediation ? el('p', { class: 'banner-remediation' }, problem.remediation) : null,
    problem.code || problem.correlationId
      ? el('p', { class: 'banner-ids' },
        problem.code ? el('code', { class: 'problem-code' }, problem.code) : null,
        problem.correlationId ? ` correlation id ${problem.correlationId}` : null)
      : null,
    el('button', { type: 'button', class: 'link-button banner-close', onclick: () => hideBanner(banner) }, 'Dismiss'));
  banner.hidden = false;
}

export function hideBanner(banner) {
  banner.hidden = true;
  banner.replaceChildren();
}
