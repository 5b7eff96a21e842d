// A small Server-Sent Events parser (the WHATWG "event stream interpretation"), fed text as it
// arrives. The page reads the stream with fetch instead of EventSource, because EventSource
// cannot send headers, hides the HTTP status and swallows keep-alive comments; this is the part
// of EventSource that is still needed. Pure: no DOM, no timers.

/**
 * @param {(event: {event: string, data: string, id: string|null}) => void} onEvent
 * @param {(comment: string) => void} [onComment] keep-alive comments (`: ping`)
 * @param {(ms: number) => void} [onRetry] the server's `retry:` advice
 */
export function createSseParser(onEvent, onComment, onRetry) {
  let buffer = '';
  let afterCarriageReturn = false; // a \r ended the last chunk: a \n starting the next one belongs to it
  let eventType = '';
  let dataLines = [];
  let id = null;
  let sawId = false;

  function line(text) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return onComment?.(text.slice(1).replace(/^ /, ''));
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    switch (field) {
      case 'event': eventType = value; break;
      case 'data': dataLines.push(value); break;
      case 'id': if (!value.includes('\0')) { id = value; sawId = true; } break;
      case 'retry': if (/^\d+$/.test(value)) onRetry?.(Number(value)); break;
      default: break; // unknown fields are ignored, as the standard says
    }
    return undefined;
  }

  function dispatch() {
    const hadData = dataLines.length > 0;
    const event = { event: eventType || 'message', data: dataLines.join('\n'), id: sawId ? id : null };
    eventType = '';
    dataLines = [];
    sawId = false;
    if (hadData) onEvent(event);
  }

  return {
    /** Feeds the next piece of decoded text; complete lines are handled at once. */
    push(text) {
      let start = 0;
      if (afterCarriageReturn && text.startsWith('\n')) start = 1;
      afterCarriageReturn = false;
      buffer += text.slice(start);
      let match;
      const lineEnd = /\r\n|\r|\n/g;
      let consumed = 0;
      while ((match = lineEnd.exec(buffer)) !== null) {
        // A lone \r at the very end may be the first half of \r\n: decide when the next chunk comes.
        if (match[0] === '\r' && match.index === buffer.length - 1) afterCarriageReturn = true;
        line(buffer.slice(consumed, match.index));
        consumed = match.index + match[0].length;
      }
      buffer = buffer.slice(consumed);
    },
    /** Forgets a half-read event (a new connection starts clean). */
    reset() {
      buffer = '';
      afterCarriageReturn = false;
      eventType = '';
      dataLines = [];
      sawId = false;
    },
  };
}
