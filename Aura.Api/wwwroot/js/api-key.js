// The API key, when the service asks for one (401): asked once in a dialog, kept for this tab
// only (sessionStorage: gone when the tab closes, never written to disk by us), and sent as
// `Authorization: Bearer <key>` on every request and stream.

const STORAGE_KEY = 'aura.apiKey';
let pending = null;

export function authHeaders() {
  const key = readKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function readKey() {
  try { return sessionStorage.getItem(STORAGE_KEY); } catch { return null; }
}

/** Asks for a key (one dialog however many requests were refused); resolves true when one was given. */
export function askForKey(reason = 'The service needs an API key.') {
  pending ??= new Promise((resolve) => {
    const dialog = document.getElementById('key-dialog');
    const input = document.getElementById('api-key');
    document.getElementById('key-reason').textContent = reason;
    input.value = '';
    const finish = () => {
      const key = dialog.returnValue === 'save' ? input.value.trim() : '';
      if (key) { try { sessionStorage.setItem(STORAGE_KEY, key); } catch { /* private mode: this page only */ } }
      pending = null;
      resolve(Boolean(key));
    };
    dialog.addEventListener('close', finish, { once: true });
    dialog.showModal();
  });
  return pending;
}

export function forgetKey() {
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing kept */ }
}
