// 商户街诚信看板: tiles in attention order (black, yellow, blue, red), sized so the whole street fits the panel without
// scrolling (up to 60 merchants at 1366×768, issue 13 item 4); counts and targets exactly as the server sends them.
import { $, el, clear, setText, asArray, isNum, num, flash, store } from './shared/dom.js';
import { get, enc } from './shared/api.js';
import { COLORS, COLOR_RANK, COLOR_LABEL, COLOR_TITLE, safeColor, pct, time, serverNow } from './shared/format.js';
import { renderExemplary, loadExemplary } from './exemplary.js';

const STREET_STORAGE = 'creditgrid.street';
const state = { streets: [], street: null, board: null, seq: 0, tiles: new Map(), onOpen: () => {} };

export const currentStreet = () => state.street;

/** Attention first; ties keep the server's order (Array#sort is stable). */
const ordered = (merchants) => merchants.slice().sort((a, b) => (COLOR_RANK[a.color] ?? 9) - (COLOR_RANK[b.color] ?? 9) || a.order - b.order);

export function initBoard(onOpen) {
  state.onOpen = onOpen;
  $('street-select').addEventListener('change', () => {
    const s = $('street-select').value;
    if (!s || s === state.street) return;
    state.street = s;
    store('set', STREET_STORAGE, s);
    state.board = null;
    render();
    loadBoard();
  });
  $('tiles').addEventListener('click', (e) => {
    const tile = e.target.closest('.tile');
    if (!tile || e.ctrlKey || e.metaKey || e.shiftKey) return; // a modified click opens the public page
    e.preventDefault();
    state.onOpen('merchant', tile.getAttribute('data-merchant-id'));
  });
  new ResizeObserver(() => fit()).observe($('board'));
  render();
}

export async function loadStreetsAndBoard() {
  const streets = asArray(await get('/api/v1/merchants/streets')).filter((s) => typeof s === 'string' && s);
  state.streets = streets;
  const wanted = state.street || store('get', STREET_STORAGE);
  state.street = streets.includes(wanted) ? wanted : streets[0] || null;
  renderPicker();
  if (!state.street) { state.board = null; render(); renderExemplary([]); return; }
  await loadBoard();
}

async function loadBoard() {
  const street = state.street;
  const seq = ++state.seq;
  const board = await get('/api/v1/merchants/board?street=' + enc(street));
  if (seq !== state.seq || street !== state.street) return; // a newer fetch or push, or another street
  apply(board);
}

/** A whole board (GET or boardChanged) replaces the street's board; tiles whose colour, grade or score moved flash. */
function apply(board) {
  if (!board || typeof board !== 'object') return;
  const before = new Map((state.board && state.board.street === board.street ? state.board.merchants : []).map((m) => [String(m.id), m]));
  board.merchants = asArray(board.merchants).filter((m) => m && m.id !== undefined && m.id !== null)
    .map((m, i) => ({ ...m, id: String(m.id), order: i }));
  const first = state.board === null;
  state.board = board;
  render();
  if (!first) {
    for (const m of board.merchants) {
      const p = before.get(m.id);
      if (p && (p.color !== m.color || p.grade !== m.grade || p.score !== m.score)) flash(state.tiles.get(m.id));
    }
  }
  if (Array.isArray(board.exemplary)) renderExemplary(board.exemplary);
  else loadExemplary(board.street).catch(() => {});
}

export function onBoardChanged(board) {
  if (!board || !board.street) return;
  if (!state.streets.includes(board.street)) {
    state.streets.push(board.street);
    if (!state.street) state.street = board.street;
    renderPicker();
  }
  if (board.street !== state.street) return;
  state.seq++; // a fetch still in flight is older than this push
  apply(board);
}

/** One merchant moved: its tile changes where it is, the board re-sorts, counts and targets wait for boardChanged. */
export function onMerchantStatusChanged(p) {
  if (!p || !state.board || (p.street && p.street !== state.street)) return;
  const m = state.board.merchants.find((x) => x.id === String(p.merchantId));
  if (!m) return; // a new merchant arrives with the street's boardChanged
  for (const k of ['name', 'color', 'grade', 'score']) if (p[k] !== undefined && p[k] !== null) m[k] = p[k];
  render();
  flash(state.tiles.get(m.id));
}

function renderPicker() {
  const sel = $('street-select');
  const several = state.streets.length > 1;
  sel.hidden = !several;
  $('street-name').hidden = several;
  setText('street-name', state.street || '暂无商户街');
  clear(sel);
  for (const s of state.streets) {
    const o = el('option', { value: s, text: s });
    o.selected = s === state.street;
    sel.appendChild(o);
  }
}

