// 突发事件应急处置 (张政字〔2021〕95号《张店区突发事件总体应急预案》, domain-rules §8): active incidents, most severe
// first, with the release deadlines counting down on the grid's clock; emergencyChanged pushes update cards in place.
import { $, el, clear, setText, asArray, isNum, flash } from './shared/dom.js';
import { get } from './shared/api.js';
import { hm, dayTime, duration, serverNow, chineseOnly } from './shared/format.js';
import { loadResources, resetResources, showIncidentTitle, cancelResources } from './resources.js';

const SEVERITY_RANK = { 特别重大: 0, 重大: 1, 较大: 2, 一般: 3 };
const SEVERITY_CLASS = { 特别重大: 'sev-1', 重大: 'sev-2', 较大: 'sev-3', 一般: 'sev-4' };
const STATUS = { reported: '已报告', warning: '预警中', responding: '响应中', ended: '已结束' };
const WARNING_COLORS = ['red', 'orange', 'yellow', 'blue']; // level 1..4
const WARNING_LABEL = { red: '红色预警', orange: '橙色预警', yellow: '黄色预警', blue: '蓝色预警' };
const RESPONSE_LABEL = { 1: '一级响应', 2: '二级响应', 3: '三级响应', 4: '四级响应' };
const DEADLINE_LABEL = { authoritative: '权威信息发布（5小时内）', 'press-conference': '新闻发布会（24小时内）' };
const HISTORY_LABEL = { created: '事件报告', warning: '预警调整', response: '响应调整', release: '信息发布', ended: '事件结束', overdue: '发布超时' };

const state = { list: [], loaded: false, selected: null };

export function initEmergencies() {
  const ul = $('emergencies');
  const activate = (e) => {
    const li = e.target.closest('.incident');
    if (!li) return;
    if (e.type === 'keydown') { if (e.key !== 'Enter' && e.key !== ' ') return; e.preventDefault(); }
    select(li.getAttribute('data-incident-id'));
  };
  ul.addEventListener('click', activate);
  ul.addEventListener('keydown', activate);
  render();
}

export async function loadEmergencies() {
  const list = asArray(await get('/api/v1/emergencies?status=active'));
  const before = new Map(state.list.map((x) => [String(x.incidentId), JSON.stringify(x)]));
  const seen = new Set();
  state.list = sort(list.filter((x) => isIncident(x) && x.status !== 'ended' && !seen.has(String(x.incidentId)) && seen.add(String(x.incidentId))));
  const first = !state.loaded;
  state.loaded = true;
  render();
  if (!first) for (const x of state.list) if (before.get(String(x.incidentId)) !== JSON.stringify(x)) flashIncident(String(x.incidentId), before.has(String(x.incidentId)) ? null : 'created');
  syncSelection();
}

export function onEmergencyChanged(p) {
  if (!isIncident(p)) return;
  const id = String(p.incidentId);
  const { change, ...x } = p;
  const i = state.list.findIndex((e) => String(e.incidentId) === id);
  if (change === 'ended' || x.status === 'ended') {
    if (i >= 0) state.list.splice(i, 1);
    render();
    syncSelection();
    return;
  }
  if (!x.title || !x.severity || !x.status) { loadEmergencies().catch(() => {}); return; } // not a whole incident
  const before = i >= 0 ? state.list[i] : null;
  if (i >= 0) state.list[i] = x; else state.list.push(x);
  sort(state.list);
  render();
  flashIncident(id, typeof change === 'string' ? change : before ? null : 'created');
  if (state.selected === id && before && JSON.stringify(before.leadDepartments) !== JSON.stringify(x.leadDepartments)) loadResources(x);
  else syncSelection();
}

const isIncident = (x) => x && typeof x === 'object' && x.incidentId !== undefined && x.incidentId !== null && x.incidentId !== '';
const rank = (x) => SEVERITY_RANK[x.severity] ?? 9;
const response = (x) => (isNum(x.responseLevel) ? Number(x.responseLevel) : 99);
/** 特别重大 > 重大 > 较大 > 一般, then response level 1..4 (none last); ties keep the server's order. */
const sort = (list) => list.sort((a, b) => rank(a) - rank(b) || response(a) - response(b));

