// How a job ended: the video to watch, the failure to understand, or the cancellation to
// acknowledge; and the files it wrote along the way.

import { ffmpegLogUrl, getFfmpegLog } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatBytes, isTerminal } from './format.js';
import { fileNameOf, keyedDownload, loadFile, releaseFiles } from './keyed-files.js';

export function videoUrlOf(state) {
  if (state.output?.url) return state.output.url;
  return [...state.artifacts.values()].find((a) => a.type?.startsWith('video/') || /\.mp4$/i.test(a.name))?.url ?? null;
}

export function subtitleOf(state, extension = 'srt') {
  return [...state.artifacts.values()].find((a) => a.name.toLowerCase().endsWith(`.${extension}`)) ?? null;
}

export function renderOutcome(node, state) {
  node.setAttribute('data-status', state.status);
  node.hidden = !isTerminal(state.status); // an empty section would still take a gap in the layout
  releaseFiles(node);
  switch (state.status) {
    case 'Succeeded': return replaceChildren(node, completedPanel(state));
    case 'Failed':
      replaceChildren(node, failedPanel(state));
      // FFmpeg's last lines say what went wrong: start the snippet scrolled to its end.
      node.querySelector('pre.stderr')?.scrollTo(0, Number.MAX_SAFE_INTEGER);
      node.querySelector('#show-ffmpeg-log')?.click(); // the log is what a failure is read with: load it at once
      return undefined;
    case 'Canceled': return replaceChildren(node, canceledPanel(state));
    default: return replaceChildren(node);
  }
}

function completedPanel(state) {
  const videoUrl = videoUrlOf(state);
  const srt = subtitleOf(state, 'srt');
  const vtt = subtitleOf(state, 'vtt');
  // Browsers play WebVTT only; `default` turns the subtitles on. Sources are set through loadFile (a blob under a key).
  const track = vtt ? el('track', { kind: 'subtitles', srclang: 'en', label: 'English', default: true }) : null;
  const video = videoUrl
    ? el('video', { id: 'result-video', controls: true, preload: 'metadata',
      'aria-label': `Video: ${state.topic || 'the finished job'}` }, track)
    : el('p', {}, 'The job finished but reported no video file.');
  if (videoUrl) loadFile(video, 'src', videoUrl);
  if (track) loadFile(track, 'src', vtt.url);
  return el('div', { class: 'panel panel-success', id: 'completed-panel' },
    el('h3', {}, videoUrl ? 'Your video is ready' : 'Finished'),
    video,
    el('p', { class: 'downloads' },
      videoUrl ? fileLink(videoUrl, fileNameOf(videoUrl), { download: '', class: 'button-link', id: 'video-link' }, 'Download video (MP4)') : null,
      srt ? fileLink(srt.url, srt.name, { download: srt.name, class: 'button-link', id: 'subtitle-link' }, 'Subtitles (SRT)') : null,
      vtt ? fileLink(vtt.url, vtt.name, { download: vtt.name, class: 'button-link', id: 'vtt-link' }, 'Subtitles (VTT)') : null));
}

/** A link to one of the job's files that also works while the page uses an API key (see keyed-files.js). */
function fileLink(url, name, attributes, ...children) {
  return keyedDownload(el('a', { href: url, ...attributes }, ...children), name);
}

function failedPanel(state) {
  const failure = state.failure ?? {};
  const logTarget = el('div', { class: 'log-target' });
  const showLog = async (button) => {
    button.disabled = true;
    button.textContent = 'Loading log…';
    try {
      const text = await getFfmpegLog(state.jobId);
      const log = logView(text);
      replaceChildren(logTarget, log);
      // Start at the command that failed (the log's last "Command:" line), not at the top.
      const failing = log.querySelector('#failing-command');
      if (failing) log.scrollTop = failing.offsetTop - log.offsetTop;
      button.textContent = 'Reload FFmpeg log';
    } catch (error) {
      replaceChildren(logTarget, el('p', { class: 'field-error' }, `The log could not be loaded: ${error.message}`));
      button.textContent = 'Show FFmpeg log';
    } finally {
      button.disabled = false;
    }
  };
  const logButton = el('button', { type: 'button', class: 'secondary', id: 'show-ffmpeg-log',
    onclick: (event) => showLog(event.currentTarget) }, 'Show FFmpeg log');
  return el('div', { class: 'panel panel-failure', id: 'failure-panel' },
    el('h3', {}, 'The job failed', failure.stage ? ` during ${failure.stage}` : ''),
    el('p', {}, el('code', { class: 'problem-code', id: 'failure-code' }, failure.code ?? 'unknown'), ' ',
      el('span', { id: 'failure-message' }, failure.message ?? 'No details were given.')),
    failure.remediation ? el('p', { class: 'remediation' }, el('strong', {}, 'What to do: '), failure.remediation) : null,
    failure.stderrSnippet
      ? el('details', { open: true }, el('summary', {}, 'FFmpeg said'),
        el('pre', { class: 'stderr', tabindex: '0', id: 'stderr-snippet' }, failure.stderrSnippet))
      : null,
    el('p', { class: 'log-actions' }, logButton, ' ',
      fileLink(ffmpegLogUrl(state.jobId), `ffmpeg-${state.jobId}.log`, { target: '_blank', rel: 'noopener', id: 'raw-log-link' }, 'Open the raw log')),
    logTarget);
}

function canceledPanel(state) {
  return el('div', { class: 'panel panel-canceled', id: 'canceled-panel' },
    el('h3', {}, 'Canceled'),
    el('p', {}, state.cancelMessage || 'This job was canceled. Its partial files were removed.'));
}

export function renderArtifacts(node, state) {
  const artifacts = [...state.artifacts.values()];
  // A canceled job's partial files are removed (CONTRACT.md): links to them would only 404.
  node.hidden = artifacts.length === 0 || state.status === 'Canceled';
  releaseFiles(node);
  const images = artifacts.filter((a) => a.type?.startsWith('image/'));
  replaceChildren(node,
    el('h3', {}, 'Files'),
    images.length
      ? el('div', { class: 'thumbnails' }, images.map((a) =>
        fileLink(a.url, a.name, { target: '_blank', rel: 'noopener', class: 'thumbnail' }, thumbnail(a))))
      : null,
    el('ul', { class: 'artifact-list' }, artifacts.map((a) =>
      el('li', {}, fileLink(a.url, a.name, { target: '_blank', rel: 'noopener' }, a.name),
        el('span', { class: 'muted' }, ` ${a.type ?? ''} ${formatBytes(a.sizeBytes)}`)))));
}

function thumbnail(artifact) {
  const image = el('img', { alt: `Card ${artifact.name}` });
  loadFile(image, 'src', artifact.url);
  return image;
}

/** The log as a <pre>, with its last "Command:" line marked so the view can start there. */
export function logView(text) {
  if (!text) return el('pre', { class: 'ffmpeg-log', id: 'ffmpeg-log', tabindex: '0' }, '(the log is empty)');
  const at = text.lastIndexOf('Command: ');
  if (at < 0) return el('pre', { class: 'ffmpeg-log', id: 'ffmpeg-log', tabindex: '0' }, text);
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return el('pre', { class: 'ffmpeg-log', id: 'ffmpeg-log', tabindex: '0', 'aria-label': 'FFmpeg log' },
    text.slice(0, at), el('mark', { id: 'failing-command' }, text.slice(at, end)), text.slice(end));
}
