// The page's one stream, /api/jobs/events: every job update and deletion goes into the store.
// No per-job streams: the all-jobs stream carries the whole job, and the browser allows only six
// connections per origin, so one connection serves the list and the detail alike.

import { allJobEventsUrl } from './api.js';
import { askForKey, authHeaders } from './api-key.js';
import { openStream } from './stream-client.js';

export function startLiveFeed(store, onState, timing = {}) {
  return openStream({
    url: allJobEventsUrl,
    headers: authHeaders,
    onUnauthorized: () => askForKey('The service needs an API key to show your jobs.'),
    onState,
    timing,
    onEvent({ event, data }) {
      const payload = parse(data);
      if (payload === undefined) return;
      if (event === 'job-update') store.upsert(payload);
      else if (event === 'job-deleted') store.remove(payload.jobId);
      // `error`: the server ends the stream after it; the client reconnects and resumes.
    },
  });
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    console.warn('Ignoring an event whose data is not JSON', text);
    return undefined;
  }
}
