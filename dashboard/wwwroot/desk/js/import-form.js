// 文件导入: POST /api/v1/imports (multipart: file, format, dryRun) → 202 { importId }, then GET /api/v1/imports/{id}
// polled for the counters (the progress bar) and the paged row report; a held row is decided here with points or
// skipped (POST /api/v1/imports/{id}/rows/{row}). http-api "Department desk", domain-rules §11.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, post, upload, enc, problemText } from '/js/shared/api.js';
import { clearErrors, showProblem, busy } from './forms.js';

const POLL_MS = 700;
const PAGE_SIZE = 50;
const STATUS = { validating: '校验中', ready: '校验完成（试运行，未导入）', importing: '导入中', done: '导入完成' };
const ROW_STATUS = { valid: '有效', rejected: '退回', held: '待定', accepted: '已受理', applied: '已生效' };

const job = { id: null, page: 1, timer: null };

/** Share of the rows that are through: every row not still waiting (valid, during an import) counts. */
function progress(a) {
  if (a.status === 'ready' || a.status === 'done') return 100;
  const total = Number(a.total) || 0;
  if (!total) return 0;
  const through = a.status === 'importing'
    ? (Number(a.accepted) || 0) + (Number(a.applied) || 0) + (Number(a.rejected) || 0) + (Number(a.held) || 0)
    : (Number(a.valid) || 0) + (Number(a.rejected) || 0) + (Number(a.held) || 0);
  return Math.max(0, Math.min(99, Math.floor((through * 100) / total)));
}

function errorsText(errors) {
  if (!errors || typeof errors !== 'object') return '';
  return Object.entries(errors).map(([field, msgs]) => `${field}：${[].concat(msgs).join('；')}`).join('\n');
}

function heldActions(row, cell) {
  const points = el('input', { type: 'number', step: '1', class: 'held-points', 'aria-label': `第${row.row}行分值`, placeholder: '分值' });
  const problem = el('p', { class: 'field-error' });
  const decide = (body) => async () => {
    problem.textContent = '';
    try {
      await post(`/api/v1/imports/${enc(job.id)}/rows/${enc(row.row)}`, body);
      await poll();
    } catch (err) {
      problem.textContent = problemText(err);
    }
  };
  const ok = el('button', { type: 'button', class: 'btn', 'data-action': 'decide', text: '按此分值导入' });
  ok.addEventListener('click', () => decide({ points: points.value === '' ? null : Number(points.value) })());
  const skip = el('button', { type: 'button', class: 'btn-link', 'data-action': 'skip', text: '跳过' });
  skip.addEventListener('click', decide({ skip: true }));
  cell.appendChild(el('div', { class: 'held' }, [points, ok, skip]));
  cell.appendChild(problem);
}

function renderRows(a) {
  const tbody = $('import-rows');
  clear(tbody);
  const filter = $('import-rows-filter').value;
  const rows = (Array.isArray(a.rows) ? a.rows : a.rows && Array.isArray(a.rows.items) ? a.rows.items : [])
    .filter((r) => !filter || r.status === filter);
  for (const r of rows) {
    const note = el('td', { class: 'row-note' }, [el('span', { class: 'pre', text: errorsText(r.errors) || (r.eventIds || []).join('、') })]);
    if (r.status === 'held') heldActions(r, note);
    tbody.appendChild(el('tr', { class: 'import-row', 'data-row': r.row, 'data-status': r.status }, [
      el('td', { class: 'num', text: r.row }),
      el('td', {}, [el('span', { class: `badge badge-${r.status}`, text: ROW_STATUS[r.status] || r.status })]),
      note,
    ]));
  }
  const total = Number(a.rowsTotal ?? (a.rows && a.rows.total) ?? a.total) || 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  setText('import-rows-page', `第 ${job.page} / ${pages} 页`);
  $('import-rows-prev').disabled = job.page <= 1;
  $('import-rows-next').disabled = job.page >= pages;
}

function render(a) {
  const box = $('import-job');
  box.hidden = false;
  box.setAttribute('data-status', a.status || '');
  setText('import-id', a.importId || job.id);
  setText('import-status', STATUS[a.status] || a.status || '');
  const pct = progress(a);
  $('import-progress').setAttribute('aria-valuenow', String(pct));
  $('import-progress-bar').style.width = `${pct}%`;
  setText('import-counts', `共 ${a.total ?? 0} 行：有效 ${a.valid ?? 0}，退回 ${a.rejected ?? 0}，待定 ${a.held ?? 0}，已受理 ${a.accepted ?? 0}，已生效 ${a.applied ?? 0}（${pct}%）`);
  renderRows(a);
}

async function poll() {
  clearTimeout(job.timer);
  if (!job.id) return;
  const id = job.id;
  const filter = $('import-rows-filter').value;
  let a;
  try {
    a = await get(`/api/v1/imports/${enc(id)}?page=${job.page}&pageSize=${PAGE_SIZE}${filter ? `&status=${enc(filter)}` : ''}`);
  } catch {
    job.timer = setTimeout(poll, POLL_MS * 3);
    return;
  }
  if (id !== job.id) return;
  render(a);
  // a finished import is still watched while its events become applied
  const settled = a.status === 'ready' || (a.status === 'done' && !(Number(a.accepted) > 0));
  if (!settled) job.timer = setTimeout(poll, POLL_MS);
}

async function submit(form) {
  clearErrors(form);
  const file = $('import-file').files[0];
  if (!file) {
    setText(form.querySelector('[data-error-for="file"]'), '请选择要导入的文件。');
    return;
  }
  const data = new FormData();
  data.append('file', file, file.name);
  data.append('format', $('import-format').value);
  data.append('dryRun', $('import-dry').checked ? 'true' : 'false');
  try {
    const answer = await upload('/api/v1/imports', data);
    job.id = answer.importId;
    job.page = 1;
    $('import-job').hidden = false;
    setText('import-id', job.id);
    await poll();
  } catch (err) {
    showProblem(form, err);
  }
}

export function initImportForm() {
  const form = $('import-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('import-submit'), () => submit(form));
  });
  $('import-rows-filter').addEventListener('change', () => { job.page = 1; poll(); });
  $('import-rows-prev').addEventListener('click', () => { job.page = Math.max(1, job.page - 1); poll(); });
  $('import-rows-next').addEventListener('click', () => { job.page += 1; poll(); });
}
