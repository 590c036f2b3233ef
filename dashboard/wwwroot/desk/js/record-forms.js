// 行政许可 (POST /api/v1/licences, 谁许可谁录入) and 信用承诺 (POST /api/v1/commitments), http-api "Department desk".
// Both are idempotent on their id, made here and kept until the record is created.
import { $, setText } from '/js/shared/dom.js';
import { post } from '/js/shared/api.js';
import { newId, today, value, compact, clearErrors, showProblem, done, busy } from './forms.js';

function wire({ form, idNode, prefix, path, submitButton, body, message, reset }) {
  let id = newId(prefix);
  setText(idNode, id);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submitButton, async () => {
      clearErrors(form);
      try {
        const answer = await post(path, body(form, id));
        done(form, message(answer, id));
        id = newId(prefix);
        setText(idNode, id);
        reset(form);
      } catch (err) {
        showProblem(form, err);
      }
    });
  });
}

const blank = (form, names) => { for (const n of names) form.elements.namedItem(n).value = ''; };

export function initRecordForms() {
  const open = $('licence-open');
  open.addEventListener('change', () => { $('licence-to').disabled = open.checked; if (open.checked) $('licence-to').value = ''; });

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
    message: (_, id) => `许可已录入（${id}），将在商户页和“信用张店”公示。`,
    reset: (form) => blank(form, ['subjectId', 'name', 'number', 'content', 'validTo']),
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
    message: (answer, id) => `承诺已录入（${id}）${answer && answer.status === 'active' ? '，状态：有效' : ''}。违反该承诺时，在“信用事件”中选择虚假承诺/违反信用承诺指标并填写此编号。`,
    reset: (form) => blank(form, ['subjectId', 'text']),
  });
}

export function setRecordDefaults() {
  for (const id of ['licence-decided', 'licence-from', 'commitment-signed']) {
    const n = $(id);
    if (!n.value) n.value = today();
  }
}
