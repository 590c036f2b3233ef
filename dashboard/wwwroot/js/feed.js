// 实时变动 — the durable change log: the last 24 h on load (GET /changes), then changeLogged pushes (issue 13 item 5).
// A reload shows the same lines again because they come from the server's log, not from this page's memory.
import { $, el, clear, setText, isNum } from './shared/dom.js';
import { get, ProblemError, enc } from './shared/api.js';
import { KIND_LABEL, COLOR_LABEL, COLOR_TITLE, COLORS, time, dayTime, serverNow, chineseOnly } from './shared/format.js';

const MAX_LINES = 200;
const CHANGE_LABEL = { score: '信用分', color: '颜色', emergency: '突发事件', complaint: '投诉', objection: '异议', inspection: '检查' };
const STATUS_LABEL = {
  received: '已受理', substantiated: '属实', unfounded: '不属实', resolved: '已办结',
  open: '办理中', closed: '已办结', upheld: '异议成立', dismissed: '异议不成立', overdue: '已逾期',
  clean: '检查合格', finding: '发现问题', findings: '发现问题', rectified: '已整改', 'open-finding': '待整改', 'overdue-finding': '逾期未整改',
  reported: '已报告', warning: '预警中', responding: '响应中', ended: '已结束', created: '新报告',
};
const state = { seen: new Set(), last: null, legacy: false, onOpen: () => {} };

const keyOf = (e) => [e.at, e.kind, e.id, e.change, e.eventId, e.to].join('|');
const status = (v) => (v === null || v === undefined ? '无' : STATUS_LABEL[v] || chineseOnly(String(v)) || '状态变更');

export function initFeed(onOpen) {
  state.onOpen = onOpen;
  $('ticker').addEventListener('click', (e) => {
    const li = e.target.closest('.ticker-item');
    const kind = li && li.getAttribute('data-kind');
    const ref = li && li.getAttribute('data-subject-ref');
    if (ref && kind !== 'emergency') onOpen(kind, ref); // a masked person id cannot be opened; its ref can
  });
}

export function resetFeed() {
  state.seen.clear();
  state.last = null;
  clear($('ticker'));
  count();
}

/** On load and after every reconnect: what the log holds since the last line shown (or the last 24 h). */
export async function loadFeed() {
  const since = state.last || new Date(serverNow() - 24 * 3600 * 1000).toISOString();
  let cursor = since;
  try {
    for (let page = 0; page < 10; page++) {
      const answer = await get(`/api/v1/changes?since=${enc(cursor)}&limit=1000`);
      const list = (answer && Array.isArray(answer.items)) ? answer.items : [];
      list.forEach(add);
      if (list.length < 1000 || !answer.next || answer.next === cursor) break;
      cursor = answer.next;
    }
    state.legacy = false;
  } catch (err) {
    // Before the change log exists on a server, the feed shows the live score pushes of this session only.
    if (err instanceof ProblemError && err.status === 404) { state.legacy = true; return; }
    throw err;
  }
}

export function onChangeLogged(entry) {
  if (entry && typeof entry === 'object') add(entry);
}

/** scoreChanged lines, only when the server has no change log (older servers). */
export function onScoreChanged(p) {
  if (!state.legacy || !p) return;
  add({ at: p.at, kind: p.kind, id: p.id, name: null, change: 'score', from: p.previousScore, to: p.score, eventId: p.eventId, department: null });
}

function what(e) {
  if (e.change === 'score') {
    const delta = isNum(e.from) && isNum(e.to) ? Number(e.to) - Number(e.from) : null;
    return [
      el('span', { class: 'tk-prev', text: isNum(e.from) ? e.from : '—' }), ' → ', el('b', { class: 'tk-new', text: isNum(e.to) ? e.to : '—' }),
      delta ? el('span', { class: 'tk-delta', text: delta > 0 ? ` ▲+${delta}` : ` ▼${delta}` }) : null,
    ];
  }
  if (e.change === 'color') {
    const sw = (c) => (COLORS.includes(c) ? el('i', { class: 'swatch small color-' + c, title: COLOR_TITLE[c] }) : null);
    return [sw(e.from), ` ${COLOR_LABEL[e.from] || '—'} → `, sw(e.to), ' ', el('b', { text: COLOR_LABEL[e.to] || '—' })];
  }
  return [`${status(e.from)} → `, el('b', { text: status(e.to) })];
}

/** One line of the change log: time, kind, name, what changed (from → to), the department that caused it. */
export function changeLine(e, withDate = false) {
  const delta = e.change === 'score' && isNum(e.from) && isNum(e.to) ? Math.sign(Number(e.to) - Number(e.from)) : 0;
  return el('li', {
    class: 'ticker-item change-' + (CHANGE_LABEL[e.change] ? e.change : 'other') + (delta < 0 ? ' dir-down' : delta > 0 ? ' dir-up' : ''),
    'data-kind': e.kind, 'data-subject-ref': e.ref || (e.kind === 'person' || e.kind === 'official' ? null : e.id), 'data-change': e.change, 'data-at': e.at || '',
  }, [
    el('span', { class: 'tk-time mono', text: withDate ? dayTime(e.at) : time(e.at) }),
    el('span', { class: 'kind-tag kind-' + (KIND_LABEL[e.kind] ? e.kind : 'other'), text: KIND_LABEL[e.kind] || '其他' }),
    el('span', { class: 'tk-who' }, [el('span', { class: 'tk-name', text: e.name || e.id || '—' })]),
    el('span', { class: 'tk-what' }, [el('span', { class: 'tk-change', text: CHANGE_LABEL[e.change] || '变更' }), ' ', ...what(e)]),
    el('span', { class: 'tk-dept', text: chineseOnly(e.department) }),
  ]);
}

function add(e) {
  const key = keyOf(e);
  if (state.seen.has(key)) return;
  state.seen.add(key);
  if (!state.last || String(e.at) > state.last) state.last = e.at;
  const li = changeLine(e);
  // newest first: insert before the first line that is older
  const ul = $('ticker');
  let at = ul.firstChild;
  while (at && String(at.getAttribute('data-at')) > String(e.at || '')) at = at.nextSibling;
  ul.insertBefore(li, at);
  while (ul.children.length > MAX_LINES) ul.removeChild(ul.lastChild);
  count();
}

function count() {
  const n = $('ticker').children.length;
  setText('ticker-count', n ? `近24小时 ${n} 条` : '');
  $('ticker-empty').hidden = n > 0;
}
