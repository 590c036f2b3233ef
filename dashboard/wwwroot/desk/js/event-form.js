// 信用事件: POST /api/v1/events (http-api "Credit events"). The fields follow the chosen row: points for range rows
// (with the allowed range), amount (and cash/goods for donations) for amount rows, honourScope for a unit's honour,
// commitmentRef for E-PLEDGE-* rows. The event id is made here and kept until the event is accepted, so sending the
// same form again after a lost answer cannot report the event twice.
import { $, setText } from '/js/shared/dom.js';
import { post } from '/js/shared/api.js';
import { KIND_LABEL } from '/js/shared/format.js';
import { initPicker, pointsText, shapeOf } from './indicator-picker.js';
import { newId, today, value, number, compact, clearErrors, showProblem, done, busy } from './forms.js';

let eventId = newId('desk');
let row = null;
let onSubmitted = () => {};

function showFor(form) {
  const kind = $('event-kind').value;
  const shape = shapeOf(row);
  const want = {
    range: shape === 'range',
    amount: shape === 'amount',
    amountKind: shape === 'amount' && row.amountRule.type === 'progressive',
    honour: kind === 'institution' && row !== null && row.polarity === 'commendation',
    pledge: row !== null && row.code.startsWith('E-PLEDGE-'),
  };
  for (const n of form.querySelectorAll('[data-when]')) n.hidden = !want[n.getAttribute('data-when')];
  const points = $('event-points');
  if (shape === 'range') {
    points.min = String(row.minPoints);
    points.max = String(row.maxPoints);
    setText('event-points-range', `允许范围：${row.minPoints} 至 ${row.maxPoints} 分`);
  }
  if (shape === 'amount') {
    setText('event-amount-label', row.amountRule.unit === 'hours' ? '时长（小时）' : '金额（元）');
    $('event-amount-kind').querySelector('option[value="goods"]').disabled = !row.amountRule.goods;
  }
  const chosen = $('event-indicator-chosen');
  chosen.hidden = row === null;
  setText(chosen, row ? `${row.code} · ${row.group} · ${pointsText(row)}` : '');
  $('event-indicator').value = row ? row.code : '';
}

function body(form) {
  const shape = shapeOf(row);
  return compact({
    eventId,
    subjectKind: value(form, 'subjectKind'),
    subjectId: value(form, 'subjectId'),
    indicator: value(form, 'indicator') || '',
    occurredAt: value(form, 'occurredAt'),
    endedAt: value(form, 'endedAt'),
    actionRef: value(form, 'actionRef'),
    points: shape === 'range' ? number(form, 'points') : undefined,
    amount: shape === 'amount' ? number(form, 'amount') : undefined,
    amountKind: shape === 'amount' && row.amountRule.type === 'progressive' ? value(form, 'amountKind') : undefined,
    honourScope: !$('event-honour').closest('[data-when]').hidden ? value(form, 'honourScope') : undefined,
    commitmentRef: row && row.code.startsWith('E-PLEDGE-') ? value(form, 'commitmentRef') : undefined,
    // §3 rule 7: the API answers these with its article; sent only when ticked
    simplifiedProcedure: $('event-simplified').checked ? true : undefined,
    minorCorrected: $('event-minor').checked ? true : undefined,
    note: value(form, 'note'),
  });
}

async function submit(form) {
  clearErrors(form);
  try {
    const answer = await post('/api/v1/events', body(form));
    const kind = KIND_LABEL[$('event-kind').value] || '';
    done(form, answer && answer.status === 'accepted'
      ? `已受理：${kind} ${value(form, 'subjectId') || ''} 的“${row ? row.name : ''}”，生效后在右侧“本部门近期事件”中显示。`
      : `该事件此前已报送（${answer ? answer.status : ''}）。`);
    eventId = newId('desk');
    setText('event-id', eventId);
    for (const name of ['subjectId', 'actionRef', 'points', 'amount', 'endedAt', 'note', 'commitmentRef']) {
      const n = form.elements.namedItem(name);
      if (n) n.value = '';
    }
    $('event-simplified').checked = false;
    $('event-minor').checked = false;
    onSubmitted();
  } catch (err) {
    showProblem(form, err);
  }
}

export function initEventForm(submitted) {
  onSubmitted = submitted;
  const form = $('event-form');
  setText('event-id', eventId);
  const picker = initPicker({
    input: $('event-indicator-search'),
    list: $('event-indicator-options'),
    kind: () => $('event-kind').value,
    onPick: (r) => { row = r; showFor(form); },
  });
  $('event-kind').addEventListener('change', () => picker.reset());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('event-submit'), () => submit(form));
  });
}

/** Dates start at the grid's today (known once the server has answered). */
export function setEventDefaults() {
  const d = $('event-occurred');
  if (!d.value) d.value = today();
}
