// The department desk (/desk): the key once per browser session (sessionStorage), the tabs, and each form's module.
// Build-free ES modules over the console's shared dom/api/format modules; no framework, no CDN.
import { $, setText, store, toast } from '/js/shared/dom.js';
import { session, get, onUnauthorized, ProblemError, StaleError, problemText } from '/js/shared/api.js';
import { initEventForm, setEventDefaults } from './event-form.js';
import { initInspectionForm, setInspectionDefaults } from './inspection-form.js';
import { initComplaints, loadComplaints } from './complaints.js';
import { initRecordForms, setRecordDefaults, lists } from './record-forms.js';
import { initImportForm } from './import-form.js';
import { initCheckForm } from './check-form.js';
import { initRecent, loadRecent, stopRecent } from './recent.js';

const KEY_STORAGE = 'creditgrid.deskKey';
const TAB_STORAGE = 'creditgrid.deskTab';
const WRITERS = ['reporter', 'credit-center'];

function showAuth(message) {
  $('auth').hidden = false;
  $('desk').setAttribute('aria-hidden', 'true');
  $('desk').setAttribute('data-ready', 'false');
  $('logout').hidden = true;
  setText('auth-message', message || '');
  $('desk-key').value = '';
  setTimeout(() => $('desk-key').focus(), 0);
}

function endSession() {
  session.id++;
  session.key = null;
  session.roles = [];
  stopRecent();
}

function refuse(status) {
  endSession();
  store('del', KEY_STORAGE);
  showAuth(status === 403 ? '该密钥没有报送权限（需要 reporter 或 credit-center 角色），请换用本部门的报送密钥。' : '密钥无效或已失效，请重新输入。');
}

/** Who the key is (GET /api/v1/session): a reporting department or the credit centre may use the desk. */
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
    showAuth('无法连接服务器，请稍后重试。');
    store('set', KEY_STORAGE, key);
    return;
  }
  if (id !== session.id) return;
  if (!Array.isArray(me.roles) || !me.roles.some((r) => WRITERS.includes(r))) { refuse(403); return; }
  session.roles = me.roles;
  session.department = me.department || '';
  setText('session-department', session.department);
  $('auth').hidden = true;
  $('desk').setAttribute('aria-hidden', 'false');
  $('logout').hidden = false;
  setEventDefaults();
  setInspectionDefaults();
  setRecordDefaults();
  await Promise.allSettled([loadRecent(), loadComplaints()]);
  if (id === session.id) $('desk').setAttribute('data-ready', 'true');
}

function initTabs() {
  const tabs = [...document.querySelectorAll('.tab')];
  const choose = (name) => {
    for (const t of tabs) t.setAttribute('aria-selected', String(t.getAttribute('data-tab') === name));
    $('desk').setAttribute('data-tab', name);
    store('set', TAB_STORAGE, name);
    if (name === 'complaints' && session.key) loadComplaints().catch(() => {});
    // a commitment breached meanwhile (an E-PLEDGE event on the 信用事件 tab) shows as such on return
    if ((name === 'licence' || name === 'commitment') && session.key) lists[name]().catch(() => {});
  };
  for (const t of tabs) t.addEventListener('click', () => choose(t.getAttribute('data-tab')));
  const saved = store('get', TAB_STORAGE);
  choose(tabs.some((t) => t.getAttribute('data-tab') === saved) ? saved : 'event');
}

function init() {
  const submitted = () => loadRecent().catch(() => {});
  initTabs();
  initEventForm(submitted);
  initInspectionForm(submitted);
  initComplaints();
  initRecordForms();
  initImportForm(submitted);
  initCheckForm();
  initRecent();
  onUnauthorized(refuse);
  $('desk-key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = $('desk-key').value.trim();
    if (!key) { setText('auth-message', '请输入报送密钥。'); return; }
    store('set', KEY_STORAGE, key);
    startSession(key);
  });
  $('logout').addEventListener('click', () => { endSession(); store('del', KEY_STORAGE); showAuth(''); });
  window.addEventListener('unhandledrejection', (e) => {
    if (e.reason instanceof StaleError) { e.preventDefault(); return; }
    if (e.reason instanceof ProblemError) { e.preventDefault(); toast(problemText(e.reason)); }
  });
  const key = store('get', KEY_STORAGE);
  if (key) startSession(key); else showAuth('');
}

init();
