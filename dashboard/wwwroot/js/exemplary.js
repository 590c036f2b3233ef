// 诚信经营示范店 TOP 10 (domain-rules §7): from the board object when it carries it, else GET /merchants/exemplary.
import { $, el, clear, asArray, isNum, num } from './shared/dom.js';
import { get, enc } from './shared/api.js';

let onOpen = () => {};
export function initExemplary(open) {
  onOpen = open;
  $('exemplary').addEventListener('click', (e) => {
    const li = e.target.closest('.exemplary-item');
    if (li) onOpen('merchant', li.getAttribute('data-merchant-id'));
  });
}

export async function loadExemplary(street) {
  if (!street) { renderExemplary([]); return; }
  renderExemplary(asArray(await get('/api/v1/merchants/exemplary?street=' + enc(street))));
}

export function renderExemplary(list) {
  const ol = $('exemplary');
  clear(ol);
  asArray(list).slice(0, 10).forEach((x, i) => {
    if (!x) return;
    const rank = isNum(x.rank) ? Number(x.rank) : i + 1;
    ol.appendChild(el('li', { class: 'exemplary-item' + (rank <= 3 ? ' top' : ''), 'data-merchant-id': x.id, tabindex: '0' }, [
      el('span', { class: 'ex-rank', text: rank }),
      el('span', { class: 'ex-name', text: x.name || x.id || '—' }),
      el('span', { class: 'ex-score', title: '企业信用分', text: isNum(x.score) ? x.score : '—' }),
      el('span', { class: 'ex-rating', title: '消费者平均评分' }, ['★ ', isNum(x.averageRating) ? Number(x.averageRating).toFixed(1) : '—']),
      el('span', { class: 'ex-extra', text: `近12个月检查问题 ${num(x.findingsLast12Months)} · 评价 ${num(x.votes)}` }),
    ]));
  });
  $('exemplary-empty').hidden = ol.children.length > 0;
}
