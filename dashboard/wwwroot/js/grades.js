// 信用等级分布: GET /stats/grades on (re)connect, then every gradesChanged push (no polling, issue 13 item 6).
import { $, el, clear, setText, num } from './shared/dom.js';
import { get } from './shared/api.js';
import { KIND_LABEL, time, serverNow } from './shared/format.js';

const KIND_ORDER = ['enterprise', 'merchant', 'person', 'official'];
const GRADE_ORDER = ['AAA', 'AA', 'A+', 'A', 'A-', 'B', 'C', 'D'];
const GRADE_NOTE = { AAA: '诚信守法', AA: '诚信守法', 'A+': '诚信守法', A: '诚信守法', 'A-': '诚信守法', B: '轻微失信', C: '一般失信', D: '严重失信' };
const STAR_ORDER = ['6', '5', '4', '3', '2', '1'];
const STAR_NOTE = { 6: '诚信模范', 5: '诚信优秀', 4: '诚信良好', 3: '诚信', 2: '较诚信', 1: '不诚信' };
const BAND = {
  official: { 6: 'good', 5: 'good', 4: 'ok', 3: 'ok', 2: 'warn', 1: 'bad' },
  other: { AAA: 'good', AA: 'good', 'A+': 'good', A: 'ok', 'A-': 'ok', B: 'warn', C: 'bad', D: 'severe' },
};

export const loadGrades = async () => renderGrades(await get('/api/v1/stats/grades'));

const keysOf = (obj, order) => [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k))];

export function renderGrades(stats) {
  stats = stats && typeof stats === 'object' ? stats : {};
  const root = $('grades');
  clear(root);
  for (const kind of KIND_ORDER) {
    const dist = stats[kind] && typeof stats[kind] === 'object' ? stats[kind] : {};
    const official = kind === 'official';
    const keys = keysOf(dist, official ? STAR_ORDER : GRADE_ORDER);
    const total = keys.reduce((a, g) => a + num(dist[g]), 0);
    const max = Math.max(0, ...keys.map((g) => num(dist[g])));
    const panel = el('div', { class: 'grade-panel', 'data-kind': kind }, [
      el('div', { class: 'grade-head' }, [
        el('span', { class: 'grade-kind', text: KIND_LABEL[kind] }),
        el('span', { class: 'grade-total', text: '共 ' + total }),
      ]),
    ]);
    if (total === 0) panel.appendChild(el('div', { class: 'empty small', text: '暂无数据' }));
    for (const g of keys) {
      const n = num(dist[g]);
      const fill = el('span', { class: 'bar-fill band-' + ((official ? BAND.official : BAND.other)[g] || 'ok') });
      fill.style.width = (max > 0 ? (n / max) * 100 : 0).toFixed(1) + '%';
      const label = official ? g + '★' : g;
      const note = official ? STAR_NOTE[g] : GRADE_NOTE[g];
      panel.appendChild(el('div', { class: 'grade-bar', 'data-grade': g, title: note ? `${label} · ${note}` : label }, [
        el('span', { class: 'bar-label', text: label }), el('span', { class: 'bar-track' }, [fill]), el('span', { class: 'bar-count', text: n }),
      ]));
    }
    if (kind === 'person') panel.appendChild(el('div', { class: 'grade-foot', text: '个人信用分仅用于守信激励' }));
    root.appendChild(panel);
  }
  setText('grades-updated', '更新于 ' + time(stats.computedAt || new Date(serverNow())));
}
