// The operator console: boot, the key, the side tabs, the full sync and the hub's handlers. Each panel is its own module.
import { $, setText, store, toast } from './shared/dom.js';
import { session, get, onUnauthorized, StaleError, ProblemError } from './shared/api.js';
import { connect, disconnect, touched } from './shared/connection.js';
import { time, serverNow } from './shared/format.js';
import { initBoard, loadStreetsAndBoard, onBoardChanged, onMerchantStatusChanged } from './board.js';
import { initExemplary } from './exemplary.js';
import { loadGrades, renderGrades } from './grades.js';
import { loadDepartments } from './departments.js';
import { initFeed, loadFeed, resetFeed, onChangeLogged, onScoreChanged } from './feed.js';
import { initEmergencies, loadEmergencies, onEmergencyChanged, tickDeadlines } from './emergencies.js';
import { initSearch } from './search.js';
import { initSubject, openSubject } from './subject.js';
import { initComplaints, loadComplaints } from './complaints.js';
import { initObjections, loadObjections } from './objections.js';
import { initApplications, loadApplications } from './applications.js';

const KEY_STORAGE = 'creditgrid.operatorKey';
const TAB_STORAGE = 'creditgrid.tab';
const RESYNC_RETRY_MS = 1500;
let resyncTimer = null;

const open = (kind, ref) => openSubject(kind, ref);

/** Everything the page shows, fetched again (on connect, reconnect and the server's resync); a failed part retries. */
async function syncAll() {
  const id = session.id;
  const parts = [loadStreetsAndBoard, loadGrades, loadDepartments, loadFeed, loadEmergencies, loadObjections, loadComplaints, loadApplications];
  const results = await Promise.allSettled(parts.map((load) => load()));
  if (id !== session.id) return;
  // Network errors and 5xx (a server still starting) are retried; a 4xx would only fail again.
  const failed = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof StaleError)
    && !(r.reason instanceof ProblemError && r.reason.status < 500));
  if (failed.length) {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => { if (id === session.id) syncAll(); }, RESYNC_RETRY_MS);
    return;
  }
  touched();
}

function changeLogged(entry) {
  onChangeLogged(entry);
  if (entry && entry.change === 'complaint') loadComplaints().catch(() => {});
  if (entry && entry.change === 'objection') { loadObjections().catch(() => {}); loadApplications().catch(() => {}); }
}

const handlers = {
  merchantStatusChanged: onMerchantStatusChanged,
  boardChanged: onBoardChanged,
  scoreChanged: onScoreChanged,
  emergencyChanged: onEmergencyChanged,
  gradesChanged: renderGrades,
  changeLogged,
  resync: () => syncAll(), // the server dropped live messages: fetch everything again
};

function showAuth(message) {
  $('auth').hidden = false;
  $('dashboard').setAttribute('aria-hidden', 'true');
  $('logout').hidden = true;
  setText('auth-message', message || '');
  $('operator-key').value = '';
  setTimeout(() => $('operator-key').focus(), 0);
}

function endSession() {
  session.id++;
  session.key = null;
  session.roles = [];
  clearTimeout(resyncTimer);
  disconnect();
}

function refuse(status) {
  endSession();
  store('del', KEY_STORAGE);
  showAuth(status === 403 ? '该密钥无操作员权限，请重新输入。' : '密钥无效或已失效，请重新输入。');
}

/** The key's roles decide which actions the panels offer (GET /api/v1/session). */
async function startSession(key) {
  endSession();
  session.key = key;
  const id = ++session.id;
  let me;
  try {
    me = await get('/api/v1/session');
  } catch (err) {
    if (id !== session.id) return;
    if (err instanceof ProblemError && (err.status === 401 || err.status === 403)) { refuse(err.status); return; }
    me = { roles: ['operator'], department: '' }; // server unreachable: read-only until it answers
  }
  if (id !== session.id) return;
  if (!Array.isArray(me.roles) || !me.roles.includes('operator')) { refuse(403); return; }
  session.roles = me.roles;
  session.department = me.department || '';
  document.body.setAttribute('data-roles', me.roles.join(' '));
  setText('session-department', session.department);
  $('auth').hidden = true;
  $('dashboard').setAttribute('aria-hidden', 'false');
  $('logout').hidden = false;
  resetFeed();
  connect(handlers, syncAll, refuse);
}

function initTabs() {
  const tabs = [...document.querySelectorAll('.side-tab')];
  const choose = (name) => {
    for (const t of tabs) t.setAttribute('aria-selected', String(t.getAttribute('data-tab') === name));
    $('dashboard').setAttribute('data-tab', name);
    store('set', TAB_STORAGE, name);
  };
  for (const t of tabs) t.addEventListener('click', () => {
    choose(t.getAttribute('data-tab'));
    // portal applications arrive without a hub message: the queue is fetched again when its tab is opened
    if (t.getAttribute('data-tab') === 'applications' && session.key) loadApplications().catch(() => {});
  });
  const saved = store('get', TAB_STORAGE);
  choose(tabs.some((t) => t.getAttribute('data-tab') === saved) ? saved : 'feed');
}

function init() {
  const tick = () => { setText('clock', time(new Date(serverNow()))); tickDeadlines(); };
  tick();
  setInterval(tick, 1000);
  initTabs();
  initBoard(open);
  initExemplary(open);
  initFeed(open);
  initEmergencies();
  initSearch(open);
  initSubject();
  initComplaints(open);
  initObjections(open);
  initApplications();
  onUnauthorized(refuse);
  $('operator-key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = $('operator-key').value.trim();
    if (!key) { setText('auth-message', '请输入操作员密钥。'); return; }
    store('set', KEY_STORAGE, key);
    startSession(key);
  });
  $('logout').addEventListener('click', () => { endSession(); store('del', KEY_STORAGE); showAuth(''); });
  window.addEventListener('unhandledrejection', (e) => {
    if (e.reason instanceof StaleError) { e.preventDefault(); return; }
    if (e.reason instanceof ProblemError) { e.preventDefault(); toast('加载失败：' + (e.reason.problem.title || e.reason.status)); }
  });
  const key = store('get', KEY_STORAGE);
  if (key) startSession(key); else showAuth('');
}

init();
