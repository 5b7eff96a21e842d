// One EventSource with a visible connection state. The browser reconnects on its own and
// sends Last-Event-ID; the server answers 204 when the job already ended, which makes the
// EventSource give up (readyState CLOSED) — that is the normal end, not an error.

export const ConnectionState = Object.freeze({
  Connecting: 'connecting',
  Live: 'live',
  Reconnecting: 'reconnecting',
  Ended: 'ended',
});

/**
 * @param {string} url
 * @param {Record<string, (data: any, event: MessageEvent) => void>} handlers by SSE event name
 * @param {(state: string) => void} onState
 * @param {(problem: {message?: string, code?: string}) => void} [onStreamError] the contract's `error` event
 */
export function openEventStream(url, handlers, onState, onStreamError) {
  const source = new EventSource(url);
  let closed = false;
  const setState = (state) => { if (!closed || state === ConnectionState.Ended) onState(state); };
  setState(ConnectionState.Connecting);

  source.addEventListener('open', () => setState(ConnectionState.Live));

  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      if (closed) return;
      const data = parse(event.data);
      if (data !== undefined) handler(data, event);
    });
  }

  // 'error' is both the transport's error (a plain Event) and the contract's `error` event
  // (a MessageEvent with data); only the second has data.
  source.addEventListener('error', (event) => {
    if (closed) return;
    if (typeof event.data === 'string') {
      onStreamError?.(parse(event.data) ?? {});
      return;
    }
    setState(source.readyState === EventSource.CLOSED ? ConnectionState.Ended : ConnectionState.Reconnecting);
  });

  return {
    close() {
      if (closed) return;
      closed = true;
      source.close();
    },
  };
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    console.warn('Ignoring an event whose data is not JSON', text);
    return undefined;
  }
}
