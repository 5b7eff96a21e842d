// Tiny DOM builder. Every piece of text goes in through textContent (via text nodes), never
// innerHTML, so a topic or an FFmpeg message can never become markup.

/**
 * el('a', { href: url, class: 'link' }, 'text', childNode)
 * Attribute values are set with setAttribute; `on*` keys with a function become listeners.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `node` with `children` (text or nodes). */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node;
}
