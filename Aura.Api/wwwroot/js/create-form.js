// The create form. Client checks mirror the contract's limits so most mistakes never leave
// the page; whatever the server still refuses comes back as problem+json and is shown the
// same way: beside the field it names, the rest in the form's banner.

import { ApiError, createJob } from './api.js';
import { byId } from './dom.js';
import { secondsToTimeSpan } from './format.js';
import { meta } from './meta.js';
import { showProblem, hideBanner } from './banner.js';

const FIELDS = ['topic', 'audience', 'goal', 'tone', 'duration', 'pacing', 'resolution', 'fps'];

// Server field names (any casing, with or without a `$.` or `request.` prefix) → our fields.
const SERVER_FIELD_ALIASES = {
  'brief.topic': 'topic', topic: 'topic',
  'brief.audience': 'audience', audience: 'audience',
  'brief.goal': 'goal', goal: 'goal',
  'brief.tone': 'tone', tone: 'tone',
  'planspec.targetduration': 'duration', targetduration: 'duration',
  'planspec.pacing': 'pacing', pacing: 'pacing',
  'renderspec.res': 'resolution', 'renderspec.res.width': 'resolution', 'renderspec.res.height': 'resolution',
  res: 'resolution', width: 'resolution', height: 'resolution',
  'renderspec.fps': 'fps', fps: 'fps',
};

export function fieldForServerKey(key) {
  const normalized = key.replace(/^\$\.?/, '').replace(/^(request|body)\./i, '').toLowerCase();
  return SERVER_FIELD_ALIASES[normalized] ?? SERVER_FIELD_ALIASES[normalized.split('.').pop()] ?? null;
}

export function initCreateForm({ onCreated }) {
  const form = byId('create-form');
  const banner = byId('form-banner');
  const submit = byId('create-submit');
  const topic = byId('topic');
  const count = byId('topic-count');

  const { topicMaxCharacters, minDurationSeconds, maxDurationSeconds, minFps, maxFps } = meta.limits;
  const showCount = () => { count.textContent = `${textLength(topic.value)} / ${topicMaxCharacters}`; };
  showCount();
  byId('topic-hint').firstChild.textContent = `1–${topicMaxCharacters} characters. `;
  Object.assign(byId('duration'), { min: minDurationSeconds, max: maxDurationSeconds });
  Object.assign(byId('fps'), { min: minFps, max: maxFps });
  byId('fps-hint').textContent = `${minFps}–${maxFps}.`;
  byId('duration-hint').textContent = `${minDurationSeconds} seconds to ${maxDurationSeconds / 60} minutes.`;
  topic.addEventListener('input', showCount);
  for (const name of FIELDS) byId(name).addEventListener('input', () => setFieldError(name, []));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(banner);
    const values = readValues();
    const problems = validate(values);
    if (Object.keys(problems).length > 0) {
      for (const [name, messages] of Object.entries(problems)) setFieldError(name, messages);
      byId(Object.keys(problems)[0]).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Creating…';
    try {
      const job = await createJob(toRequestBody(values));
      // The settings stay for the next video; the topic was this one's.
      topic.value = '';
      showCount();
      onCreated(job);
    } catch (error) {
      showServerErrors(error, banner);
    } finally {
      submit.disabled = false;
      submit.textContent = 'Create video';
    }
  });
}

function readValues() {
  const [width, height] = byId('resolution').value.split('x').map(Number);
  return {
    topic: byId('topic').value.trim(),
    audience: byId('audience').value.trim(),
    goal: byId('goal').value.trim(),
    tone: byId('tone').value.trim(),
    duration: Number(byId('duration').value),
    pacing: byId('pacing').value,
    width, height,
    fps: Number(byId('fps').value),
  };
}

/** Characters as a reader counts them (an emoji, a letter with its accents: one), as the API counts them. */
export function textLength(text) {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

// Control characters other than tab, LF and the CR of a CR LF, as the API refuses them (C0, DEL, C1).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
const CONTROL_MESSAGE = 'Control characters are not allowed; only tab and newline are.';

/** The service's limits (from GET /api/meta: topic length, duration, fps, brief fields), no control characters, even sizes in range. */
export function validate(values) {
  const { topicMaxCharacters: maxTopic, textMaxCharacters: maxText, minDurationSeconds: minDuration,
    maxDurationSeconds: maxDuration, minFps, maxFps } = meta.limits;
  const problems = {};
  const topicLength = textLength(values.topic);
  if (topicLength < 1) problems.topic = ['Enter a topic for the video.'];
  else if (CONTROL.test(values.topic)) problems.topic = [CONTROL_MESSAGE];
  else if (topicLength > maxTopic) problems.topic = [`The topic is ${topicLength} characters; ${maxTopic} at most.`];
  for (const key of ['audience', 'goal', 'tone']) {
    const length = textLength(values[key]);
    if (CONTROL.test(values[key])) problems[key] = [CONTROL_MESSAGE];
    else if (length > maxText) problems[key] = [`At most ${maxText} characters (it has ${length}).`];
  }
  if (!Number.isFinite(values.duration) || values.duration < minDuration || values.duration > maxDuration) {
    problems.duration = [`Choose a duration from ${minDuration} to ${maxDuration} seconds.`];
  }
  const { width, height } = values;
  if (!(width % 2 === 0 && height % 2 === 0 && width >= 160 && width <= 3840 && height >= 90 && height <= 2160)) {
    problems.resolution = ['Choose one of the listed resolutions.'];
  }
  if (!Number.isInteger(values.fps) || values.fps < minFps || values.fps > maxFps) {
    problems.fps = [`Choose a whole number of frames per second from ${minFps} to ${maxFps}.`];
  }
  return problems;
}

function toRequestBody(values) {
  const brief = { topic: values.topic };
  for (const key of ['audience', 'goal', 'tone']) if (values[key]) brief[key] = values[key];
  return {
    brief,
    planSpec: { targetDuration: secondsToTimeSpan(values.duration), pacing: values.pacing },
    renderSpec: { res: { width: values.width, height: values.height }, fps: values.fps },
  };
}

function showServerErrors(error, banner) {
  const unplaced = [];
  if (error instanceof ApiError) {
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const field = fieldForServerKey(key);
      const list = Array.isArray(messages) ? messages : [String(messages)];
      if (field) setFieldError(field, list);
      else unplaced.push(...list.map((m) => (key ? `${key}: ${m}` : m)));
    }
    const firstField = Object.keys(error.fieldErrors).map(fieldForServerKey).find(Boolean);
    if (firstField) byId(firstField).focus();
  }
  showProblem(banner, error, unplaced);
}

function setFieldError(name, messages) {
  const input = byId(name);
  const node = byId(`${name}-error`);
  node.textContent = messages.join(' ');
  node.hidden = messages.length === 0;
  if (messages.length) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function clearErrors(banner) {
  for (const name of FIELDS) setFieldError(name, []);
  hideBanner(banner);
}
