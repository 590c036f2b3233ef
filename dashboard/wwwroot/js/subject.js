// 信用档案 (subject page): evaluation, every record with its explanation and citation, colour reasons, the path back
// (nextChanges), objections and history (issue 13 item 2). Persons and officials stay masked until "显示" — an audited read.
import { $, el, clear, setText, asArray, isNum } from './shared/dom.js';
import { get, enc, items, problemText, StaleError } from './shared/api.js';
import { KIND_LABEL, COLOR_LABEL, COLOR_TITLE, safeColor, day, serverNow } from './shared/format.js';
import { changeLine } from './feed.js';

const RECORD_STATUS = { active: '有效', expired: '已到期', pending: '待生效', revoked: '已撤销', repaired: '已修复', superseded: '已被替代', objected: '异议中' };
const REASON = {
  'grade-d': '信用等级D', 'overdue-finding': '逾期未整改', expelled: '已清退', 'grade-c': '信用等级C', 'open-finding': '限期整改中',
  'unresolved-complaint': '投诉未办结', 'recent-complaint': '近期投诉', grade: '信用等级',
};
const OBJECTION_STATUS = { open: '办理中', closed: '已办结' };
const state = { kind: null, ref: null, seq: 0 };

export function initSubject() {
  $('subject-close').addEventListener('click', () => $('subject').close());
  $('subject').addEventListener('click', (e) => { if (e.target === $('subject')) $('subject').close(); }); // the backdrop
}

export async function openSubject(kind, ref) {
  if (!kind || !ref) return;
  const dialog = $('subject');
  Object.assign(state, { kind, ref });
  const mine = ++state.seq;
  clear($('subject-body'));
  setText('subject-name', '加载中……');
  setText('subject-id', '');
  dialog.setAttribute('data-kind', kind);
  dialog.setAttribute('data-state', 'loading');
  if (!dialog.open) dialog.showModal();
  try {
    const view = await get(`/api/v1/subjects/${enc(kind)}/${enc(ref)}`);
    if (mine !== state.seq) return;
    render(view);
    dialog.setAttribute('data-state', 'loaded');
    extras(view, mine);
  } catch (err) {
    if (err instanceof StaleError || mine !== state.seq) return;
    dialog.setAttribute('data-state', 'error');
    setText('subject-name', '无法打开信用档案');
    $('subject-body').appendChild(el('p', { class: 'problem', role: 'alert', text: problemText(err) }));
  }
}

const section = (key, title, children) => el('section', { class: 'subject-section', 'data-section': key }, [el('h3', { text: title }), ...children]);

function header(v) {
  setText('subject-kind', KIND_LABEL[v.kind] || '主体');
  setText('subject-name', v.name || v.id);
  setText('subject-id', v.id);
  const tools = $('subject-tools');
  clear(tools);
  if (v.kind === 'person' || v.kind === 'official') {
    const show = el('button', { type: 'button', id: 'subject-reveal', class: 'btn', title: '显示完整身份证号（查询将记入审计日志）', text: '显示' });
    show.addEventListener('click', () => reveal(show));
    tools.appendChild(show);
  }
  if (v.kind === 'merchant') tools.appendChild(el('a', { class: 'btn', href: '/m/' + enc(v.id), target: '_blank', rel: 'noopener', text: '公开页' }));
}

async function reveal(button) {
  const mine = state.seq;
  button.disabled = true;
  try {
    const view = await get(`/api/v1/subjects/${enc(state.kind)}/${enc(state.ref)}?reveal=true`);
    if (mine !== state.seq) return;
    setText('subject-id', view.id);
    button.textContent = '已显示（已记入审计）';
  } catch (err) {
    if (err instanceof StaleError) return;
    button.disabled = false;
    $('subject-body').prepend(el('p', { class: 'problem', role: 'alert', text: problemText(err) }));
  }
}

function evaluation(v) {
  const color = safeColor(v.color);
  const facts = [
    isNum(v.score) ? ['信用分', v.score] : null,
    v.grade ? ['等级', v.grade] : null,
    v.category ? ['类别', v.category] : null,
    isNum(v.stars) ? ['星级', '★'.repeat(Number(v.stars)) + `（${v.stars}星）`] : null,
    v.kind === 'merchant' && v.color ? ['颜色', COLOR_TITLE[color] || v.color] : null,
    ['评价日期', day(v.asOf)],
  ].filter(Boolean);
  return section('evaluation', '信用评价', [
    el('dl', { class: 'facts' }, facts.map(([k, x]) => el('div', { class: 'fact' }, [el('dt', { text: k }), el('dd', { class: k === '颜色' ? 'color-text color-' + color : null, text: x })]))),
    v.downgraded ? el('p', { class: 'warn-text', text: '已降级' }) : null,
    asArray(v.consequences).length ? el('ul', { class: 'consequences' }, asArray(v.consequences).map((c) => el('li', { text: c }))) : null,
  ]);
}

