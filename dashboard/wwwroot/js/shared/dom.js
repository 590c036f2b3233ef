// DOM helpers. All text reaches the page through textContent / setAttribute, never innerHTML.

export const $ = (id) => document.getElementById(id);

/** el('div', { class: 'x', 'data-a': v, text: 't' }, [child | 'text']) — null/false attributes and children are skipped. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children || []) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

export function setText(id, v) {
  const n = typeof id === 'string' ? $(id) : id;
  if (n) n.textContent = v === null || v === undefined ? '' : String(v);
}

export const asArray = (v) => (Array.isArray(v) ? v : []);
export const isNum = (v) => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v));
export const num = (v) => (isNum(v) ? Number(v) : 0);

/** Restarts a CSS flash animation on a node and drops the class afterwards (moving the node later does not replay it). */
export function flash(node, cls = 'flash', ms = 2600) {
  if (!node) return;
  node.classList.remove(cls);
  void node.offsetWidth;
  node.classList.add(cls);
  clearTimeout(node._flashTimer);
  node._flashTimer = setTimeout(() => node.classList.remove(cls), ms);
}

let toastTimer = null;
export function toast(message) {
  const t = $('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 6000);
}

export function store(op, key, value) {
  try {
    if (op === 'get') return window.sessionStorage.getItem(key);
    if (op === 'set') window.sessionStorage.setItem(key, value);
    if (op === 'del') window.sessionStorage.removeItem(key);
  } catch { /* storage disabled: memory only */ }
  return null;
}
