// What every desk form shares: ids made in the browser, today's date on the grid's clock, the API's own messages shown
// next to the field they name (the problem's `errors`, keyed by field name), and a form-level note for the rest.
import { ProblemError, problemText } from '/js/shared/api.js';
import { TZ, serverNow } from '/js/shared/format.js';

/** A fresh id inside [A-Za-z0-9._:-] (http-api: 1-128 chars): the prefix and a random UUID. */
export function newId(prefix) {
  const c = window.crypto;
  let uuid;
  if (c && typeof c.randomUUID === 'function') uuid = c.randomUUID();
  else {
    // plain http on an intranet address is not a secure context: randomUUID is missing there, getRandomValues is not
    const b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return `${prefix}-${uuid}`;
}

/** YYYY-MM-DD of the grid's today in Zhangdian (the server's clock, X-Grid-Now). */
export function today() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(serverNow())).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The text of an input, trimmed; empty → undefined (left out of the body). */
export function value(form, name) {
  const n = form.elements.namedItem(name);
  if (!n) return undefined;
  const v = String(n.value || '').trim();
  return v === '' ? undefined : v;
}

/** A number input: empty → undefined; anything else as the number it reads (the API judges it). */
export function number(form, name) {
  const v = value(form, name);
  return v === undefined ? undefined : Number(v);
}

/** Drops the undefined members, so a body carries only what the clerk filled in. */
export function compact(body) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export function clearErrors(form) {
  for (const n of form.querySelectorAll('.field-error')) n.textContent = '';
  for (const n of form.querySelectorAll('[aria-invalid="true"]')) n.removeAttribute('aria-invalid');
  const p = form.querySelector('.form-problem');
  if (p) { p.hidden = true; p.textContent = ''; }
  const d = form.querySelector('.form-done');
  if (d) { d.hidden = true; d.textContent = ''; }
}

/** Where a field's message goes: `[data-error-for=field]` in the form, or the caller's own lookup (finding rows). */
function slot(form, field, locate) {
  const own = locate ? locate(field) : null;
  if (own) return own;
  return [...form.querySelectorAll('[data-error-for]')].find((n) => n.getAttribute('data-error-for') === field) || null;
}

/**
 * Shows a refusal: every `errors` entry next to its field (marking the input aria-invalid); what has no field of its
 * own (403, 404, 409, a field the form does not show) in the form's note, in the API's own words.
 */
export function showProblem(form, err, locate) {
  const p = err instanceof ProblemError ? err.problem : null;
  const errors = p && p.errors && typeof p.errors === 'object' ? p.errors : {};
  const rest = [];
  let placed = 0;
  for (const [field, messages] of Object.entries(errors)) {
    const text = (Array.isArray(messages) ? messages : [messages]).filter((m) => typeof m === 'string').join('；');
    const target = slot(form, field, locate);
    if (target && !target.closest('[hidden]')) {
      target.textContent = text;
      const input = target.parentElement && target.parentElement.querySelector('input, select, textarea');
      if (input) input.setAttribute('aria-invalid', 'true');
      placed++;
    } else rest.push(text);
  }
  const note = form.querySelector('.form-problem');
  if (!note) return;
  if (placed && !rest.length) { note.textContent = '请按各栏提示修改后重新提交。'; note.hidden = false; return; }
  note.textContent = rest.length ? rest.join('；') : problemText(err);
  note.hidden = false;
}

export function done(form, text) {
  const d = form.querySelector('.form-done');
  if (d) { d.textContent = text; d.hidden = false; }
}

/** Runs a submit once at a time: the button is disabled meanwhile. */
export async function busy(button, work) {
  if (button.disabled) return;
  button.disabled = true;
  try { await work(); } finally { button.disabled = false; }
}
