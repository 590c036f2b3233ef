// 信用核查: GET /api/v1/checks/{kind}/{id}?purpose= (http-api "Department desk", domain-rules §10) — what the subject's
// credit category means for the decision at hand: 允许 / 限制 / 激励 / 常规, the measures and the paper's article.
// The rule is the server's (core/Rules/CreditCheck.cs); the page only shows it. Every check is audited there.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, enc } from '/js/shared/api.js';
import { KIND_LABEL, day } from '/js/shared/format.js';
import { value, clearErrors, showProblem, busy } from './forms.js';

const OUTCOME = { allowed: '允许', restricted: '限制', incentive: '激励', standard: '常规' };
const PURPOSE = { 'fiscal-funds': '财政性资金项目', awards: '评优评先', 'simplified-procedure': '简化程序·容缺受理', 'inspection-plan': '检查频次' };

function standing(a) {
  const parts = [];
  if (a.grade) parts.push(`等级 ${a.grade}`);
  if (a.category) parts.push(a.category);
  if (a.stars !== null && a.stars !== undefined) parts.push(`${a.stars}星`);
  return `${parts.join(' · ') || '未评价'} · 用途：${PURPOSE[a.purpose] || a.purpose}`;
}

function show(a) {
  const box = $('check-result');
  box.hidden = false;
  box.setAttribute('data-outcome', a.outcome || '');
  const badge = $('check-outcome');
  badge.className = `badge outcome outcome-${a.outcome}`;
  setText(badge, OUTCOME[a.outcome] || a.outcome);
  setText('check-subject', `${KIND_LABEL[a.kind] || a.kind} ${a.id}`);
  setText('check-standing', standing(a));
  const ul = $('check-measures');
  clear(ul);
  const measures = Array.isArray(a.measures) ? a.measures : [];
  for (const m of measures) ul.appendChild(el('li', { text: m }));
  if (!measures.length) ul.appendChild(el('li', { class: 'muted', text: '无特别措施，按常规办理。' }));
  setText('check-citation', a.citation || '');
  setText('check-as-of', a.asOf ? `评价截至 ${day(a.asOf)}` : '');
}

async function submit(form) {
  clearErrors(form);
  $('check-result').hidden = true;
  const kind = value(form, 'kind') || '';
  const id = value(form, 'id') || '';
  try {
    show(await get(`/api/v1/checks/${enc(kind)}/${enc(id) || '-'}?purpose=${enc(value(form, 'purpose') || '')}`));
  } catch (err) {
    showProblem(form, err);
  }
}

export function initCheckForm() {
  const form = $('check-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('check-submit'), () => submit(form));
  });
}
