// Labels and formatting in Chinese, in the grid's time zone and on the grid's clock (X-Grid-Now).

export const TZ = 'Asia/Shanghai';
export const COLORS = ['red', 'blue', 'yellow', 'black'];
/** Attention first (issue 13 item 4; http-api "Live dashboard"): black, yellow, blue, red. */
export const COLOR_RANK = { black: 0, yellow: 1, blue: 2, red: 3 };
export const COLOR_LABEL = { red: '红', blue: '蓝', yellow: '黄', black: '黑' };
export const COLOR_TITLE = { red: '红名单 · 诚信示范', blue: '蓝名单 · 诚信经营', yellow: '黄名单 · 限期整改', black: '黑名单 · 警示/清退' };
export const KIND_LABEL = { enterprise: '企业', person: '个人', official: '公职人员', merchant: '商户', institution: '机构', emergency: '突发事件' };
export const safeColor = (c) => (COLORS.includes(c) ? c : 'unknown');

let serverOffsetMs = 0;
export const serverNow = () => Date.now() + serverOffsetMs;
export function noteServerTime(response) {
  const t = Date.parse(response.headers.get('X-Grid-Now') || '');
  if (!Number.isNaN(t)) serverOffsetMs = t - Date.now();
}

const cache = new Map();
function fmt(opts) {
  const k = JSON.stringify(opts);
  if (!cache.has(k)) cache.set(k, new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, hourCycle: 'h23', ...opts }));
  return cache.get(k);
}
export function instant(v) {
  if (v instanceof Date) return v;
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
const parts = (d, opts) => Object.fromEntries(fmt(opts).formatToParts(d).map((p) => [p.type, p.value]));
export function time(v) {
  const d = instant(v);
  return d ? fmt({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d) : '—';
}
export function hm(v) {
  const d = instant(v);
  return d ? fmt({ hour: '2-digit', minute: '2-digit' }).format(d) : '—';
}
/** "11月28日 20:30" — a deadline or instant with its date, so an old one is never read as today's. */
export function dayTime(v) {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return day(v);
  const d = instant(v);
  if (!d) return '—';
  const p = parts(d, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}
/** "2026年11月28日" from YYYY-MM-DD. */
export function day(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v || ''));
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (v ? String(v) : '—');
}
export function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return `${h}小时${m}分${sec < 10 ? '0' : ''}${sec}秒`;
}
export const pct = (x) => (x !== null && x !== undefined && Number.isFinite(Number(x)) ? (Math.round(Number(x) * 1000) / 10).toFixed(1) + '%' : '—');
/** Text meant for operators shows only Chinese attributions ("system" and other English tokens are dropped). */
export const chineseOnly = (s) => (typeof s === 'string' && /[\u4e00-\u9fff]/.test(s) ? s : '');