function fillTile(a, m) {
  const color = safeColor(m.color);
  a.className = 'tile color-' + color + (a.classList.contains('flash') ? ' flash' : '');
  a.setAttribute('data-color', m.color ?? '');
  a.setAttribute('title', `${m.name || m.id} · ${COLOR_TITLE[color] || '状态未知'} · 点击查看信用档案`);
  clear(a);
  a.appendChild(el('span', { class: 'tile-badge', text: COLOR_LABEL[color] || '?' }));
  a.appendChild(el('span', { class: 'tile-name', text: m.name || m.id }));
  a.appendChild(el('span', { class: 'tile-meta' }, [
    el('span', { class: 'tile-grade', text: m.grade || '—' }),
    el('span', { class: 'tile-score', text: isNum(m.score) ? m.score : '—' }),
  ]));
}

/** Keyed render: one element per merchant, moved only where the order changed (a running flash is not restarted). */
function render() {
  const tiles = $('tiles');
  const merchants = state.board ? ordered(state.board.merchants) : [];
  const keep = new Set();
  merchants.forEach((m, i) => {
    keep.add(m.id);
    let a = state.tiles.get(m.id);
    if (!a) {
      a = el('a', { class: 'tile', 'data-merchant-id': m.id, href: '/m/' + enc(m.id) });
      state.tiles.set(m.id, a);
    }
    fillTile(a, m);
    if (tiles.children[i] !== a) tiles.insertBefore(a, tiles.children[i] || null);
  });
  for (const [id, a] of state.tiles) if (!keep.has(id)) { a.remove(); state.tiles.delete(id); }
  $('board-empty').hidden = merchants.length > 0;
  summary(state.board);
  setText('board-updated', state.board ? '更新于 ' + time(new Date(serverNow())) : '');
  fit();
}

function summary(board) {
  const counts = (board && board.counts) || {};
  const total = board ? (isNum(board.total) ? num(board.total) : board.merchants.length) : 0;
  for (const c of COLORS) {
    setText('count-' + c, num(counts[c]));
    setText('share-' + c, total > 0 ? pct(num(counts[c]) / total) : '—');
  }
  setText('count-total', total);
  // domain-rules §7 targets: decided by the server on exact counts; shown, never recomputed here.
  const t = (board && board.targets) || {};
  const met = (v) => (typeof v === 'boolean' ? v : null);
  target('target-black', met(t.blackZero), board ? `黑 ${num(counts.black)} 户` : '—');
  target('target-blue', met(t.blueOrBetterMet), board ? pct(t.blueOrBetterShare) : '—');
  target('target-red', met(t.redMet), board ? pct(t.redShare) : '—');
  const overall = met(t.met);
  target('targets-met', overall, null, overall === null ? null : overall ? '✓ 全部达标' : '✗ 未达标');
}

function target(id, met, value, badge) {
  const li = $(id);
  li.setAttribute('data-met', met === null ? 'unknown' : String(met));
  if (value !== null) setText(id + '-value', value);
  li.querySelector('.target-badge').textContent = met === null ? '—' : badge || (met ? '✓ 达标' : '✗ 未达标');
}

/**
 * Picks the column count that gives the largest tiles while every tile fits the panel; the density class trims the
 * tile's text when tiles get small. On a phone (one column layout) the board flows and the page scrolls.
 */
export function fit() {
  const wrap = $('board');
  const tiles = $('tiles');
  const n = tiles.children.length;
  if (!n || getComputedStyle(wrap).overflowY === 'visible') {
    tiles.style.gridTemplateColumns = '';
    tiles.style.gridAutoRows = '';
    tiles.setAttribute('data-density', 'roomy');
    return;
  }
  const gap = 4, W = wrap.clientWidth - 4, H = wrap.clientHeight - 4;
  let best = null;
  for (let c = 1; c <= n; c++) {
    const r = Math.ceil(n / c);
    const w = (W - (c - 1) * gap) / c, h = (H - (r - 1) * gap) / r;
    if (w < 58) break;
    const size = Math.min(w, h * 2.2); // a tile reads best about twice as wide as tall
    if (h >= 26 && (!best || size > best.size)) best = { c, w, h, size };
  }
  if (!best) best = { c: Math.max(1, Math.floor((W + gap) / (58 + gap))), h: 26 };
  const h = Math.min(best.h, 96);
  tiles.style.gridTemplateColumns = `repeat(${best.c}, minmax(0, 1fr))`;
  tiles.style.gridAutoRows = `${Math.floor(h)}px`;
  tiles.setAttribute('data-density', h >= 56 ? 'roomy' : h >= 40 ? 'dense' : 'compact');
}
