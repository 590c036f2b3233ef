// 异议办理 (L815 异议处理, queue): GET /api/v1/objections?status=open (overdue included) with names and record names;
// resolve (upheld / not, with a note) for keys with the credit-center role; refusals show the API's problem text.
import { $, el, clear, setText } from './shared/dom.js';
import { get, post, enc, items, can, problemText, StaleError } from './shared/api.js';
import { KIND_LABEL, day, serverNow } from './shared/format.js';

let onOpen = () => {};
let seq = 0;

export function initObjections(open) {
  onOpen = open;
  $('objections').addEventListener('click', (e) => {
    const li = e.target.closest('.objection');
    const b = e.target.closest('button[data-action]');
    if (b && li) act(li, b);
    else if (e.target.closest('.obj-subject') && li && li.getAttribute('data-ref')) onOpen(li.getAttribute('data-kind'), li.getAttribute('data-ref'));
  });
}

export async function loadObjections() {
  const mine = ++seq;
  let list;
  try {
    list = items(await get('/api/v1/objections?status=open'));
  } catch (err) {
    if (err instanceof StaleError || mine !== seq) return;
    render([], problemText(err));
    return;
  }
  if (mine === seq) render(list, null);
}

function dueText(o) {
  const days = Math.ceil((Date.parse(o.dueAt + 'T23:59:59+08:00') - serverNow()) / 86400000);
  if (!o.dueAt || Number.isNaN(days)) return '—';
  return o.overdue || days < 0 ? `逾期 ${Math.max(1, -days)} 天` : `剩余 ${Math.max(0, days)} 天`;
}

function render(list, problem) {
  const ul = $('objections');
  clear(ul);
  list = list.slice().sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || String(a.dueAt).localeCompare(String(b.dueAt)));
  for (const o of list) {
    const natural = o.subjectKind === 'person' || o.subjectKind === 'official';
    ul.appendChild(el('li', {
      class: 'objection queue-item' + (o.overdue ? ' overdue' : ''), 'data-objection-id': o.objectionId, 'data-status': o.overdue ? 'overdue' : 'open',
      'data-kind': o.subjectKind, 'data-ref': o.ref || (natural ? '' : o.subjectId),
    }, [
      el('div', { class: 'q-line' }, [
        el('span', { class: 'kind-tag kind-' + (KIND_LABEL[o.subjectKind] ? o.subjectKind : 'other'), text: KIND_LABEL[o.subjectKind] || '其他' }),
        el('button', { type: 'button', class: 'obj-subject link', text: o.name || o.subjectId || '—' }),
        el('span', { class: 'mono muted small', text: o.subjectId || '' }),
        el('span', { class: 'obj-due', text: dueText(o) }),
      ]),
      el('div', { class: 'q-line small' }, [el('span', { class: 'obj-record', text: [o.group, o.recordName].filter(Boolean).join(' · ') || '信用记录' })]),
      o.reason ? el('p', { class: 'q-text', text: o.reason }) : null,
      el('div', { class: 'q-line muted small' }, [el('span', { text: `受理 ${day(o.openedAt)} · 时限 ${day(o.dueAt)}` })]),
      can('credit-center') ? el('div', { class: 'actions' }, [
        el('input', { type: 'text', class: 'obj-note', maxlength: '2000', placeholder: '办理意见（可选）', 'aria-label': '办理意见' }),
        el('button', { type: 'button', class: 'btn', 'data-action': 'upheld', title: '异议成立：撤销该记录', text: '异议成立' }),
        el('button', { type: 'button', class: 'btn', 'data-action': 'dismissed', title: '异议不成立：维持该记录', text: '不成立' }),
      ]) : null,
      el('p', { class: 'problem', role: 'alert', hidden: 'hidden' }),
    ]));
  }
  setText('objections-open-count', list.length);
  setText('objections-overdue-count', list.filter((o) => o.overdue).length);
  setText('objections-count', list.length);
  $('objections-empty').hidden = list.length > 0 && !problem;
  setText('objections-empty', problem || '暂无待办异议');
}

async function act(li, button) {
  const problem = li.querySelector('.problem');
  const note = li.querySelector('.obj-note');
  li.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = true; });
  try {
    await post(`/api/v1/objections/${enc(li.getAttribute('data-objection-id'))}/resolve`,
      { upheld: button.getAttribute('data-action') === 'upheld', note: note && note.value.trim() ? note.value.trim() : null });
    await loadObjections();
  } catch (err) {
    if (err instanceof StaleError) return;
    problem.textContent = problemText(err);
    problem.hidden = false;
    li.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = false; });
  }
}
