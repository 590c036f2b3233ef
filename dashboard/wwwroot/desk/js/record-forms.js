// 行政许可 (POST /api/v1/licences, 谁许可谁录入) and 信用承诺 (POST /api/v1/commitments), http-api "Department desk".
// Both are idempotent on their id, made here and kept until the record is created. Below each form: the subject's
// records as the API lists them (GET /api/v1/licences?subjectId=, GET /api/v1/commitments?subjectId=), shown after a
// submit and on 查询; a commitment's status (履约中 / 已违诺 with the breaching record) is the API's, derived there.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, post, enc, items, problemText } from '/js/shared/api.js';
import { newId, today, value, compact, clearErrors, showProblem, done, busy } from './forms.js';

const COMMITMENT_STATUS = { active: '履约中', breached: '已违诺' };

function licenceItem(l) {
  return el('li', { class: 'item record-item', 'data-licence-id': l.licenceId }, [
    el('div', { class: 'item-head' }, [
      el('b', { text: l.name }), el('span', { class: 'mono small', text: `（${l.number}）` }),
      l.late ? el('span', { class: 'badge badge-rejected', text: '逾期报送' }) : null,
    ]),
    l.content ? el('p', { class: 'small item-text', text: l.content }) : null,
    el('p', { class: 'muted small' }, [
      `${l.department} · 决定 ${l.decidedAt} · 有效期 ${l.validFrom} 至 ${l.validTo || '长期'}`,
    ]),
  ]);
}

function commitmentItem(c) {
  return el('li', { class: 'item record-item', 'data-commitment-id': c.commitmentId, 'data-status': c.status }, [
    el('div', { class: 'item-head' }, [
      el('span', { class: `badge badge-${c.status === 'breached' ? 'rejected' : 'applied'}`, text: COMMITMENT_STATUS[c.status] || c.status }),
      el('b', { text: c.kind }), el('span', { class: 'mono small', text: c.commitmentId }),
    ]),
    el('p', { class: 'small item-text', text: c.text }),
    el('p', { class: 'muted small' }, [`${c.department} · 签署 ${c.signedAt}`]),
    c.status === 'breached' && c.breachedBy
      ? el('p', { class: 'problem small' }, ['违诺记录 ', el('span', { class: 'mono', text: c.breachedBy })]) : null,
  ]);
}

/** One list under a form: the subject it shows is kept, so returning to the tab shows it again, fresh. */
function lister({ kind, path, item, none }) {
  let subject = null;
  const load = async (id) => {
    if (id !== undefined) subject = id;
    if (!subject) return;
    setText(`${kind}-records-subject`, subject);
    const ul = $(`${kind}-list`);
    const empty = $(`${kind}-list-empty`);
    let answer;
    try {
      answer = await get(`${path}?subjectId=${enc(subject)}&pageSize=50`);
    } catch (err) {
      clear(ul);
      empty.textContent = problemText(err);
      empty.hidden = false;
      return;
    }
    const list = items(answer);
    clear(ul);
    for (const x of list) ul.appendChild(item(x));
    empty.textContent = none;
    empty.hidden = list.length > 0;
  };
  $(`${kind}-lookup`).addEventListener('click', () => {
    const id = String($(`${kind}-subject`).value || '').trim();
    if (id) load(id);
  });
  return load;
}

function wire({ form, idNode, prefix, path, submitButton, body, message, reset, listed }) {
  let id = newId(prefix);
  setText(idNode, id);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submitButton, async () => {
      clearErrors(form);
      try {
        const sent = body(form, id);
        const answer = await post(path, sent);
        done(form, message(answer, id));
        id = newId(prefix);
        setText(idNode, id);
        reset(form);
        await listed(sent.subjectId);
      } catch (err) {
        showProblem(form, err);
      }
    });
  });
}

const blank = (form, names) => { for (const n of names) form.elements.namedItem(n).value = ''; };

export const lists = { licence: async () => {}, commitment: async () => {} };

export function initRecordForms() {
  const open = $('licence-open');
  open.addEventListener('change', () => { $('licence-to').disabled = open.checked; if (open.checked) $('licence-to').value = ''; });
  lists.licence = lister({ kind: 'licence', path: '/api/v1/licences', item: licenceItem, none: '该主体暂无行政许可记录' });
  lists.commitment = lister({ kind: 'commitment', path: '/api/v1/commitments', item: commitmentItem, none: '该主体暂无信用承诺记录' });

  wire({
    form: $('licence-form'),
    idNode: $('licence-id'),
    prefix: 'lic',
    path: '/api/v1/licences',
    submitButton: $('licence-submit'),
    body: (form, licenceId) => ({
      ...compact({
        licenceId,
        subjectKind: value(form, 'subjectKind'),
        subjectId: value(form, 'subjectId'),
        name: value(form, 'name'),
        number: value(form, 'number'),
        content: value(form, 'content'),
        decidedAt: value(form, 'decidedAt'),
        validFrom: value(form, 'validFrom'),
        validTo: value(form, 'validTo'),
      }),
      // validTo null = 长期 (http-api: a licence may be open-ended)
      ...(open.checked ? { validTo: null } : {}),
    }),
    message: (answer, id) => `许可已录入（${id}）${answer && answer.late ? '，超过7日报送，计入双公示逾期' : ''}，将在商户页和“信用张店”公示。`,
    reset: (form) => blank(form, ['subjectId', 'name', 'number', 'content', 'validTo']),
    listed: (subject) => lists.licence(subject),
  });

  wire({
    form: $('commitment-form'),
    idNode: $('commitment-id'),
    prefix: 'cmt',
    path: '/api/v1/commitments',
    submitButton: $('commitment-submit'),
    body: (form, commitmentId) => compact({
      commitmentId,
      subjectKind: value(form, 'subjectKind'),
      subjectId: value(form, 'subjectId'),
      kind: value(form, 'kind'),
      text: value(form, 'text'),
      signedAt: value(form, 'signedAt'),
    }),
    message: (answer, id) => `承诺已录入（${id}）${answer && answer.status === 'active' ? '，状态：履约中' : ''}。违反该承诺时，在“信用事件”中选择虚假承诺/违反信用承诺指标并填写此编号。`,
    reset: (form) => blank(form, ['subjectId', 'text']),
    listed: (subject) => lists.commitment(subject),
  });
}

export function setRecordDefaults() {
  for (const id of ['licence-decided', 'licence-from', 'commitment-signed']) {
    const n = $(id);
    if (!n.value) n.value = today();
  }
}