function find(id) { return [...$('emergencies').children].find((li) => li.getAttribute('data-incident-id') === String(id)) || null; }

function flashIncident(id, change) {
  const li = find(id);
  if (li && change) li.setAttribute('data-change', change);
  flash(li);
}

function render() {
  const ul = $('emergencies');
  const existing = new Map([...ul.children].map((li) => [li.getAttribute('data-incident-id'), li]));
  state.list.forEach((x, i) => {
    const id = String(x.incidentId);
    const li = existing.get(id) || el('li', { class: 'incident', role: 'option', tabindex: '0' });
    existing.delete(id);
    fill(li, x);
    if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] || null);
  });
  for (const li of existing.values()) li.remove();
  const active = state.list.length > 0;
  $('emergencies-empty').hidden = active;
  $('emergency-resources').hidden = !active;
  $('emergency-panel').setAttribute('data-active', String(active));
  $('dashboard').setAttribute('data-emergency', active ? 'active' : 'none');
  setText('emergencies-count', state.list.length);
  tickDeadlines();
}

function fill(li, x) {
  const id = String(x.incidentId);
  const severity = typeof x.severity === 'string' ? x.severity : '';
  const wColor = WARNING_COLORS.includes(x.warningColor) ? x.warningColor : isNum(x.warningLevel) ? WARNING_COLORS[Number(x.warningLevel) - 1] || null : null;
  const rLevel = isNum(x.responseLevel) ? Number(x.responseLevel) : null;
  const selected = state.selected === id;
  li.className = `incident ${SEVERITY_CLASS[severity] || 'sev-unknown'}${selected ? ' selected' : ''}${li.classList.contains('flash') ? ' flash' : ''}`;
  for (const [k, v] of Object.entries({
    'data-incident-id': id, 'data-severity': severity, 'data-status': x.status || '', 'data-response-level': rLevel ?? '',
    'data-warning-color': x.warningColor ?? '', 'data-escalated': String(!!x.escalated), 'aria-selected': String(selected),
    title: `${x.title || id} · 点击查看应急资源`,
  })) li.setAttribute(k, String(v));
  clear(li);
  li.appendChild(el('div', { class: 'inc-line inc-top' }, [
    el('span', { class: 'inc-severity', text: severity || '—' }),
    el('span', { class: 'inc-title', text: x.title || id }),
    el('span', { class: 'inc-status', 'data-status': x.status || '', text: STATUS[x.status] || '—' }),
  ]));
  li.appendChild(el('div', { class: 'inc-line inc-meta' }, [
    el('span', { class: 'inc-type', text: (x.type || '—') + (x.category ? ' · ' + x.category : '') }),
    x.location ? el('span', { class: 'inc-location', title: '事发地点', text: x.location }) : null,
    el('span', { class: 'inc-occurred mono', title: '发生时间', text: '发生 ' + dayTime(x.occurredAt) }),
  ]));
  const command = [wColor
    ? el('span', { class: 'warning-badge warn-' + wColor, 'data-color': wColor, text: WARNING_LABEL[wColor] })
    : el('span', { class: 'warning-badge warn-none', 'data-color': '', text: '未发布预警' })];
  if (rLevel !== null) {
    command.push(el('span', { class: 'inc-response', 'data-level': rLevel, text: RESPONSE_LABEL[rLevel] || `${rLevel}级响应` }));
    if (x.commander) command.push(el('span', { class: 'inc-commander' }, ['指挥 ', el('b', { text: x.commander })]));
    if (chineseOnly(x.decidedBy)) command.push(el('span', { class: 'inc-decided muted', text: x.decidedBy + '决定启动' }));
  } else command.push(el('span', { class: 'inc-response inc-none', 'data-level': '', text: '未启动响应' }));
  li.appendChild(el('div', { class: 'inc-line inc-command' }, command));
  const leads = asArray(x.leadDepartments).filter((d) => typeof d === 'string' && d);
  li.appendChild(el('div', { class: 'inc-line inc-leads' }, [
    el('span', { class: 'inc-label', text: '牵头' }), el('span', { class: 'inc-leads-list', text: leads.length ? leads.join('、') : '—' }),
  ]));
  if (x.escalated) {
    li.appendChild(el('div', { class: 'inc-line inc-escalation', title: '按事件级别由上级统一领导（张政字〔2021〕95号《张店区突发事件总体应急预案》）' },
      ['上报 ' + (x.leadingJurisdiction || '上级党委、政府')]));
  }
  // 信息发布时限: authoritative release within 5 h, press conference within 24 h (《张店区突发事件总体应急预案》信息发布)
  const deadlines = asArray(x.deadlines).filter((d) => d && typeof d === 'object');
  if (deadlines.length) {
    const ul = el('ul', { class: 'deadlines', 'aria-label': '信息发布时限' });
    for (const d of deadlines) {
      const node = el('li', { class: 'deadline', 'data-kind': d.kind || '', 'data-overdue': String(!!d.overdue), 'data-due-at': d.dueAt || '', 'data-done': String(!!d.doneAt) }, [
        el('span', { class: 'deadline-label', text: DEADLINE_LABEL[d.kind] || '信息发布' }),
        el('span', { class: 'deadline-countdown mono' }),
        el('span', { class: 'deadline-due muted mono', text: '时限 ' + dayTime(d.dueAt) }),
      ]);
      node._deadline = { due: d.dueAt ? new Date(d.dueAt) : null, done: d.doneAt ? new Date(d.doneAt) : null, serverOverdue: d.overdue === true };
      ul.appendChild(node);
    }
    li.appendChild(ul);
  }
  const hist = asArray(x.history).filter((h) => h && typeof h === 'object');
  if (hist.length) {
    const h = hist[hist.length - 1];
    const by = chineseOnly(h.by);
    li.appendChild(el('div', { class: 'inc-line inc-latest muted' }, [
      el('span', { class: 'mono', text: dayTime(h.at) }),
      el('span', { class: 'inc-latest-text', text: (chineseOnly(h.detail) || HISTORY_LABEL[h.change] || '') + (by ? `（${by}）` : '') }),
    ]));
  }
}

