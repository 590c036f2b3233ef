// 投诉: the complaints queue (GET /api/v1/complaints?status=, oldest first) with the verdict buttons 属实/不属实 and 办结
// (POST /api/v1/complaints/{id}/verdict | resolve). A refusal (another department's verdict: 403) shows the API's text
// under the complaint.
import { $, el, clear, setText } from '/js/shared/dom.js';
import { get, post, enc, items, problemText } from '/js/shared/api.js';
import { day } from '/js/shared/format.js';

const STATUS = { received: '待核查', substantiated: '属实', unfounded: '不属实', resolved: '已办结' };

function render(list) {
  const ul = $('complaints');
  clear(ul);
  $('complaints-empty').hidden = list.length > 0;
  for (const c of list) {
    const problem = el('p', { class: 'problem', role: 'alert', hidden: true });
    const act = (label, action, path, body) => {
      const b = el('button', { type: 'button', class: 'btn', 'data-action': action, text: label });
      b.addEventListener('click', async () => {
        b.disabled = true;
        problem.hidden = true;
        try {
          await post(path, body);
          await loadComplaints();
        } catch (err) {
          setText(problem, problemText(err));
          problem.hidden = false;
          b.disabled = false;
        }
      });
      return b;
    };
    const actions = [];
    const verdictPath = `/api/v1/complaints/${enc(c.complaintId)}/verdict`;
    if (c.status === 'received') {
      actions.push(act('属实', 'verdict-true', verdictPath, { substantiated: true }));
      actions.push(act('不属实', 'verdict-false', verdictPath, { substantiated: false }));
    } else if (c.status !== 'resolved') {
      actions.push(act('办结', 'resolve', `/api/v1/complaints/${enc(c.complaintId)}/resolve`, undefined));
    }
    const verdict = c.verdict ? `${c.verdict.substantiated ? '属实' : '不属实'} · ${c.verdict.department || ''} · ${day(c.verdict.at)}` : '';
    ul.appendChild(el('li', { class: 'item complaint', 'data-complaint-id': c.complaintId, 'data-status': c.status, 'data-merchant-id': c.merchantId }, [
      el('div', { class: 'item-head' }, [
        el('b', { text: c.merchantName || c.merchantId }),
        el('span', { class: 'muted small', text: [c.street, day(c.receivedAt)].filter(Boolean).join(' · ') }),
        el('span', { class: `badge badge-${c.status}`, text: STATUS[c.status] || c.status }),
      ]),
      el('p', { class: 'item-text', text: c.text }),
      verdict ? el('p', { class: 'muted small', text: `核查结论：${verdict}` }) : null,
      actions.length ? el('div', { class: 'item-actions' }, actions) : null,
      problem,
    ]));
  }
}

export async function loadComplaints() {
  const status = $('complaints-status').value;
  const answer = await get(`/api/v1/complaints?status=${enc(status)}&pageSize=100`);
  render(items(answer));
}

export function initComplaints() {
  $('complaints-status').addEventListener('change', () => loadComplaints().catch(() => {}));
  $('complaints-refresh').addEventListener('click', () => loadComplaints().catch(() => {}));
}
