// 本部门近期事件: GET /api/v1/events?mine=true&since= (the last 7 days, newest first) with each event's status:
// 已受理 (accepted) → 已生效 (applied) or 已退回 (rejected, with the reason). Polled quickly while an event is still
// on its way, slowly otherwise, and at once after every submit.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, enc, session } from '/js/shared/api.js';
import { KIND_LABEL, day, dayTime, serverNow } from '/js/shared/format.js';

const FAST_MS = 1500;
const SLOW_MS = 15000;
const DAYS = 7;
const STATUS = { accepted: '已受理', applied: '已生效', rejected: '已退回' };
let timer = null;

function item(e) {
  return el('li', { class: 'item recent-item', 'data-event-id': e.eventId, 'data-status': e.status }, [
    el('div', { class: 'item-head' }, [
      el('span', { class: `badge badge-${e.status}`, text: STATUS[e.status] || e.status }),
      el('b', { class: 'recent-name', text: e.indicatorName || e.indicator }),
    ]),
    el('p', { class: 'small' }, [
      `${KIND_LABEL[e.subjectKind] || e.subjectKind} `,
      el('span', { class: 'mono', text: e.subjectId }),
      ` · 决定日期 ${day(e.occurredAt)}`,
      e.actionRef ? ` · ${e.actionRef}` : null,
    ]),
    e.status === 'rejected' && e.reason ? el('p', { class: 'problem recent-reason', text: `退回原因：${e.reason}` }) : null,
    el('p', { class: 'muted small' }, [`报送于 ${dayTime(e.receivedAt)} · `, el('span', { class: 'mono', text: e.eventId })]),
  ]);
}

export async function loadRecent() {
  clearTimeout(timer);
  const id = session.id;
  const since = new Date(serverNow() - DAYS * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
  let answer;
  try {
    answer = await get(`/api/v1/events?mine=true&since=${enc(since)}&pageSize=30`);
  } catch (err) {
    if (id === session.id) timer = setTimeout(loadRecent, SLOW_MS);
    throw err;
  }
  if (id !== session.id) return;
  const list = Array.isArray(answer.items) ? answer.items : [];
  const ul = $('recent');
  clear(ul);
  for (const e of list) ul.appendChild(item(e));
  $('recent-empty').hidden = list.length > 0;
  setText('recent-count', answer.total > list.length ? `近${DAYS}日 ${answer.total} 件，显示最新 ${list.length} 件` : `近${DAYS}日 ${answer.total} 件`);
  timer = setTimeout(() => loadRecent().catch(() => {}), list.some((e) => e.status === 'accepted') ? FAST_MS : SLOW_MS);
}

export function stopRecent() { clearTimeout(timer); }

export function initRecent() {
  $('recent-refresh').addEventListener('click', () => loadRecent().catch(() => {}));
}
