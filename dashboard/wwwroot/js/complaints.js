// 投诉办理 (queue): GET /api/v1/complaints?status=; verdict and resolve for keys with the reporter or credit-center role.
// A refused action shows the API's own Chinese problem text under the complaint (issue 13 item 3).
import { $, el, clear, setText, isNum } from './shared/dom.js';
import { get, post, enc, items, can, problemText, StaleError } from './shared/api.js';
import { dayTime, chineseOnly } from './shared/format.js';

const STATUS = { received: '待核查', substantiated: '属实', unfounded: '不属实', resolved: '已办结' };
let onOpen = () => {};
let seq = 0;

export function initComplaints(open) {
  onOpen = open;
  $('complaints-status').addEventListener('change', () => loadComplaints().catch(() => {}));
  $('complaints').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-action]');
    const li = e.target.closest('.complaint');
    if (b && li) act(li, b);
    else if (e.target.closest('.cp-merchant') && li) onOpen('merchant', li.getAttribute('data-merchant-id'));
  });
}

export async function loadComplaints() {
  const mine = ++seq;
  const status = $('complaints-status').value;
  let answer;
  try {
    answer = await get(`/api/v1/complaints?status=${enc(status)}&pageSize=200`);
  } catch (err) {
    if (err instanceof StaleError || mine !== seq) return;
    render([], err.status === 404 ? '投诉列表暂不可用' : problemText(err));
    return;
  }
  if (mine !== seq) return;
  const list = items(answer);
  render(list, null);
  if (status === 'received') setText('complaints-count', isNum(answer && answer.total) ? answer.total : list.length);
}

function actions(c) {
  if (!can('reporter', 'credit-center')) return null; // the operator role alone only reads the queue
  const buttons = c.status === 'received'
    ? [['verdict-true', '属实'], ['verdict-false', '不属实']]
    : c.status === 'resolved' ? [] : [['resolve', '办结']];
  if (!buttons.length) return null;
  return el('div', { class: 'actions' }, buttons.map(([a, t]) => el('button', { type: 'button', class: 'btn', 'data-action': a, text: t })));
}

function render(list, problem) {
  const ul = $('complaints');
  clear(ul);
  for (const c of list) {
    const v = c.verdict && typeof c.verdict === 'object' ? c.verdict : null;
    ul.appendChild(el('li', { class: 'complaint queue-item', 'data-complaint-id': c.complaintId, 'data-merchant-id': c.merchantId, 'data-status': c.status }, [
      el('div', { class: 'q-line' }, [
        el('button', { type: 'button', class: 'cp-merchant link', title: '查看信用档案', text: c.merchantName || c.merchantId }),
        c.street ? el('span', { class: 'muted small', text: c.street }) : null,
        el('span', { class: 'q-status', 'data-status': c.status, text: STATUS[c.status] || '—' }),
      ]),
      el('p', { class: 'q-text', text: c.text || '' }),
      el('div', { class: 'q-line muted small' }, [
        el('span', { text: '收到 ' + dayTime(c.receivedAt) }),
        v ? el('span', { text: `${v.substantiated ? '属实' : '不属实'} · ${chineseOnly(v.department)} · ${dayTime(v.at)}` }) : null,
        c.resolvedAt ? el('span', { text: '办结 ' + dayTime(c.resolvedAt) }) : null,
      ]),
      actions(c),
      el('p', { class: 'problem', role: 'alert', hidden: 'hidden' }),
    ]));
  }
  $('complaints-empty').hidden = list.length > 0 && !problem;
  setText('complaints-empty', problem || '暂无投诉');
}

async function act(li, button) {
  const id = li.getAttribute('data-complaint-id');
  const a = button.getAttribute('data-action');
  const problem = li.querySelector('.problem');
  li.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = true; });
  try {
    if (a === 'resolve') await post(`/api/v1/complaints/${enc(id)}/resolve`);
    else await post(`/api/v1/complaints/${enc(id)}/verdict`, { substantiated: a === 'verdict-true' });
    await loadComplaints();
  } catch (err) {
    if (err instanceof StaleError) return;
    problem.textContent = problemText(err);
    problem.hidden = false;
    li.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = false; });
  }
}
