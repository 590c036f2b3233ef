// 文件导入: POST /api/v1/imports (multipart: file, format, dryRun) → 202 { importId }, then GET /api/v1/imports/{id}
// polled for the counters and one page of rows (docs/imports.md). Counters are cumulative: valid ⊇ accepted ⊇ applied,
// total = valid + rejected + held; the progress bar is applied / valid; `done` = every accepted row applied.
// A dry run ends `ready` with its row report and offers 开始导入 (the same file, for real). Held rows (其他行政处罚)
// are decided on a real import with points or skipped: POST /api/v1/imports/{id}/rows/{row}. domain-rules §11.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, post, upload, enc, ProblemError, problemText } from '/js/shared/api.js';
import { clearErrors, showProblem, busy } from './forms.js';

const POLL_MS = 700;
const PAGE_SIZE = 50;
const HELD_PAGE = 500;
const STATUS = { validating: '校验中', ready: '试运行完成（未导入）', importing: '导入中', done: '导入完成' };
const ROW_STATUS = { valid: '有效', rejected: '退回', held: '待定', accepted: '已受理', applied: '已生效' };
const FORMAT = { punishment: '行政处罚“双公示”', events: '信用事件' };
// errors are keyed by the file's column; these two keys are the import's own (a held row's points, the grid's answer)
const FIELD = { points: '分值', event: '网格' };
const EMPTY = { rejected: '没有退回的行', valid: '没有待导入的行', accepted: '没有已受理未生效的行', applied: '暂无已生效的行', '': '没有行' };

const job = { id: null, page: 1, timer: null, file: null, format: 'punishment', dryRun: true, last: null };
let onApplied = () => {};

const n = (v) => Number(v) || 0;

/** applied / valid for a real import (docs/imports.md); 100 only once the import says done. */
function progress(a) {
  if (a.status === 'done') return 100;
  if (a.status !== 'importing' || !n(a.valid)) return 0;
  return Math.min(99, Math.floor((n(a.applied) * 100) / n(a.valid)));
}

/** A row's errors as "column: message" lines, the column (the file's own header) in bold. */
function errorLines(errors) {
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors).map(([field, msgs]) => el('p', { class: 'row-error', 'data-field': field }, [
    el('b', { class: 'row-field', text: FIELD[field] || field }), '：', [].concat(msgs).join('；'),
  ]));
}

function rowNote(r) {
  const lines = errorLines(r.errors);
  if (!lines.length && Array.isArray(r.eventIds) && r.eventIds.length)
    lines.push(el('p', { class: 'muted small mono', text: r.eventIds.join('、') }));
  if (r.duplicate) lines.push(el('p', { class: 'muted small', text: '此前已导入（重复）' }));
  return lines;
}

function tableRow(r, extra) {
  const note = el('td', { class: 'row-note' }, rowNote(r));
  if (extra) extra(r, note);
  return el('tr', { class: 'import-row', 'data-row': r.row, 'data-status': r.status }, [
    el('td', { class: 'num', text: r.row }),
    el('td', {}, [el('span', { class: `badge badge-${r.status}`, text: ROW_STATUS[r.status] || r.status })]),
    note,
  ]);
}

/** A held row of a real import: points (the 其他行政处罚 range) or skip; the API's 422 message under the row's input. */
function heldActions(r, cell) {
  if (job.dryRun) {
    cell.appendChild(el('p', { class: 'muted small', text: '试运行不作决定：开始导入后在此给出分值或跳过。' }));
    return;
  }
  const points = el('input', { type: 'number', step: '1', class: 'held-points', 'aria-label': `第${r.row}行分值`, placeholder: '如 -50' });
  const problem = el('p', { class: 'field-error held-error' });
  const decide = (body, button) => busy(button, async () => {
    problem.textContent = '';
    points.removeAttribute('aria-invalid');
    try {
      await post(`/api/v1/imports/${enc(job.id)}/rows/${enc(r.row)}`, body);
      await poll();
    } catch (err) {
      const errors = err instanceof ProblemError && err.problem.errors && typeof err.problem.errors === 'object'
        ? Object.values(err.problem.errors).flat().filter((m) => typeof m === 'string') : [];
      problem.textContent = errors.length ? errors.join('；') : problemText(err);
      points.setAttribute('aria-invalid', 'true');
    }
  });
  const ok = el('button', { type: 'button', class: 'btn', 'data-action': 'decide', text: '按此分值导入' });
  ok.addEventListener('click', () => decide({ points: points.value === '' ? null : Number(points.value) }, ok));
  const skip = el('button', { type: 'button', class: 'btn-link', 'data-action': 'skip', text: '跳过' });
  skip.addEventListener('click', () => decide({ skip: true }, skip));
  cell.appendChild(el('div', { class: 'held' }, [points, ok, skip]));
  cell.appendChild(problem);
}

function renderHeld(held) {
  const box = $('import-held-box');
  const tbody = $('import-held');
  // a clerk typing points keeps the input: the held rows are redrawn only when their set changes
  const key = held ? held.rows.map((r) => r.row).join(',') + (job.dryRun ? 'd' : '') : '';
  box.hidden = !held || !held.rows.length;
  if (tbody.getAttribute('data-rows') === key && tbody.getAttribute('data-import') === job.id) return;
  tbody.setAttribute('data-rows', key);
  tbody.setAttribute('data-import', job.id);
  clear(tbody);
  for (const r of held ? held.rows : []) tbody.appendChild(tableRow(r, heldActions));
}

