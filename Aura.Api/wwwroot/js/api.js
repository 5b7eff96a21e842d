// The REST half of the contract (CONTRACT.md). Every non-2xx answer becomes an ApiError that
// carries the problem+json fields, so callers can show `errors` beside fields and the rest in
// a banner.

import { askForKey, authHeaders } from './api-key.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
  get code() { return this.problem.code; }
  get remediation() { return this.problem.remediation; }
  get fieldErrors() { return this.problem.errors ?? {}; }
  get correlationId() { return this.problem.correlationId; }
}

async function request(method, url, body, askedForKey = false) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...authHeaders() } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (networkError) {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: String(networkError.message),
      remediation: 'Check that the Aura service is running, then try again.' });
  }
  if (response.ok) {
    return response.status === 204 ? null : parseJson(response);
  }
  if (response.status === 401 && !askedForKey && await askForKey()) return request(method, url, body, true);
  const problem = (await parseJson(response).catch(() => null)) ?? {};
  throw new ApiError(response.status, problem);
}

async function parseJson(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const createJob = (body) => request('POST', '/api/jobs', body);
export const startQuickDemo = () => request('POST', '/api/quick/demo');
export const getJob = (jobId) => request('GET', `/api/jobs/${encodeURIComponent(jobId)}`);
/** A page of jobs, newest first: `before` (an ISO time) pages back, `statuses` narrows. */
export function listJobs({ before = null, statuses = [], limit = 50 } = {}) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (before) query.set('before', before);
  for (const status of statuses) query.append('status', status);
  return request('GET', `/api/jobs?${query}`);
}
export const deleteJob = (jobId) => request('DELETE', `/api/jobs/${encodeURIComponent(jobId)}`);
/** Runs the same request again as a new job. */
export const retryJob = (job) => request('POST', '/api/jobs', job.request);
export const getMeta = () => request('GET', '/api/meta');
export const cancelJob = (jobId) => request('POST', `/api/jobs/${encodeURIComponent(jobId)}/cancel`);

export const allJobEventsUrl = '/api/jobs/events';
export const ffmpegLogUrl = (jobId) => `/api/jobs/${encodeURIComponent(jobId)}/logs/ffmpeg?tail=200`;

/** The FFmpeg log is plain text, not JSON. */
export async function getFfmpegLog(jobId) {
  const response = await fetch(ffmpegLogUrl(jobId), { headers: authHeaders() });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return response.text();
}