/** Every second: countdowns; a deadline that passes here turns overdue at once. */
export function tickDeadlines() {
  const now = serverNow();
  let overdueIncidents = 0;
  for (const li of $('emergencies').children) {
    let any = false;
    for (const n of li.querySelectorAll('.deadline')) {
      const d = n._deadline;
      if (!d) continue;
      let text, overdue, urgent = false;
      if (d.done) {
        overdue = d.serverOverdue || (d.due ? d.done > d.due : false);
        text = `已于 ${hm(d.done)} 发布` + (overdue && d.due ? `（超时 ${duration(d.done - d.due)}）` : '');
      } else if (!d.due) {
        overdue = d.serverOverdue;
        text = overdue ? '已超时' : '时限未知';
      } else {
        overdue = d.serverOverdue || now > d.due.getTime();
        if (overdue) text = '已超时 ' + duration(now - d.due.getTime());
        else { text = '剩余 ' + duration(d.due.getTime() - now + 999); urgent = d.due.getTime() - now <= 3600000; }
      }
      any ||= overdue;
      n.setAttribute('data-overdue', String(overdue));
      n.setAttribute('data-urgent', String(urgent));
      const c = n.querySelector('.deadline-countdown');
      if (c.textContent !== text) c.textContent = text;
    }
    li.setAttribute('data-overdue', String(any));
    if (any) overdueIncidents++;
  }
  setText('emergencies-overdue-count', overdueIncidents);
}

function select(id) {
  state.selected = String(id);
  markSelected();
  const x = state.list.find((e) => String(e.incidentId) === state.selected);
  if (x) loadResources(x);
  find(id)?.scrollIntoView?.({ block: 'nearest' });
}

function markSelected() {
  $('emergency-panel').setAttribute('data-selection', String(state.selected !== null));
  for (const li of $('emergencies').children) {
    const on = li.getAttribute('data-incident-id') === state.selected;
    li.classList.toggle('selected', on);
    li.setAttribute('aria-selected', String(on));
  }
}

/** After the list changed: drop the selection when its incident left; keep the shown title current. */
function syncSelection() {
  if (state.selected === null) return;
  const x = state.list.find((e) => String(e.incidentId) === state.selected);
  if (!x) { state.selected = null; cancelResources(); resetResources(); }
  else showIncidentTitle(x);
  markSelected();
}