function renderRows(a) {
  const tbody = $('import-rows');
  clear(tbody);
  const rows = Array.isArray(a.rows) ? a.rows : [];
  for (const r of rows) tbody.appendChild(tableRow(r));
  setText('import-rows-empty', EMPTY[$('import-rows-filter').value] || EMPTY['']);
  $('import-rows-empty').hidden = rows.length > 0;
  const pages = Math.max(1, Math.ceil(n(a.rowsTotal) / PAGE_SIZE));
  setText('import-rows-page', `共 ${n(a.rowsTotal)} 行 · 第 ${job.page} / ${pages} 页`);
  $('import-rows-prev').disabled = job.page <= 1;
  $('import-rows-next').disabled = job.page >= pages;
}

function counts(a) {
  const part = (key, label) => el('span', { class: 'count', 'data-count': key }, [label, ' ', el('b', { text: n(a[key]) })]);
  const node = $('import-counts');
  clear(node);
  const list = [part('total', '共'), part('valid', '有效'), part('rejected', '退回'), part('held', '待定')];
  if (!a.dryRun) list.push(part('accepted', '已受理'), part('applied', '已生效'));
  list.forEach((p, i) => { if (i) node.appendChild(document.createTextNode(' · ')); node.appendChild(p); });
}

function doneText(a) {
  if (a.status === 'ready')
    return `试运行完成：共 ${n(a.total)} 行，${n(a.valid)} 行可导入，${n(a.rejected)} 行退回，${n(a.held)} 行待定。核对下方退回原因后可点击“开始导入”。`;
  if (a.status === 'done')
    return `导入完成：${n(a.applied)} 行已生效${n(a.rejected) ? `，${n(a.rejected)} 行退回` : ''}${n(a.held) ? `，${n(a.held)} 行待定（请在上方决定）` : ''}。`;
  return '';
}

function render(a, held) {
  const box = $('import-job');
  box.hidden = false;
  box.setAttribute('data-status', a.status || '');
  box.setAttribute('data-dry-run', String(!!a.dryRun));
  setText('import-kind', `${a.dryRun ? '试运行' : '导入'} · ${FORMAT[a.format] || a.format || ''}`);
  setText('import-file-name', a.fileName || '');
  setText('import-id', a.importId || job.id);
  setText('import-status', STATUS[a.status] || a.status || '');
  const bar = $('import-progress');
  bar.hidden = !!a.dryRun;
  const pct = progress(a);
  bar.setAttribute('aria-valuenow', String(pct));
  bar.setAttribute('aria-valuetext', a.dryRun ? '' : `已生效 ${n(a.applied)} / ${n(a.valid)} 行（${pct}%）`);
  $('import-progress-bar').style.width = `${pct}%`;
  counts(a);
  if (!a.dryRun && a.status !== 'validating') $('import-counts').appendChild(document.createTextNode(`（${pct}%）`));
  const text = doneText(a);
  setText('import-done', text);
  $('import-done').hidden = !text;
  $('import-start-bar').hidden = !(a.dryRun && a.status === 'ready' && job.file);
  renderHeld(held);
  renderRows(a);
}

async function poll() {
  clearTimeout(job.timer);
  if (!job.id) return;
  const id = job.id;
  const filter = $('import-rows-filter').value;
  let a;
  let held = null;
  try {
    a = await get(`/api/v1/imports/${enc(id)}?page=${job.page}&pageSize=${PAGE_SIZE}${filter ? `&status=${enc(filter)}` : ''}`);
    if (n(a.held) > 0) held = await get(`/api/v1/imports/${enc(id)}?status=held&pageSize=${HELD_PAGE}`);
  } catch {
    if (id === job.id) job.timer = setTimeout(poll, POLL_MS * 3);
    return;
  }
  if (id !== job.id) return;
  job.dryRun = !!a.dryRun;
  render(a, held);
  const before = job.last;
  job.last = a;
  // the recent-events list follows the import's events as they are applied
  if (!a.dryRun && (!before || n(before.applied) !== n(a.applied) || before.status !== a.status)) onApplied();
  if (a.status === 'validating' || a.status === 'importing') job.timer = setTimeout(poll, POLL_MS);
}

async function start(file, format, dryRun) {
  const data = new FormData();
  data.append('file', file, file.name);
  data.append('format', format);
  data.append('dryRun', dryRun ? 'true' : 'false');
  const answer = await upload('/api/v1/imports', data);
  Object.assign(job, { id: answer.importId, page: 1, file, format, dryRun, last: null });
  $('import-rows-filter').value = 'rejected';
  $('import-job').hidden = false;
  setText('import-id', job.id);
  await poll();
}

async function submit(form) {
  clearErrors(form);
  const file = $('import-file').files[0];
  if (!file) {
    setText(form.querySelector('[data-error-for="file"]'), '请选择要导入的文件。');
    return;
  }
  try {
    await start(file, $('import-format').value, $('import-dry').checked);
  } catch (err) {
    showProblem(form, err);
  }
}

/** 开始导入: the dry run's own file and format, now for real. */
async function startForReal() {
  const problem = $('import-start-problem');
  problem.hidden = true;
  if (!job.file) return;
  try {
    await start(job.file, job.format, false);
  } catch (err) {
    problem.textContent = problemText(err);
    problem.hidden = false;
  }
}

export function initImportForm(applied) {
  if (applied) onApplied = applied;
  const form = $('import-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('import-submit'), () => submit(form));
  });
  $('import-start').addEventListener('click', () => busy($('import-start'), startForReal));
  $('import-rows-filter').addEventListener('change', () => { job.page = 1; poll(); });
  $('import-rows-prev').addEventListener('click', () => { job.page = Math.max(1, job.page - 1); poll(); });
  $('import-rows-next').addEventListener('click', () => { job.page += 1; poll(); });
}
