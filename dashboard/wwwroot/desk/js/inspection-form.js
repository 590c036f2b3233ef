// 检查: POST /api/v1/merchants/{id}/inspections with its findings (area, problem, deadline); rows are added and
// removed freely, each keeps its own findingId. No findings = a clean inspection.
import { $, setText } from '/js/shared/dom.js';
import { post, enc } from '/js/shared/api.js';
import { COLOR_TITLE } from '/js/shared/format.js';
import { newId, today, value, compact, clearErrors, showProblem, done, busy } from './forms.js';

let inspectionId = newId('insp');
let onSubmitted = () => {};

const rows = () => [...$('findings').querySelectorAll('.finding')];

function addFinding() {
  const li = $('finding-template').content.firstElementChild.cloneNode(true);
  li.setAttribute('data-finding-id', newId('f'));
  const deadline = li.querySelector('.finding-deadline');
  deadline.value = $('inspection-date').value || today();
  // labels point at their own row's inputs
  for (const part of ['area', 'deadline', 'problem']) {
    const input = li.querySelector(`.finding-${part}`);
    input.id = `${li.getAttribute('data-finding-id')}-${part}`;
    li.querySelector(`[data-part="${part}"] label`).htmlFor = input.id;
  }
  li.querySelector('.finding-remove').addEventListener('click', () => li.remove());
  $('findings').appendChild(li);
  li.querySelector('.finding-problem').focus();
}

/** `findings[2].area` → the area message slot of the third row on screen. */
function locate(field) {
  const m = /^findings\[(\d+)\]\.(area|problem|deadline|findingId)$/.exec(field);
  if (!m) return null;
  const li = rows()[Number(m[1])];
  if (!li) return null;
  return li.querySelector(`[data-part-error="${m[2] === 'findingId' ? 'problem' : m[2]}"]`);
}

async function submit(form) {
  clearErrors(form);
  for (const n of $('findings').querySelectorAll('.field-error')) n.textContent = '';
  const merchant = value(form, 'merchantId');
  if (!merchant) {
    setText(form.querySelector('[data-error-for="merchantId"]'), '请填写商户的统一社会信用代码。');
    return;
  }
  const body = compact({
    inspectionId,
    date: value(form, 'date'),
    findings: rows().map((li) => compact({
      findingId: li.getAttribute('data-finding-id'),
      area: li.querySelector('.finding-area').value,
      problem: li.querySelector('.finding-problem').value.trim(),
      deadline: li.querySelector('.finding-deadline').value || undefined,
    })),
  });
  try {
    const answer = await post(`/api/v1/merchants/${enc(merchant)}/inspections`, body);
    const n = body.findings.length;
    const color = answer && COLOR_TITLE[answer.color] ? `，商户现为${COLOR_TITLE[answer.color]}` : '';
    done(form, `检查已记录（${n ? `发现问题 ${n} 项` : '合格'}）${color}。`);
    inspectionId = newId('insp');
    setText('inspection-id', inspectionId);
    $('findings').replaceChildren();
    onSubmitted();
  } catch (err) {
    showProblem(form, err, locate);
  }
}

export function initInspectionForm(submitted) {
  onSubmitted = submitted;
  const form = $('inspection-form');
  setText('inspection-id', inspectionId);
  $('finding-add').addEventListener('click', addFinding);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('inspection-submit'), () => submit(form));
  });
}

export function setInspectionDefaults() {
  const d = $('inspection-date');
  if (!d.value) d.value = today();
}
