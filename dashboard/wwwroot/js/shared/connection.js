// The hub connection (/hubs/grid): retry every second for ever, so the page is back within ~1 s of the server
// (issue 13 item 6: not SignalR's default 0/2/10/30 s back-off); while it is down the panels are marked stale.
import { $, setText } from './dom.js';
import { session } from './api.js';
import { time, serverNow } from './format.js';

const RETRY_MS = 1000;
const STATE_TEXT = { connected: '已连接', reconnecting: '重新连接中', connecting: '连接中', disconnected: '已断开' };
let connection = null;
let lastUpdate = null;
let retryTimer = null;

/** Marks the moment the page's data was last known current (a full sync or a push). */
export function touched() {
  lastUpdate = new Date(serverNow()); // the grid's clock, as the page's own clock shows
  $('dashboard').setAttribute('data-updated', lastUpdate.toISOString());
}

function setState(state) {
  const n = $('connection-state');
  n.setAttribute('data-state', state);
  n.textContent = STATE_TEXT[state] || state;
  const stale = state !== 'connected' && session.key !== null && lastUpdate !== null;
  $('dashboard').setAttribute('data-stale', stale ? 'true' : 'false');
  const note = $('stale-note');
  note.hidden = !stale;
  if (stale) setText(note, `数据截至 ${time(lastUpdate)}（连接已断开）`);
}

function authFailure(err) {
  if (!err) return 0;
  if (err.statusCode === 401 || err.statusCode === 403) return err.statusCode;
  const m = /Status code '(401|403)'/.exec(String(err.message || err));
  return m ? Number(m[1]) : 0;
}

/**
 * Starts the hub for the current session. handlers: { method: fn }; onSync() runs after every (re)connect, so the page
 * refetches what it may have missed; onAuth(status) when the key is refused.
 */
export function connect(handlers, onSync, onAuth) {
  disconnect();
  const signalR = window.signalR;
  if (!signalR) { setState('disconnected'); return; }
  const id = session.id;
  const conn = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/grid', { accessTokenFactory: () => session.key })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => RETRY_MS })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection = conn;
  for (const [method, fn] of Object.entries(handlers)) {
    conn.on(method, (payload) => { if (id === session.id) { touched(); fn(payload); } });
  }
  conn.onreconnecting(() => { if (id === session.id) setState('reconnecting'); });
  conn.onreconnected(() => { if (id === session.id) { setState('connected'); onSync(); } });
  conn.onclose((err) => {
    if (id !== session.id) return;
    setState('disconnected');
    const auth = authFailure(err);
    if (auth) onAuth(auth); else schedule(conn, id, onSync, onAuth);
  });
  start(conn, id, onSync, onAuth);
}

function start(conn, id, onSync, onAuth) {
  if (conn.state === 'Disconnected') setState(lastUpdate ? 'reconnecting' : 'connecting');
  conn.start().then(() => {
    if (id !== session.id) { conn.stop().catch(() => {}); return; }
    setState('connected');
    onSync();
  }, (err) => {
    if (id !== session.id) return;
    const auth = authFailure(err);
    if (auth) { setState('disconnected'); onAuth(auth); return; }
    setState(lastUpdate ? 'reconnecting' : 'disconnected');
    schedule(conn, id, onSync, onAuth);
  });
}

function schedule(conn, id, onSync, onAuth) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    if (id !== session.id || conn !== connection || conn.state !== 'Disconnected') return;
    start(conn, id, onSync, onAuth);
  }, RETRY_MS);
}

export function disconnect() {
  clearTimeout(retryTimer);
  const c = connection;
  connection = null;
  lastUpdate = null;
  $('dashboard').removeAttribute('data-updated');
  if (c) c.stop().catch(() => {});
  setState('disconnected');
}

/** Re-renders the stale note (the clock ticks; the note's time stays the last update). */
export const isConnected = () => connection !== null && connection.state === 'Connected';
