import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser } from '../../../Aura.Api/wwwroot/js/sse-parser.js';

function collect() {
  const events = [];
  const comments = [];
  const parser = createSseParser((e) => events.push(e), (c) => comments.push(c));
  return { parser, events, comments };
}

test('an event with a name, an id and data is dispatched at the blank line', () => {
  const { parser, events } = collect();
  parser.push('event: job-update\nid: 7\ndata: {"a":1}\n');
  assert.equal(events.length, 0);
  parser.push('\n');
  assert.deepEqual(events, [{ event: 'job-update', data: '{"a":1}', id: '7' }]);
});

test('lines split anywhere across chunks, and CRLF, CR and LF line ends, all parse the same', () => {
  const text = 'event: a\r\ndata: one\rdata: two\n\r\n';
  for (let cut = 0; cut <= text.length; cut++) {
    const { parser, events } = collect();
    parser.push(text.slice(0, cut));
    parser.push(text.slice(cut));
    assert.deepEqual(events, [{ event: 'a', data: 'one\ntwo', id: null }], `cut at ${cut}`);
  }
});

test('comments are reported (the idle guard counts them) and never become events', () => {
  const { parser, events, comments } = collect();
  parser.push(': keep-alive\n\n:\n\n');
  assert.deepEqual(comments, ['keep-alive', '']);
  assert.equal(events.length, 0);
});

test('an event without data is not dispatched and its name does not leak into the next', () => {
  const { parser, events } = collect();
  parser.push('event: lonely\n\ndata: x\n\n');
  assert.deepEqual(events, [{ event: 'message', data: 'x', id: null }]);
});

test('reset forgets a half-read event, as a new connection must', () => {
  const { parser, events } = collect();
  parser.push('event: half\ndata: cut off');
  parser.reset();
  parser.push('data: whole\n\n');
  assert.deepEqual(events, [{ event: 'message', data: 'whole', id: null }]);
});

test('only the first space after the colon is removed, and unknown fields are ignored', () => {
  const { parser, events } = collect();
  parser.push('foo: bar\ndata:  two spaces\ndata:none\n\n');
  assert.deepEqual(events, [{ event: 'message', data: ' two spaces\nnone', id: null }]);
});
