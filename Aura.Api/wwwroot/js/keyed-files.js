// A job's files (artifacts, the FFmpeg log) in elements that load them by address: <a>, <img>,
// <video>, <track>. Such an element sends no Authorization header, so while the page uses an API
// key the service refuses it (401). Putting the key in the address instead would leave it in the
// browser's history and in every access log on the way; so, with a key, the file is fetched with
// the key in its header and the element gets a blob: address of it (the page's CSP allows blob:
// for images and media only). Without a key nothing changes: the element loads the file itself
// (a video then streams with Range requests instead of downloading whole first).

import { askForKey, authHeaders } from './api-key.js';
import { el } from './dom.js';

const BLOB_ATTRIBUTE = 'data-blob-url';

/** True while the page sends an API key. */
export const sendsKey = () => Object.keys(authHeaders()).length > 0;

/** The file's name: the last segment of its address. */
export function fileNameOf(url) {
  const path = new URL(url, document.baseURI).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Sets `attribute` of a media or image element to the file at `url`, through a blob while a key is used. */
export function loadFile(element, attribute, url) {
  if (!sendsKey()) {
    element.setAttribute(attribute, url);
    return;
  }
  fetchFile(url).then((blob) => {
    const address = URL.createObjectURL(blob);
    element.setAttribute(BLOB_ATTRIBUTE, address);
    element.setAttribute(attribute, address);
  }, (error) => showError(element.closest('video') ?? element, url, error));
}

/**
 * Makes a link to a file save it as `name` while a key is used (a blob, fetched with the key);
 * without one, the link works as it is. Links that open a file in a new tab save it too then:
 * a tab opened after the fetch would be stopped as a pop-up.
 */
export function keyedDownload(anchor, name) {
  anchor.addEventListener('click', async (event) => {
    if (!sendsKey()) return;
    event.preventDefault();
    anchor.setAttribute('aria-busy', 'true');
    const url = anchor.getAttribute('href');
    try {
      const address = URL.createObjectURL(await fetchFile(url));
      const save = el('a', { href: address, download: name, hidden: true });
      document.body.append(save);
      save.click();
      save.remove();
      // The download has taken the blob by the time a minute has passed; the page need not hold it.
      setTimeout(() => URL.revokeObjectURL(address), 60_000);
    } catch (error) {
      showError(anchor, url, error);
    } finally {
      anchor.removeAttribute('aria-busy');
    }
  });
  return anchor;
}

/** Frees the blobs the elements under `node` were given, before `node` is filled again. */
export function releaseFiles(node) {
  for (const element of node.querySelectorAll(`[${BLOB_ATTRIBUTE}]`)) URL.revokeObjectURL(element.getAttribute(BLOB_ATTRIBUTE));
}

async function fetchFile(url, askedForKey = false) {
  let response;
  try {
    response = await fetch(url, { headers: authHeaders() });
  } catch (networkError) {
    throw new Error(`The service cannot be reached (${networkError.message}).`);
  }
  if (response.status === 401 && !askedForKey && await askForKey('The service refused the key for this file.')) {
    return fetchFile(url, true);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `The file could not be loaded (HTTP ${response.status}).`);
  }
  return response.blob();
}

function showError(element, url, error) {
  const next = element.nextElementSibling;
  const message = `${fileNameOf(url)}: ${error.message}`;
  if (next?.classList.contains('file-error')) next.textContent = message;
  else element.after(el('span', { class: 'field-error file-error', role: 'alert' }, message));
}
