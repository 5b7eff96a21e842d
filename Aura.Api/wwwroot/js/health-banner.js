// On load, ask /health whether jobs can run; when not, say so at once and what to install,
// rather than after the first click fails. Reads the answer tolerantly: any part that reports
// itself not ready, with its `problem` and `remediation` (or a health-check entry's description).

import { authHeaders } from './api-key.js';
import { el, replaceChildren } from './dom.js';

export async function checkHealth(banner) {
  let response;
  try {
    response = await fetch('/health', { headers: { Accept: 'application/json', ...authHeaders() }, cache: 'no-store' });
  } catch {
    return; // the stream's indicator already says when the service cannot be reached
  }
  const body = await response.json().catch(() => null);
  const problems = problemsOf(body);
  const healthy = response.ok && (!body?.status || /^healthy$/i.test(body.status)) && problems.length === 0;
  if (healthy) return;
  replaceChildren(banner,
    el('strong', { class: 'banner-title' }, 'Jobs cannot run on this machine yet'),
    problems.length
      ? el('ul', {}, problems.map((p) => el('li', {}, el('strong', {}, `${p.name}: `), p.problem, p.remediation ? ` ${p.remediation}` : '')))
      : el('p', {}, `The service reports it is not ready (HTTP ${response.status}).`),
    el('button', { type: 'button', class: 'link-button banner-close', onclick: () => { banner.hidden = true; } }, 'Dismiss'));
  banner.id = banner.id || 'health-banner';
  banner.setAttribute('data-kind', 'health');
  banner.hidden = false;
}

/** Every part of a health answer that says it is not ready. */
export function problemsOf(body) {
  if (!body || typeof body !== 'object') return [];
  const parts = body.entries && typeof body.entries === 'object' ? body.entries : body;
  const found = [];
  for (const [name, part] of Object.entries(parts)) {
    if (!part || typeof part !== 'object') continue;
    const notReady = part.ready === false || /^(unhealthy|degraded)$/i.test(part.status ?? '');
    if (!notReady) continue;
    found.push({ name, problem: part.problem ?? part.description ?? part.data?.problem ?? 'not ready',
      remediation: part.remediation ?? part.data?.remediation ?? '' });
  }
  return found;
}
