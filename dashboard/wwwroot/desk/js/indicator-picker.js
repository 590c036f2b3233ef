// The indicator, found by typing part of its name: the catalogue the API serves (GET /api/v1/catalog/{kind}, public),
// reportable rows only (a band row is reported on its parent row), matched on name, group and code.
import { el, clear } from '/js/shared/dom.js';
import { get, enc } from '/js/shared/api.js';

const MAX_OPTIONS = 30;
const catalogues = new Map();

/** The catalogue of a subject kind, fetched once per page. */
export function catalogue(kind) {
  if (!catalogues.has(kind)) {
    const p = get(`/api/v1/catalog/${enc(kind)}`).then((rows) => (Array.isArray(rows) ? rows : []));
    p.catch(() => catalogues.delete(kind));
    catalogues.set(kind, p);
  }
  return catalogues.get(kind);
}

/** What the row asks for: a range (points), an amount (yuan or hours), or nothing (its fixed points). */
export function shapeOf(row) {
  if (!row) return null;
  if (row.amountRule) return 'amount';
  if (row.points === null || row.points === undefined) return 'range';
  return 'fixed';
}

export function pointsText(row) {
  const shape = shapeOf(row);
  if (shape === 'range') return `分值范围 ${row.minPoints} 至 ${row.maxPoints}`;
  if (shape === 'amount') return row.amountRule.unit === 'hours' ? '按时长计分' : '按金额计分';
  return `固定 ${row.points > 0 ? '+' : ''}${row.points} 分`;
}

function matches(row, words) {
  const hay = `${row.name} ${row.group} ${row.code}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * Wires the search box: kind() names the subject kind, onPick(row | null) hears the choice (null when the text no
 * longer names the chosen row).
 */
export function initPicker({ input, list, kind, onPick }) {
  let shown = [];
  let active = -1;
  let chosen = null;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0 && list.children[active]) list.children[active].scrollIntoView({ block: 'nearest' });
  };
  const pick = (row) => {
    chosen = row;
    input.value = row.name;
    close();
    onPick(row);
  };

  async function refresh() {
    const text = input.value.trim().toLowerCase();
    if (chosen && input.value !== chosen.name) { chosen = null; onPick(null); }
    if (!text) { close(); return; }
    let rows;
    try { rows = await catalogue(kind()); } catch { return; }
    if (input.value.trim().toLowerCase() !== text) return; // typed on meanwhile
    const words = text.split(/\s+/).filter(Boolean);
    shown = rows.filter((r) => r.reportable !== false && matches(r, words)).slice(0, MAX_OPTIONS);
    clear(list);
    if (!shown.length) list.appendChild(el('li', { class: 'option none', text: '没有匹配的指标，请换个关键词' }));
    for (const row of shown) {
      const li = el('li', { class: 'option', role: 'option', 'data-code': row.code, 'aria-selected': 'false' }, [
        el('span', { class: 'option-name', text: row.name }),
        el('span', { class: 'option-meta', text: `${row.group} · ${pointsText(row)} · ${row.code}` }),
      ]);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(row); });
      list.appendChild(li);
    }
    active = -1;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  input.addEventListener('input', refresh);
  input.addEventListener('focus', () => { if (input.value.trim() && !chosen) refresh(); });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !shown.length) return;
    if (e.key === 'ArrowDown') { active = Math.min(shown.length - 1, active + 1); mark(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); mark(); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0) { pick(shown[active]); e.preventDefault(); }
    else if (e.key === 'Escape') close();
  });

  return {
    reset() { chosen = null; input.value = ''; close(); onPick(null); },
    chosen: () => chosen,
  };
}
