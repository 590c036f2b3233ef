// 搜索: any subject by part of its name or the start of its code (GET /api/v1/subjects?q=, http-api "Subjects").
// Persons and officials come masked, with an opaque ref that opens their page.
import { $, el, clear, isNum } from './shared/dom.js';
import { get, enc, items, problemText, StaleError } from './shared/api.js';
import { KIND_LABEL, COLOR_LABEL, safeColor } from './shared/format.js';

let onOpen = () => {};
let timer = null;
let seq = 0;

export function initSearch(open) {
  onOpen = open;
  const input = $('search');
  const list = $('search-results');
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  input.addEventListener('keydown', (e) => {
    const options = [...list.querySelectorAll('.search-item')];
    const at = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = options[(at + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % Math.max(1, options.length)];
      options.forEach((o) => o.setAttribute('aria-selected', String(o === next)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      const chosen = options[at] || options[0];
      if (chosen) choose(chosen); else run();
    } else if (e.key === 'Escape') close();
  });
  list.addEventListener('click', (e) => { const li = e.target.closest('.search-item'); if (li) choose(li); });
  document.addEventListener('click', (e) => { if (!e.target.closest('.search')) close(); });
}

function close() { $('search-results').hidden = true; }

function choose(li) {
  close();
  onOpen(li.getAttribute('data-kind'), li.getAttribute('data-ref'));
}

async function run() {
  const q = $('search').value.trim();
  const list = $('search-results');
  const mine = ++seq;
  if (!q) { close(); return; }
  let answer;
  try {
    answer = await get(`/api/v1/subjects?q=${enc(q)}&pageSize=12`);
  } catch (err) {
    if (err instanceof StaleError || mine !== seq) return;
    clear(list);
    list.appendChild(el('li', { class: 'search-empty', text: '搜索失败：' + problemText(err) }));
    list.hidden = false;
    return;
  }
  if (mine !== seq) return;
  clear(list);
  const found = items(answer);
  for (const x of found) {
    const color = x.kind === 'merchant' ? safeColor(x.color) : null;
    const standing = x.kind === 'official' ? (isNum(x.stars) ? `${x.stars}★` : '—') : x.grade || '—';
    list.appendChild(el('li', { class: 'search-item', role: 'option', 'aria-selected': 'false', 'data-kind': x.kind, 'data-ref': x.ref || x.id }, [
      el('span', { class: 'kind-tag kind-' + (KIND_LABEL[x.kind] ? x.kind : 'other'), text: KIND_LABEL[x.kind] || '其他' }),
      el('span', { class: 'search-name', text: x.name || '—' }),
      el('span', { class: 'search-id mono', text: x.id || '' }),
      el('span', { class: 'search-grade' }, [standing, color ? el('i', { class: 'swatch small color-' + color, title: COLOR_LABEL[color] }) : null]),
    ]));
  }
  if (!found.length) list.appendChild(el('li', { class: 'search-empty', text: '未找到匹配的主体' }));
  else if (answer && isNum(answer.total) && answer.total > found.length) list.appendChild(el('li', { class: 'search-empty', text: `共 ${answer.total} 条，请输入更多字缩小范围` }));
  list.hidden = false;
}
