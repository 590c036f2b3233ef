// “双公示”按时报送率 (7 days after the decision): GET /stats/departments at every sync.
import { $, el, clear, asArray, isNum, num } from './shared/dom.js';
import { get } from './shared/api.js';
import { pct } from './shared/format.js';

export const loadDepartments = async () => renderDepartments(asArray(await get('/api/v1/stats/departments')));

export function renderDepartments(rows) {
  const body = $('departments-body');
  clear(body);
  const rate = (r) => (isNum(r.onTimeRate) ? Number(r.onTimeRate) : null);
  rows = rows.filter(Boolean).sort((a, b) => (rate(a) ?? 2) - (rate(b) ?? 2) || String(a.department || '').localeCompare(String(b.department || ''), 'zh-CN'));
  for (const r of rows) {
    const v = rate(r);
    const band = v === null ? 'none' : v >= 0.95 ? 'good' : v >= 0.8 ? 'warn' : 'bad';
    const fill = el('span', { class: 'bar-fill rate-' + band });
    fill.style.width = v === null ? '0' : (Math.max(0, Math.min(1, v)) * 100).toFixed(1) + '%';
    body.appendChild(el('tr', { class: 'dept-row', 'data-department': r.department }, [
      el('td', { class: 'dept-name', text: r.department || '—' }),
      el('td', { class: 'num', text: num(r.total) }),
      el('td', { class: 'num', text: num(r.onTime) }),
      el('td', { class: 'num' + (num(r.late) > 0 ? ' late' : ''), text: num(r.late) }),
      el('td', { class: 'rate-col' }, [el('div', { class: 'rate-cell' }, [
        el('span', { class: 'bar-track' }, [fill]), el('span', { class: 'rate-text rate-' + band, text: v === null ? '—' : pct(v) }),
      ])]),
    ]));
  }
  $('departments-empty').hidden = rows.length > 0;
}