function colorReasons(v) {
  if (v.kind !== 'merchant' || !Array.isArray(v.colorReasons)) return null;
  const list = v.colorReasons;
  return section('color-reasons', '颜色原因', [list.length
    ? el('ul', { class: 'reasons' }, list.map((r) => el('li', { class: 'reason', 'data-reason': r.reason }, [
      el('span', { class: 'reason-tag', text: REASON[r.reason] || '原因' }), ' ', r.text || '',
    ])))
    : el('p', { class: 'muted', text: '红名单：无扣分原因' })]);
}

function nextChanges(v) {
  if (!Array.isArray(v.nextChanges)) return null;
  const list = v.nextChanges;
  return section('next-changes', '信用修复路径（预计变化）', [list.length
    ? el('ol', { class: 'next-changes' }, list.map((n) => el('li', { class: 'next-change' }, [
      el('span', { class: 'next-on mono', text: day(n.on) }),
      el('span', { class: 'next-what', text: n.what || '' }),
      el('span', { class: 'next-result', text: [isNum(n.score) ? `${n.score}分` : null, n.grade, isNum(n.stars) ? `${n.stars}★` : null, n.color ? COLOR_LABEL[n.color] : null].filter(Boolean).join(' · ') }),
    ])))
    : el('p', { class: 'muted', text: '近期没有自动发生的变化' })]);
}

function records(v) {
  const list = asArray(v.records);
  return section('records', `信用记录（${list.length}）`, [list.length
    ? el('ol', { class: 'records' }, list.map((r) => el('li', { class: 'record', 'data-record-id': r.recordId, 'data-status': r.status }, [
      el('div', { class: 'record-head' }, [
        el('span', { class: 'record-status', text: RECORD_STATUS[r.status] || '—' }),
        el('b', { class: 'record-name', text: [r.group, r.name].filter(Boolean).join(' · ') || r.indicator }),
        el('span', { class: 'record-points mono', text: isNum(r.effectivePoints) ? (r.effectivePoints > 0 ? '+' : '') + r.effectivePoints + '分' : '' }),
      ]),
      el('div', { class: 'record-meta muted' }, [
        [r.department, r.actionRef, r.occurredAt ? '发生 ' + day(r.occurredAt) : null, r.expiresAt ? '到期 ' + day(r.expiresAt) : null,
          isNum(r.basePoints) && r.basePoints !== r.effectivePoints ? `基础分 ${r.basePoints}` : null].filter(Boolean).join(' · '),
      ]),
      r.explanation ? el('p', { class: 'record-explanation', text: r.explanation }) : null,
      r.citation ? el('p', { class: 'record-citation', text: '依据：' + r.citation }) : null,
    ])))
    : el('p', { class: 'muted', text: '没有信用记录' })]);
}

function render(v) {
  header(v);
  const body = $('subject-body');
  clear(body);
  for (const s of [evaluation(v), colorReasons(v), nextChanges(v), records(v),
    section('objections', '异议', [el('p', { class: 'muted', text: '加载中……' })]),
    section('history', '变动历史（近30天）', [el('p', { class: 'muted', text: '加载中……' })])]) if (s) body.appendChild(s);
}

/** Objections on the subject's records, and the change log's lines about it. */
async function extras(v, mine) {
  const recordIds = new Set(asArray(v.records).map((r) => r.recordId));
  const replace = (key, nodes) => {
    if (mine !== state.seq) return;
    const s = $('subject-body').querySelector(`[data-section='${key}']`);
    if (!s) return;
    while (s.children.length > 1) s.lastChild.remove();
    nodes.forEach((n) => s.appendChild(n));
  };
  get('/api/v1/objections').then((list) => {
    const mineList = items(list).filter((o) => recordIds.has(o.recordId));
    replace('objections', [mineList.length
      ? el('ul', { class: 'subject-objections' }, mineList.map((o) => el('li', { 'data-objection-id': o.objectionId }, [
        `${o.recordName || o.recordId} · ${OBJECTION_STATUS[o.status] || o.status} · 受理 ${day(o.openedAt)} · 时限 ${day(o.dueAt)}`,
        o.overdue ? el('b', { class: 'warn-text', text: ' 已逾期' }) : null,
      ])))
      : el('p', { class: 'muted', text: '没有异议' })]);
  }).catch((err) => replace('objections', [el('p', { class: 'muted', text: problemText(err) })]));

  const since = new Date(serverNow() - 30 * 86400 * 1000).toISOString();
  get(`/api/v1/changes?since=${enc(since)}&limit=1000`).then((answer) => {
    const lines = items(answer).filter((e) => e.id === v.id && (e.kind === v.kind || (v.kind === 'merchant' && e.kind === 'enterprise'))).reverse();
    replace('history', [lines.length ? el('ul', { class: 'history' }, lines.map((e) => changeLine(e, true))) : el('p', { class: 'muted', text: '近30天没有变动' })]);
  }).catch((err) => replace('history', [el('p', { class: 'muted', text: err.status === 404 ? '变动记录暂不可用' : problemText(err) })]));
}
