// 应急资源 of the selected incident (储备库 §5.3, 避难场所 table 9.4, 消防救援站 table 9.3, 医疗卫生单位 table 9.5).
import { $, el, clear, setText, asArray, isNum, num } from './shared/dom.js';
import { get, enc, StaleError } from './shared/api.js';

const HINT = '点击事件，查看储备库、避难场所、消防救援站和医疗单位';
let seq = 0;
const fmtNum = (v) => (isNum(v) ? String(Number(v)) : '—');

export const cancelResources = () => { seq++; };
export const showIncidentTitle = (x) => setText('resources-incident', x.title || x.incidentId);

export function resetResources() {
  const box = $('emergency-resources');
  box.setAttribute('data-state', 'idle');
  box.setAttribute('data-incident-id', '');
  setText('resources-incident', '');
  clear($('resources-body'));
  $('resources-body').hidden = true;
  setText('resources-hint', HINT);
  $('resources-hint').hidden = false;
}

export async function loadResources(incident) {
  const mine = ++seq;
  const id = String(incident.incidentId);
  const box = $('emergency-resources');
  box.setAttribute('data-incident-id', id);
  box.setAttribute('data-state', 'loading');
  showIncidentTitle(incident);
  if ($('resources-body').hidden) { setText('resources-hint', '应急资源加载中……'); $('resources-hint').hidden = false; }
  try {
    const r = await get(`/api/v1/emergencies/${enc(id)}/resources`);
    if (mine !== seq) return;
    render(r && typeof r === 'object' ? r : {}, incident);
    box.setAttribute('data-state', 'loaded');
  } catch (err) {
    if (err instanceof StaleError || mine !== seq) return;
    box.setAttribute('data-state', 'error');
    clear($('resources-body'));
    $('resources-body').hidden = true;
    setText('resources-hint', '应急资源加载失败，请稍后再点击事件重试');
    $('resources-hint').hidden = false;
  }
}

function section(key, title, count, extra) {
  return el('section', { class: 'res-section', 'data-res': key }, [
    el('h3', { class: 'res-section-title' }, [title, el('span', { class: 'res-count', text: count })]), extra || null,
  ]);
}

function render(r, incident) {
  const body = $('resources-body');
  clear(body);
  const warehouses = asArray(r.warehouses).filter(Boolean);
  const match = r.warehousesMatchLeads === true;
  const leads = asArray(incident.leadDepartments).join('、');
  const w = section('warehouses', '应急物资储备库', warehouses.length, el('p', {
    id: 'resources-warehouses-match', class: 'res-match', 'data-match': String(match),
    text: match ? `✓ 牵头部门${leads ? `（${leads}）` : ''}所属储备库` : `牵头部门${leads ? `（${leads}）` : ''}无所属储备库，列出全部储备库`,
  }));
  w.appendChild(el('ul', { class: 'res-list' }, warehouses.map((x) => {
    const contact = x.contact && typeof x.contact === 'object' ? x.contact : {};
    const dept = x.managingDepartment || x.managedBy || contact.unit;
    return el('li', { class: 'res-item res-warehouse', 'data-number': x.number }, [
      el('div', { class: 'res-name' }, [el('span', { text: x.name || '—' }),
        isNum(x.areaSquareMetres) ? el('span', { class: 'res-tag', text: (x.areaApproximate ? '约' : '') + fmtNum(x.areaSquareMetres) + '㎡' }) : null]),
      el('div', { class: 'res-sub' }, [dept ? el('span', { text: '管理 ' + dept }) : null,
        contact.phone ? el('span', { class: 'res-phone mono', text: '☎ ' + contact.phone }) : null,
        contact.reserveType ? el('span', { text: contact.reserveType }) : null]),
      x.stores ? el('div', { class: 'res-sub muted', text: x.stores }) : null,
      x.location ? el('div', { class: 'res-sub muted', text: '地址 ' + x.location }) : null,
    ]);
  })));
  body.appendChild(w);

  const shelters = asArray(r.shelters).filter(Boolean);
  const s = section('shelters', '应急避难场所', shelters.length);
  s.appendChild(el('ul', { class: 'res-list' }, shelters.map((x) => el('li', { class: 'res-item res-shelter', 'data-number': x.number }, [
    el('div', { class: 'res-name' }, [el('span', { text: x.name || '—' }), x.shelterClass ? el('span', { class: 'res-tag', text: x.shelterClass + '类' }) : null]),
    el('div', { class: 'res-sub' }, [el('span', { class: 'res-capacity', text: `容纳 ${fmtNum(x.capacityTenThousandPeople)} 万人` }),
      el('span', { class: 'res-area', text: `面积 ${fmtNum(x.areaTenThousandM2)} 万㎡` })]),
    x.address ? el('div', { class: 'res-sub muted', text: '地址 ' + x.address + (x.coordinatesText ? `（${x.coordinatesText}）` : '') }) : null,
  ]))));
  body.appendChild(s);

  const stations = asArray(r.fireStations).filter(Boolean);
  const f = section('fire-stations', '消防救援站', stations.length);
  f.appendChild(el('ul', { class: 'res-list' }, stations.map((x) => {
    const vehicles = asArray(x.vehicles).filter(Boolean);
    const total = isNum(x.vehicleCount) ? Number(x.vehicleCount) : vehicles.reduce((a, v) => a + num(v.quantity), 0);
    return el('li', { class: 'res-item res-fire-station', 'data-number': x.number }, [
      el('div', { class: 'res-name' }, [el('span', { text: x.name || '—' }), el('span', { class: 'res-tag', text: '车辆 ' + total }),
        x.phone ? el('span', { class: 'res-phone mono', text: '☎ ' + x.phone }) : null]),
      el('ul', { class: 'vehicles' }, vehicles.map((v) => el('li', { class: 'vehicle' }, [v.name || '—', el('b', { text: ` ×${fmtNum(v.quantity)}${v.unit || ''}` })]))),
    ]);
  })));
  body.appendChild(f);

  const medical = asArray(r.medicalUnits).filter(Boolean);
  const m = section('medical-units', '医疗卫生单位', medical.length);
  m.appendChild(el('ul', { class: 'res-list res-medical-list' }, medical.map((x) => el('li', { class: 'res-item res-medical-unit' }, [
    el('span', { class: 'res-name-text', text: x.name || '—' }), el('span', { class: 'res-phone mono', text: x.phone || '—' }),
  ]))));
  body.appendChild(m);
  $('resources-hint').hidden = true;
  body.hidden = false;
  body.scrollTop = 0;
}
