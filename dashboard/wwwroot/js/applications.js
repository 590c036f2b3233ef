// 门户申请 (信用张店 objection and repair applications, domain-rules §10): GET /api/v1/applications?status= (contacts and
// personal IDs masked); for keys with the credit-center role: accept (an objection opens, due from the day received),
// reject with a reason, refuse an accepted repair with a reason. A refused action shows the API's Chinese problem text.
import { $, el, clear, setText } from './shared/dom.js';
import { get, post, enc, items, can, problemText, StaleError } from './shared/api.js';
import { KIND_LABEL, dayTime, day } from './shared/format.js';

const STATUS = {
  submitted: '待受理', accepted: '已受理', rejected: '不予受理', open: '异议办理中', upheld: '异议成立',
  dismissed: '异议不成立', repaired: '已修复', refused: '不予修复',
};
const TYPE = { objection: '异议', repair: '信用修复' };
let seq = 0;

export function initApplications() {
  $('applications-status').addEventListener('change', () => loadApplications().catch(() => {}));
  $('applications').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-action]');
    const li = e.target.closest('.application');
    if (b && li) act(li, b);
  });
}

export async function loadApplications() {
  const mine = ++seq;
  const status = $('applications-status').value;
  let answer;
  try {
    answer = await get(`/api/v1/applications?status=${enc(status)}&pageSize=200`);
  } catch (err) {
    if (err instanceof StaleError || mine !== seq) return;
    render([], problemText(err), status);
    return;
  }
  if (mine === seq) render(items(answer), null, status, answer && answer.total);
}

function actions(a) {
  if (!can('credit-center')) return null;
  const reason = el('input', { type: 'text', class: 'app-reason', maxlength: '2000', placeholder: '理由（驳回、不予修复时必填）', 'aria-label': '理由' });
  if (a.status === 'submitted') {
    return el('div', { class: 'actions' }, [
      a.type === 'objection' ? el('label', { class: 'small' }, [el('input', { type: 'checkbox', class: 'app-others' }), ' 需其他单位核实']) : null,
      reason,
      el('button', { type: 'button', class: 'btn', 'data-action': 'accept', text: '受理' }),
      el('button', { type: 'button', class: 'btn', 'data-action': 'reject', text: '驳回' }),
    ]);
  }
  if (a.status === 'accepted' && a.type === 'repair') {
    return el('div', { class: 'actions' }, [
      reason,
      el('span', { class: 'muted small', text: `修复请在记录上办理（applicationId ${a.applicationId}）` }),
      el('button', { type: 'button', class: 'btn', 'data-action': 'refuse', text: '不予修复' }),
    ]);
  }
  return null;
}

function render(list, problem, status, total) {
  const ul = $('applications');
  clear(ul);
  for (const a of list) {
    ul.appendChild(el('li', { class: 'application queue-item', 'data-application-id': a.applicationId, 'data-status': a.status }, [
      el('div', { class: 'q-line' }, [
        el('span', { class: 'kind-tag kind-other', text: TYPE[a.type] || '申请' }),
        el('span', { class: 'mono', text: a.applicationId }),
        el('span', { class: 'app-status', text: STATUS[a.status] || a.status }),
      ]),
      el('div', { class: 'q-line small' }, [
        el('span', { text: KIND_LABEL[a.subjectKind] || '' }),
        el('span', { class: 'mono muted', text: a.subjectId || '' }),
        el('span', { class: 'mono', text: `记录 ${a.recordId}` }),
      ]),
      a.reason ? el('p', { class: 'q-text', text: a.reason }) : null,
      el('div', { class: 'q-line muted small' }, [
        el('span', { text: `收到 ${dayTime(a.receivedAt)}` }),
        a.dueAt ? el('span', { text: `时限 ${day(a.dueAt)}` }) : null,
        el('span', { text: `联系方式 ${a.contact || '—'}` }),
      ]),
      actions(a),
      el('p', { class: 'problem', role: 'alert', hidden: 'hidden' }),
    ]));
  }
  if (status === 'submitted') setText('applications-count', list.length);
  $('applications-empty').hidden = list.length > 0 && !problem;
  setText('applications-empty', problem || '暂无申请');
  if (typeof total === 'number' && total > list.length) setText('applications-more', `共 ${total} 件，显示前 ${list.length} 件`);
  else setText('applications-more', '');
}

async function act(li, button) {
  const id = li.getAttribute('data-application-id');
  const action = button.getAttribute('data-action');
  const problem = li.querySelector('.problem');
  const reason = li.querySelector('.app-reason');
  const others = li.querySelector('.app-others');
  const buttons = li.querySelectorAll('button[data-action]');
  buttons.forEach((b) => { b.disabled = true; });
  problem.hidden = true;
  try {
    const body = action === 'accept' ? { needsOtherUnits: !!(others && others.checked) } : { reason: reason && reason.value.trim() ? reason.value.trim() : null };
    await post(`/api/v1/applications/${enc(id)}/${action}`, body);
    await loadApplications();
  } catch (err) {
    if (err instanceof StaleError) return;
    problem.textContent = problemText(err);
    problem.hidden = false;
    buttons.forEach((b) => { b.disabled = false; });
  }
}
