/* CreditGrid operator dashboard — plain JS, no framework, no build step.
 * Contract: docs/dashboard-contract.md. All text reaches the DOM via textContent / setAttribute (never innerHTML). */
(function () {
  'use strict';

  var KEY_STORAGE = 'creditgrid.operatorKey';
  var STREET_STORAGE = 'creditgrid.street';
  var TICKER_MAX = 50;
  var STATS_MIN_INTERVAL_MS = 2000;
  var OBJECTIONS_INTERVAL_MS = 30000;
  var TZ = 'Asia/Shanghai';

  var COLORS = ['red', 'blue', 'yellow', 'black'];
  var COLOR_LABEL = { red: '红', blue: '蓝', yellow: '黄', black: '黑' };
  var COLOR_TITLE = { red: '红名单 · 诚信示范', blue: '蓝名单 · 诚信经营', yellow: '黄名单 · 限期整改', black: '黑名单 · 警示/清退' };
  var KIND_LABEL = { enterprise: '企业', person: '个人', official: '公职人员', merchant: '商户' };
  var KIND_ORDER = ['enterprise', 'merchant', 'person', 'official'];
  var GRADE_ORDER = ['AAA', 'AA', 'A+', 'A', 'A-', 'B', 'C', 'D'];
  var GRADE_NOTE = { AAA: '诚信守法', AA: '诚信守法', 'A+': '诚信守法', A: '诚信守法', 'A-': '诚信守法', B: '轻微失信', C: '一般失信', D: '严重失信' };
  var STAR_ORDER = ['6', '5', '4', '3', '2', '1'];
  var STAR_NOTE = { '6': '诚信模范', '5': '诚信优秀', '4': '诚信良好', '3': '诚信', '2': '较诚信', '1': '不诚信' };

  // 张政字〔2021〕95号 (domain-rules §8)
  var SEVERITY_RANK = { '特别重大': 0, '重大': 1, '较大': 2, '一般': 3 };
  var SEVERITY_CLASS = { '特别重大': 'sev-1', '重大': 'sev-2', '较大': 'sev-3', '一般': 'sev-4' };
  var INCIDENT_STATUS = { reported: '已报告', warning: '预警中', responding: '响应中', ended: '已结束' };
  var WARNING_COLORS = ['red', 'orange', 'yellow', 'blue'];                 // level 1..4
  var WARNING_LABEL = { red: '红色预警', orange: '橙色预警', yellow: '黄色预警', blue: '蓝色预警' };
  var RESPONSE_LABEL = { 1: '一级响应', 2: '二级响应', 3: '三级响应', 4: '四级响应' };
  var DEADLINE_LABEL = { authoritative: '权威信息发布（5小时）', 'press-conference': '新闻发布会（24小时）' };
  var EMERGENCY_CHANGE = { created: '新报告', warning: '预警调整', response: '响应调整', release: '信息发布', ended: '已结束', overdue: '发布超时' };

  // ---------------------------------------------------------------- state
  var state = {
    key: null,
    session: 0,            // bumped on every login/logout; late results of an old session are dropped
    streets: [],
    street: null,
    board: null,           // last board object (merchants array is the tile model)
    boardSeq: 0,
    connection: null,
    hubRetryTimer: null,
    hubRetryDelay: 0,
    syncing: 0,            // >0 while a full re-fetch runs; board pushes are queued meanwhile
    pending: [],
    tickerCount: 0,
    timers: [],
    statsTimer: null, statsInFlight: false, statsDirty: false, statsLast: 0,
    boardTimer: null,
    exemplaryTimer: null,
    emergencies: [],       // active incidents, sorted (severity, then response level)
    emergenciesLoaded: false,
    emergencyTimer: null,
    selectedIncident: null,
    resourcesSeq: 0
  };

  // ---------------------------------------------------------------- helpers
  function $(id) { return document.getElementById(id); }

  /** el('div', {class: 'x', 'data-a': v}, [child | 'text']) — text is always a text node. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') node.textContent = String(v);
        else node.setAttribute(k, String(v));
      });
    }
    if (children) {
      children.forEach(function (c) {
        if (c === null || c === undefined || c === false) return;
        node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
      });
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function setText(id, v) { var n = $(id); if (n) n.textContent = (v === null || v === undefined) ? '' : String(v); }
  function asArray(v) { return Array.isArray(v) ? v : []; }
  function num(v) { var n = Number(v); return isFinite(n) ? n : 0; }
  function isNum(v) { return v !== null && v !== undefined && v !== '' && isFinite(Number(v)); }
  function safeColor(c) { return COLORS.indexOf(c) >= 0 ? c : 'unknown'; }
  function pct(x) { return isNum(x) ? (Math.round(Number(x) * 1000) / 10).toFixed(1) + '%' : '—'; }

  function store(op, k, v) {
    try {
      if (op === 'get') return window.sessionStorage.getItem(k);
      if (op === 'set') window.sessionStorage.setItem(k, v);
      if (op === 'del') window.sessionStorage.removeItem(k);
    } catch (e) { /* storage disabled: keep the key in memory only */ }
    return null;
  }

  var fmtCache = {};
  function fmt(opts) {
    var k = JSON.stringify(opts);
    if (!fmtCache[k]) {
      try { fmtCache[k] = new Intl.DateTimeFormat('zh-CN', Object.assign({ timeZone: TZ, hourCycle: 'h23' }, opts)); }
      catch (e) { fmtCache[k] = new Intl.DateTimeFormat('zh-CN', opts); }
    }
    return fmtCache[k];
  }
  function parseInstant(v) {
    if (!v) return null;
    var d = new Date(v);
    return isNaN(d.getTime()) ? null : d;
  }
  function fmtTime(v) {
    var d = v instanceof Date ? v : parseInstant(v);
    return d ? fmt({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d) : '—';
  }
  function fmtDateTime(v) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    var d = parseInstant(v);
    return d ? fmt({ month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d) : '—';
  }

  function toast(msg) {
    var t = $('toast');
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, 6000);
  }

  // ---------------------------------------------------------------- REST
  function AuthError(status) { this.name = 'AuthError'; this.status = status; this.message = 'HTTP ' + status; }
  AuthError.prototype = Object.create(Error.prototype);

  /** The grid's clock (X-Grid-Now on every response) minus this browser's: countdowns follow the server, not the PC. */
  var serverOffsetMs = 0;
  function serverNow() { return Date.now() + serverOffsetMs; }
  function noteServerTime(res) {
    var h = res.headers.get('X-Grid-Now');
    var t = h ? Date.parse(h) : NaN;
    if (!isNaN(t)) serverOffsetMs = t - Date.now();
  }

  function api(path) {
    var session = state.session;
    var headers = { 'Accept': 'application/json' };
    if (state.key) headers['X-Api-Key'] = state.key;
    return fetch(path, { headers: headers, cache: 'no-store', credentials: 'same-origin' }).then(function (res) {
      noteServerTime(res);
      if (session !== state.session) throw new StaleError();
      if (res.status === 401 || res.status === 403) {
        onUnauthorized(res.status);
        throw new AuthError(res.status);
      }
      if (!res.ok) throw new Error(path + ' → HTTP ' + res.status);
      if (res.status === 204) return null;
      return res.text().then(function (body) {
        if (session !== state.session) throw new StaleError();
        return body ? JSON.parse(body) : null;
      });
    });
  }
  function StaleError() { this.name = 'StaleError'; this.message = 'stale'; }
  StaleError.prototype = Object.create(Error.prototype);

  /** Swallows expected failures (auth → form is shown; stale → ignored); reports the rest quietly. */
  function soft(what) {
    return function (err) {
      if (err instanceof AuthError || err instanceof StaleError) return;
      console.warn('[dashboard] ' + what + ' 加载失败:', err && err.message ? err.message : err);
      toast(what + '加载失败，稍后自动重试');
    };
  }

  // ---------------------------------------------------------------- auth / session
  function showAuth(message) {
    $('auth').hidden = false;
    $('dashboard').setAttribute('aria-hidden', 'true');
    $('logout').hidden = true;
    setText('auth-message', message || '');
    var input = $('operator-key');
    input.value = '';
    setTimeout(function () { input.focus(); }, 0);
  }

  function hideAuth() {
    $('auth').hidden = true;
    $('dashboard').setAttribute('aria-hidden', 'false');
    $('logout').hidden = false;
  }

  function onUnauthorized(status) {
    if (!state.key) return;
    endSession();
    store('del', KEY_STORAGE);
    showAuth(status === 403 ? '该密钥无操作员权限，请重新输入。' : '密钥无效或已失效，请重新输入。');
  }

  function startSession(key) {
    endSession();
    state.key = key;
    state.session++;
    hideAuth();
    syncAll();
    startHub();
    state.timers.push(setInterval(function () {
      loadObjections().catch(soft('异议列表'));
      loadDepartments().catch(soft('双公示统计'));
      loadEmergencies().catch(soft('突发事件'));
    }, OBJECTIONS_INTERVAL_MS));
  }

  function endSession() {
    state.session++;
    state.key = null;
    state.timers.forEach(clearInterval);
    state.timers = [];
    [state.statsTimer, state.boardTimer, state.exemplaryTimer, state.hubRetryTimer, state.emergencyTimer].forEach(clearTimeout);
    state.statsTimer = state.boardTimer = state.exemplaryTimer = state.hubRetryTimer = state.emergencyTimer = null;
    state.resourcesSeq++;
    state.statsInFlight = false; state.statsDirty = false;
    state.pending = [];
    state.syncing = 0;
    var c = state.connection;
    state.connection = null;
    if (c) { c.stop().catch(function () {}); }
    setConnState('disconnected');
  }

  // ---------------------------------------------------------------- full sync
  /** Re-fetch board, exemplary, stats, objections, emergencies; board/emergency pushes arriving meanwhile are queued and replayed after. */
  function syncAll() {
    var session = state.session;
    state.syncing++;
    return Promise.all([
      loadStreetsAndBoard().catch(soft('商户街看板')),
      loadStats().catch(soft('等级分布')),
      loadDepartments().catch(soft('双公示统计')),
      loadObjections().catch(soft('异议列表')),
      loadEmergencies().catch(soft('突发事件'))
    ]).then(function () {
      if (session !== state.session) return;
      state.syncing = Math.max(0, state.syncing - 1);
      if (state.syncing === 0) {
        var queued = state.pending;
        state.pending = [];
        queued.forEach(function (p) { p.fn(p.payload); });
      }
    });
  }

  // ---------------------------------------------------------------- streets & board
  function loadStreetsAndBoard() {
    return api('/api/v1/merchants/streets').then(function (streets) {
      state.streets = asArray(streets).filter(function (s) { return typeof s === 'string' && s; });
      var wanted = state.street || store('get', STREET_STORAGE);
      state.street = state.streets.indexOf(wanted) >= 0 ? wanted : (state.streets[0] || null);
      renderStreetPicker();
      if (!state.street) {
        renderBoard(null);
        renderExemplary([]);
        return null;
      }
      return Promise.all([loadBoard(), loadExemplary().catch(soft('示范店'))]);
    });
  }

  function renderStreetPicker() {
    var sel = $('street-select');
    var several = state.streets.length > 1;
    sel.hidden = !several;
    $('street-select-label').hidden = !several;
    $('street-name').hidden = several;
    setText('street-name', state.street || '暂无商户街');
    clear(sel);
    state.streets.forEach(function (s) {
      var o = el('option', { value: s, text: s });
      if (s === state.street) o.selected = true;
      sel.appendChild(o);
    });
  }

  function loadBoard() {
    if (!state.street) return Promise.resolve(null);
    var street = state.street;
    var seq = ++state.boardSeq;
    return api('/api/v1/merchants/board?street=' + encodeURIComponent(street)).then(function (board) {
      if (seq !== state.boardSeq || street !== state.street) return; // superseded (street switched / newer fetch)
      applyBoard(board, false);
    });
  }

  function applyBoard(board, fromPush) {
    if (!board || typeof board !== 'object') { renderBoard(null); return; }
    var prev = {};
    if (state.board && state.board.street === board.street) {
      state.board.merchants.forEach(function (m) { prev[m.id] = m; });
    }
    board.merchants = asArray(board.merchants).filter(function (m) { return m && m.id !== undefined && m.id !== null; });
    state.board = board;
    renderBoard(board);
    if (fromPush) {
      board.merchants.forEach(function (m) {
        var p = prev[m.id];
        if (!p || p.color !== m.color || p.grade !== m.grade || p.score !== m.score) flashTile(m.id);
      });
    }
  }

  function tileFor(m) {
    var color = safeColor(m.color);
    var a = el('a', {
      'class': 'tile color-' + color,
      'data-merchant-id': m.id,
      'data-color': m.color === undefined || m.color === null ? '' : m.color,
      href: '/m/' + encodeURIComponent(String(m.id)),
      target: '_blank',
      rel: 'noopener',
      title: (m.name || m.id) + ' · ' + (COLOR_TITLE[color] || '状态未知')
    });
    fillTile(a, m);
    return a;
  }

  function fillTile(a, m) {
    var color = safeColor(m.color);
    clear(a);
    a.appendChild(el('span', { 'class': 'tile-badge', text: COLOR_LABEL[color] || '?' }));
    a.appendChild(el('span', { 'class': 'tile-name', text: m.name || m.id }));
    a.appendChild(el('span', { 'class': 'tile-meta' }, [
      el('span', { 'class': 'tile-grade', text: m.grade || '—' }),
      el('span', { 'class': 'tile-score', text: isNum(m.score) ? String(m.score) : '—' })
    ]));
  }

  function renderBoard(board) {
    var tiles = $('tiles');
    clear(tiles);
    var merchants = board ? board.merchants : [];
    var frag = document.createDocumentFragment();
    merchants.forEach(function (m) { frag.appendChild(tileFor(m)); });
    tiles.appendChild(frag);
    $('board-empty').hidden = merchants.length > 0;
    renderSummary(board);
    setText('board-updated', board ? '更新于 ' + fmtTime(new Date(serverNow())) : '');
  }

  function renderSummary(board) {
    var counts = (board && board.counts) || {};
    var total = board ? (isNum(board.total) ? num(board.total) : board.merchants.length) : 0;
    COLORS.forEach(function (c) {
      setText('count-' + c, num(counts[c]));
      setText('share-' + c, total > 0 ? pct(num(counts[c]) / total) : '—');
    });
    setText('count-total', total);

    var t = (board && board.targets) || {};
    var red = num(counts.red), blue = num(counts.blue), black = num(counts.black);
    var blackMet = typeof t.blackZero === 'boolean' ? t.blackZero : (board ? black === 0 : false);
    var blueShare = isNum(t.blueOrBetterShare) ? Number(t.blueOrBetterShare) : (total ? (red + blue) / total : null);
    var redShare = isNum(t.redShare) ? Number(t.redShare) : (total ? red / total : null);
    // The server decides each target on the exact counts (domain-rules §7); the counts are only a fallback.
    var blueMet = typeof t.blueOrBetterMet === 'boolean' ? t.blueOrBetterMet : total > 0 && (red + blue) * 20 >= 19 * total;
    var redMet = typeof t.redMet === 'boolean' ? t.redMet : total > 0 && red * 2 >= total;
    var overall = typeof t.met === 'boolean' ? t.met : (blackMet && blueMet && redMet);
    if (!board) { blackMet = blueMet = redMet = overall = null; } // nothing loaded: neither met nor missed

    setTarget('target-black', blackMet, board ? '黑 ' + black + ' 户' : '—');
    setTarget('target-blue', blueMet, board ? pct(blueShare) : '—');
    setTarget('target-red', redMet, board ? pct(redShare) : '—');
    setTarget('targets-met', overall, null, overall === null ? null : (overall ? '✓ 全部达标' : '✗ 未达标'));
  }

  function setTarget(id, met, valueText, badgeText) {
    var li = $(id);
    li.setAttribute('data-met', met === null ? 'unknown' : met ? 'true' : 'false');
    if (valueText !== null) setText(id + '-value', valueText);
    li.querySelector('.target-badge').textContent = met === null ? '—' : (badgeText || (met ? '✓ 达标' : '✗ 未达标'));
  }

  /** Keeps counts/targets coherent after an in-place tile update (a boardChanged push will overwrite anyway). */
  function recomputeCounts() {
    var b = state.board;
    if (!b) return;
    var counts = { red: 0, blue: 0, yellow: 0, black: 0 };
    b.merchants.forEach(function (m) { if (counts[m.color] !== undefined) counts[m.color]++; });
    var total = b.merchants.length;
    b.counts = counts;
    b.total = total;
    b.targets = {
      blackZero: counts.black === 0,
      blueOrBetterShare: total ? (counts.red + counts.blue) / total : 0,
      redShare: total ? counts.red / total : 0,
      blueOrBetterMet: total > 0 && (counts.red + counts.blue) * 20 >= 19 * total,
      redMet: total > 0 && counts.red * 2 >= total
    };
    b.targets.met = b.targets.blackZero && b.targets.blueOrBetterMet && b.targets.redMet;
    renderSummary(b);
  }

  function findTile(id) {
    var tiles = $('tiles').children;
    for (var i = 0; i < tiles.length; i++) {
      if (tiles[i].getAttribute('data-merchant-id') === String(id)) return tiles[i];
    }
    return null;
  }

  function flashTile(id) {
    var t = findTile(id);
    if (!t) return;
    t.classList.remove('flash');
    void t.offsetWidth; // restart the animation
    t.classList.add('flash');
  }

  function onStreetSelected() {
    var s = $('street-select').value;
    if (!s || s === state.street) return;
    state.street = s;
    store('set', STREET_STORAGE, s);
    setText('street-name', s);
    renderBoard(null);
    loadBoard().catch(soft('商户街看板'));
    loadExemplary().catch(soft('示范店'));
  }

  function requestBoardRefresh() {
    if (state.boardTimer) return;
    state.boardTimer = setTimeout(function () {
      state.boardTimer = null;
      loadBoard().catch(soft('商户街看板'));
    }, 500);
  }

  // ---------------------------------------------------------------- exemplary
  function loadExemplary() {
    if (!state.street) { renderExemplary([]); return Promise.resolve(); }
    var street = state.street;
    return api('/api/v1/merchants/exemplary?street=' + encodeURIComponent(street)).then(function (list) {
      if (street !== state.street) return;
      renderExemplary(asArray(list));
    });
  }

  function requestExemplaryRefresh() {
    if (state.exemplaryTimer) return;
    state.exemplaryTimer = setTimeout(function () {
      state.exemplaryTimer = null;
      loadExemplary().catch(soft('示范店'));
    }, STATS_MIN_INTERVAL_MS);
  }

  function renderExemplary(list) {
    var ol = $('exemplary');
    clear(ol);
    list.slice(0, 10).forEach(function (x, i) {
      if (!x) return;
      var rank = isNum(x.rank) ? Number(x.rank) : i + 1;
      var rating = isNum(x.averageRating) ? Number(x.averageRating).toFixed(1) : '—';
      ol.appendChild(el('li', { 'class': 'exemplary-item' + (rank <= 3 ? ' top' : ''), 'data-merchant-id': x.id }, [
        el('span', { 'class': 'ex-rank', text: rank }),
        el('span', { 'class': 'ex-name', text: x.name || x.id || '—', title: x.id }),
        el('span', { 'class': 'ex-score', title: '企业信用分', text: isNum(x.score) ? x.score : '—' }),
        el('span', { 'class': 'ex-rating', title: '消费者平均评分' }, ['★ ', rating]),
        el('span', { 'class': 'ex-extra', title: '近12个月检查问题数 · 消费者评价数' },
          ['问题 ', num(x.findingsLast12Months), ' · 评价 ', num(x.votes)])
      ]));
    });
    $('exemplary-empty').hidden = ol.children.length > 0;
  }

  // ---------------------------------------------------------------- grade stats
  function loadStats() {
    return api('/api/v1/stats/grades').then(function (stats) {
      renderGrades(stats && typeof stats === 'object' ? stats : {});
      state.statsLast = Date.now();
    });
  }

  /** scoreChanged → refresh at most every STATS_MIN_INTERVAL_MS, never two fetches in flight. */
  function requestStatsRefresh() {
    if (state.statsTimer) return;
    if (state.statsInFlight) { state.statsDirty = true; return; }
    var wait = Math.max(300, state.statsLast + STATS_MIN_INTERVAL_MS - Date.now());
    var session = state.session;
    state.statsTimer = setTimeout(function () {
      state.statsTimer = null;
      if (session !== state.session) return;
      state.statsInFlight = true;
      loadStats().catch(soft('等级分布')).then(function () {
        if (session !== state.session) return;
        state.statsInFlight = false;
        state.statsLast = Date.now();
        if (state.statsDirty) { state.statsDirty = false; requestStatsRefresh(); }
      });
    }, wait);
  }

  function orderedKeys(obj, order) {
    var keys = order.filter(function (k) { return Object.prototype.hasOwnProperty.call(obj, k); });
    Object.keys(obj).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    return keys;
  }

  function renderGrades(stats) {
    var root = $('grades');
    clear(root);
    var kinds = orderedKeys(stats, KIND_ORDER).filter(function (k) { return stats[k] && typeof stats[k] === 'object'; });
    KIND_ORDER.forEach(function (k) { if (kinds.indexOf(k) < 0) kinds.push(k); });
    kinds.forEach(function (kind) {
      var dist = (stats[kind] && typeof stats[kind] === 'object') ? stats[kind] : {};
      var isOfficial = kind === 'official';
      var keys = orderedKeys(dist, isOfficial ? STAR_ORDER : GRADE_ORDER);
      var total = 0, max = 0;
      keys.forEach(function (g) { var n = num(dist[g]); total += n; if (n > max) max = n; });

      var panel = el('div', { 'class': 'grade-panel', 'data-kind': kind }, [
        el('div', { 'class': 'grade-head' }, [
          el('span', { 'class': 'grade-kind', text: KIND_LABEL[kind] || kind }),
          el('span', { 'class': 'grade-total', text: '共 ' + total })
        ])
      ]);
      if (!keys.length || total === 0) {
        panel.appendChild(el('div', { 'class': 'empty small', text: '暂无数据' }));
      }
      keys.forEach(function (g) {
        var n = num(dist[g]);
        var label = isOfficial ? g + '★' : g;
        var note = isOfficial ? STAR_NOTE[g] : GRADE_NOTE[g];
        var band = gradeBand(kind, g);
        var fill = el('span', { 'class': 'bar-fill band-' + band });
        fill.style.width = (max > 0 ? (n / max) * 100 : 0).toFixed(1) + '%';
        panel.appendChild(el('div', { 'class': 'grade-bar', 'data-grade': g, title: note ? label + ' · ' + note : label }, [
          el('span', { 'class': 'bar-label', text: label }),
          el('span', { 'class': 'bar-track' }, [fill]),
          el('span', { 'class': 'bar-count', text: n })
        ]));
      });
      if (kind === 'person') {
        panel.appendChild(el('div', { 'class': 'grade-foot', text: '个人信用分仅用于守信激励' }));
      }
      root.appendChild(panel);
    });
    setText('grades-updated', '更新于 ' + fmtTime(new Date(serverNow())));
  }

  function gradeBand(kind, g) {
    if (kind === 'official') return ({ '6': 'good', '5': 'good', '4': 'ok', '3': 'ok', '2': 'warn', '1': 'bad' })[g] || 'ok';
    return ({ AAA: 'good', AA: 'good', 'A+': 'good', A: 'ok', 'A-': 'ok', B: 'warn', C: 'bad', D: 'severe' })[g] || 'ok';
  }

  // ---------------------------------------------------------------- departments (双公示)
  function loadDepartments() {
    return api('/api/v1/stats/departments').then(function (rows) { renderDepartments(asArray(rows)); });
  }

  function renderDepartments(rows) {
    var body = $('departments-body');
    clear(body);
    rows = rows.filter(Boolean).slice().sort(function (a, b) {
      var ra = isNum(a.onTimeRate) ? Number(a.onTimeRate) : 2, rb = isNum(b.onTimeRate) ? Number(b.onTimeRate) : 2;
      return ra - rb || String(a.department || '').localeCompare(String(b.department || ''), 'zh-CN');
    });
    rows.forEach(function (r) {
      var rate = isNum(r.onTimeRate) ? Number(r.onTimeRate) : null;
      var band = rate === null ? 'none' : rate >= 0.95 ? 'good' : rate >= 0.8 ? 'warn' : 'bad';
      var fill = el('span', { 'class': 'bar-fill rate-' + band });
      fill.style.width = rate === null ? '0' : (Math.max(0, Math.min(1, rate)) * 100).toFixed(1) + '%';
      body.appendChild(el('tr', { 'class': 'dept-row', 'data-department': r.department }, [
        el('td', { 'class': 'dept-name', text: r.department || '—' }),
        el('td', { 'class': 'num', text: num(r.total) }),
        el('td', { 'class': 'num', text: num(r.onTime) }),
        el('td', { 'class': 'num' + (num(r.late) > 0 ? ' late' : ''), text: num(r.late) }),
        el('td', { 'class': 'rate-col' }, [
          el('div', { 'class': 'rate-cell' }, [
            el('span', { 'class': 'bar-track' }, [fill]),
            el('span', { 'class': 'rate-text rate-' + band, text: rate === null ? '—' : pct(rate) })
          ])
        ])
      ]));
    });
    $('departments-empty').hidden = rows.length > 0;
  }

  // ---------------------------------------------------------------- objections
  function loadObjections() {
    return Promise.all([
      api('/api/v1/objections?status=open'),
      api('/api/v1/objections?status=overdue')
    ]).then(function (r) { renderObjections(asArray(r[0]), asArray(r[1])); });
  }

  function renderObjections(open, overdue) {
    setText('objections-open-count', open.length);
    setText('objections-overdue-count', overdue.length);
    var seen = {};
    var items = [];
    overdue.forEach(function (o) { if (o) { seen[o.objectionId] = true; items.push({ o: o, overdue: true }); } });
    open.forEach(function (o) { if (o && !seen[o.objectionId]) items.push({ o: o, overdue: !!o.overdue }); });

    var ul = $('objections');
    clear(ul);
    var now = serverNow();
    items.forEach(function (it) {
      var o = it.o;
      var due = parseInstant(o.dueAt);
      var dueText = '—';
      if (due) {
        var days = Math.ceil((due.getTime() - now) / 86400000);
        dueText = it.overdue || days < 0 ? '逾期 ' + Math.max(1, -days) + ' 天' : '剩余 ' + Math.max(0, days) + ' 天';
      }
      ul.appendChild(el('li', { 'class': 'objection' + (it.overdue ? ' overdue' : ''), 'data-objection-id': o.objectionId, 'data-status': it.overdue ? 'overdue' : 'open' }, [
        el('div', { 'class': 'obj-line' }, [
          el('span', { 'class': 'kind-tag kind-' + (KIND_LABEL[o.subjectKind] ? o.subjectKind : 'other'), text: KIND_LABEL[o.subjectKind] || o.subjectKind || '—' }),
          el('span', { 'class': 'obj-subject mono', text: o.subjectId || '—' }),
          el('span', { 'class': 'obj-due', text: dueText })
        ]),
        el('div', { 'class': 'obj-line obj-sub' }, [
          el('span', { 'class': 'obj-reason', text: o.reason || '（未填写理由）' })
        ]),
        el('div', { 'class': 'obj-line obj-sub muted' }, [
          el('span', { text: '记录 ' + (o.recordId || '—') }),
          el('span', { text: '受理 ' + fmtDateTime(o.openedAt) + ' · 时限 ' + fmtDateTime(o.dueAt) })
        ])
      ]));
    });
    $('objections-empty').hidden = items.length > 0;
  }

  // ---------------------------------------------------------------- emergencies (突发事件应急处置, 张政字〔2021〕95号)
  function loadEmergencies() {
    return api('/api/v1/emergencies?status=active').then(function (list) {
      applyEmergencies(asArray(list));
    });
  }

  /** A debounced full re-fetch (used when a push cannot be applied in place). */
  function requestEmergencyRefresh() {
    if (state.emergencyTimer) return;
    state.emergencyTimer = setTimeout(function () {
      state.emergencyTimer = null;
      loadEmergencies().catch(soft('突发事件'));
    }, 500);
  }

  function isIncident(x) { return x && typeof x === 'object' && x.incidentId !== undefined && x.incidentId !== null && x.incidentId !== ''; }
  function isActive(x) { return x.status !== 'ended' && !x.endedAt; }
  function incidentSig(x) { try { return JSON.stringify(x); } catch (e) { return String(Math.random()); } }

  function severityRank(x) { return Object.prototype.hasOwnProperty.call(SEVERITY_RANK, x.severity) ? SEVERITY_RANK[x.severity] : 9; }
  function responseRank(x) { return isNum(x.responseLevel) ? Number(x.responseLevel) : 99; }
  /** 特别重大 > 重大 > 较大 > 一般, then response level 1..4 (none last). Array#sort is stable: ties keep server order. */
  function sortIncidents(list) {
    return list.sort(function (a, b) { return severityRank(a) - severityRank(b) || responseRank(a) - responseRank(b); });
  }

  function applyEmergencies(list) {
    var prev = {};
    state.emergencies.forEach(function (x) { prev[String(x.incidentId)] = incidentSig(x); });
    var first = !state.emergenciesLoaded;
    var seen = {};
    state.emergencies = sortIncidents(list.filter(function (x) {
      if (!isIncident(x) || !isActive(x) || seen[String(x.incidentId)]) return false;
      seen[String(x.incidentId)] = true;
      return true;
    }));
    state.emergenciesLoaded = true;
    renderEmergencies(false);
    if (!first) {
      state.emergencies.forEach(function (x) {
        var id = String(x.incidentId);
        if (prev[id] !== incidentSig(x)) flashIncident(id, prev[id] === undefined ? 'created' : null);
      });
    }
    syncSelection();
  }

  function onEmergencyChanged(p) {
    if (!isIncident(p)) return;
    var id = String(p.incidentId);
    var change = typeof p.change === 'string' ? p.change : null;
    var x = {};
    Object.keys(p).forEach(function (k) { if (k !== 'change') x[k] = p[k]; });
    var idx = -1;
    for (var i = 0; i < state.emergencies.length; i++) {
      if (String(state.emergencies[i].incidentId) === id) { idx = i; break; }
    }
    if (change === 'ended' || x.status === 'ended') {
      if (idx >= 0) state.emergencies.splice(idx, 1);
      renderEmergencies(false);
      syncSelection();
      return;
    }
    if (!x.title || !x.severity || !x.status) { requestEmergencyRefresh(); return; } // not a full incident object
    var before = idx >= 0 ? state.emergencies[idx] : null;
    if (idx >= 0) state.emergencies[idx] = x; else state.emergencies.push(x);
    sortIncidents(state.emergencies);
    state.emergenciesLoaded = true;
    renderEmergencies(false);
    flashIncident(id, change || (before ? null : 'created'));
    if (state.selectedIncident === id && before && incidentSig(before.leadDepartments) !== incidentSig(x.leadDepartments)) {
      loadResources(id);
    } else {
      syncSelection();
    }
  }

  function findIncidentEl(id) {
    var items = $('emergencies').children;
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-incident-id') === String(id)) return items[i];
    }
    return null;
  }

  function flashIncident(id, change) {
    var li = findIncidentEl(id);
    if (!li) return;
    if (change) li.setAttribute('data-change', change);
    li.classList.remove('flash');
    void li.offsetWidth; // restart the animation
    li.classList.add('flash');
    clearTimeout(li._flashTimer); // drop the class afterwards so moving the node later does not replay it
    li._flashTimer = setTimeout(function () { li.classList.remove('flash'); }, 2600);
  }

  /** Rebuilds each card in place (same element per incident) and moves nodes only where the order changed. */
  function renderEmergencies() {
    var ul = $('emergencies');
    var existing = {};
    Array.prototype.slice.call(ul.children).forEach(function (li) { existing[li.getAttribute('data-incident-id')] = li; });
    var keep = {};
    state.emergencies.forEach(function (x, i) {
      var id = String(x.incidentId);
      keep[id] = true;
      var li = existing[id] || el('li', { 'class': 'incident', role: 'option', tabindex: '0' });
      fillIncident(li, x);
      var at = ul.children[i];
      if (at !== li) ul.insertBefore(li, at || null);
    });
    Object.keys(existing).forEach(function (id) { if (!keep[id]) ul.removeChild(existing[id]); });

    var active = state.emergencies.length > 0;
    $('emergencies-empty').hidden = active;
    $('emergency-resources').hidden = !active;
    $('emergency-panel').setAttribute('data-active', active ? 'true' : 'false');
    $('dashboard').setAttribute('data-emergency', active ? 'active' : 'none');
    setText('emergencies-count', state.emergencies.length);
    tickDeadlines();
  }

  function fillIncident(li, x) {
    var id = String(x.incidentId);
    var severity = typeof x.severity === 'string' ? x.severity : '';
    var wColor = WARNING_COLORS.indexOf(x.warningColor) >= 0 ? x.warningColor
      : (isNum(x.warningLevel) ? WARNING_COLORS[Number(x.warningLevel) - 1] || null : null);
    var rLevel = isNum(x.responseLevel) ? Number(x.responseLevel) : null;
    var selected = state.selectedIncident === id;

    li.className = 'incident ' + (SEVERITY_CLASS[severity] || 'sev-unknown') + (selected ? ' selected' : '') +
      (li.classList.contains('flash') ? ' flash' : '');
    li.setAttribute('data-incident-id', id);
    li.setAttribute('data-severity', severity);
    li.setAttribute('data-status', x.status || '');
    li.setAttribute('data-response-level', rLevel === null ? '' : String(rLevel));
    li.setAttribute('data-warning-color', x.warningColor === null || x.warningColor === undefined ? '' : String(x.warningColor));
    li.setAttribute('data-escalated', x.escalated ? 'true' : 'false');
    li.setAttribute('aria-selected', selected ? 'true' : 'false');
    li.setAttribute('title', (x.title || id) + ' · 点击查看应急资源');
    clear(li);

    // line 1: severity · title · status
    li.appendChild(el('div', { 'class': 'inc-line inc-top' }, [
      el('span', { 'class': 'inc-severity', text: severity || '—' }),
      el('span', { 'class': 'inc-title', text: x.title || id }),
      el('span', { 'class': 'inc-status', 'data-status': x.status || '', text: INCIDENT_STATUS[x.status] || x.status || '—' })
    ]));

    // line 2: type / category · location · occurred
    li.appendChild(el('div', { 'class': 'inc-line inc-meta' }, [
      el('span', { 'class': 'inc-type', text: (x.type || '—') + (x.category ? ' · ' + x.category : '') }),
      x.location ? el('span', { 'class': 'inc-location', title: '事发地点', text: x.location }) : null,
      el('span', { 'class': 'inc-occurred mono', title: '发生时间', text: '发生 ' + fmtDateTime(x.occurredAt) })
    ]));

    // line 3: warning badge · response level · commander
    var resp = [];
    if (rLevel !== null) {
      resp.push(el('span', { 'class': 'inc-response', 'data-level': rLevel, text: RESPONSE_LABEL[rLevel] || (rLevel + '级响应') }));
      if (x.commander) resp.push(el('span', { 'class': 'inc-commander' }, ['指挥 ', el('b', { text: x.commander })]));
      if (x.decidedBy) resp.push(el('span', { 'class': 'inc-decided muted', text: x.decidedBy + '决定启动' }));
    } else {
      resp.push(el('span', { 'class': 'inc-response inc-none', 'data-level': '', text: '未启动响应' }));
    }
    li.appendChild(el('div', { 'class': 'inc-line inc-command' }, [
      wColor
        ? el('span', { 'class': 'warning-badge warn-' + wColor, 'data-color': wColor, title: isNum(x.warningLevel) ? '预警级别 ' + x.warningLevel + ' 级' : null, text: WARNING_LABEL[wColor] })
        : el('span', { 'class': 'warning-badge warn-none', 'data-color': '', text: '未发布预警' })
    ].concat(resp)));

    // line 4: lead departments
    var leads = asArray(x.leadDepartments).filter(function (d) { return typeof d === 'string' && d; });
    li.appendChild(el('div', { 'class': 'inc-line inc-leads' }, [
      el('span', { 'class': 'inc-label', text: '牵头' }),
      el('span', { 'class': 'inc-leads-list', text: leads.length ? leads.join('、') : '—' })
    ]));

    if (x.escalated) {
      li.appendChild(el('div', { 'class': 'inc-line inc-escalation', title: '按事件级别由上级统一领导（张政字〔2021〕95号《张店区突发事件总体应急预案》）' }, [
        '上报 ' + (x.leadingJurisdiction || '上级党委、政府')
      ]));
    }

    // deadlines (L3502)
    var deadlines = asArray(x.deadlines).filter(function (d) { return d && typeof d === 'object'; });
    if (deadlines.length) {
      var ul = el('ul', { 'class': 'deadlines', 'aria-label': '信息发布时限' });
      deadlines.forEach(function (d) {
        var due = parseInstant(d.dueAt);
        var node = el('li', { 'class': 'deadline', 'data-kind': d.kind || '', 'data-overdue': d.overdue ? 'true' : 'false',
          'data-due-at': d.dueAt || '', 'data-done': d.doneAt ? 'true' : 'false' }, [
          el('span', { 'class': 'deadline-label', text: DEADLINE_LABEL[d.kind] || d.kind || '信息发布' }),
          el('span', { 'class': 'deadline-countdown mono' }),
          el('span', { 'class': 'deadline-due muted mono', title: due ? fmtDateTime(d.dueAt) : null, text: '时限 ' + (due ? fmtHm(due) : '—') })
        ]);
        node._deadline = { due: due, done: parseInstant(d.doneAt), serverOverdue: d.overdue === true };
        ul.appendChild(node);
      });
      li.appendChild(ul);
    }

    var hist = asArray(x.history).filter(function (h) { return h && typeof h === 'object'; });
    if (hist.length) {
      var h = hist[hist.length - 1];
      li.appendChild(el('div', { 'class': 'inc-line inc-latest muted' }, [
        el('span', { 'class': 'mono', text: fmtDateTime(h.at) }),
        el('span', { 'class': 'inc-latest-text', text: [h.detail || h.change, h.by ? '（' + h.by + '）' : ''].join('') })
      ]));
    }
  }

  function fmtHm(d) { return fmt({ hour: '2-digit', minute: '2-digit' }).format(d); }
  function fmtDuration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return h + '小时' + m + '分' + (sec < 10 ? '0' : '') + sec + '秒';
  }

  /** Every second: countdowns, and deadlines that pass client-side turn overdue at once. */
  function tickDeadlines() {
    var now = serverNow();
    var overdueIncidents = 0;
    var items = $('emergencies').children;
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var any = false;
      var nodes = li.querySelectorAll('.deadline');
      for (var j = 0; j < nodes.length; j++) {
        var n = nodes[j], d = n._deadline;
        if (!d) continue;
        var text, overdue, urgent = false;
        if (d.done) {
          overdue = d.serverOverdue || (d.due ? d.done.getTime() > d.due.getTime() : false);
          text = '已于 ' + fmtHm(d.done) + ' 发布' + (overdue && d.due ? '（超时 ' + fmtDuration(d.done.getTime() - d.due.getTime()) + '）' : '');
        } else if (!d.due) {
          overdue = d.serverOverdue;
          text = overdue ? '已超时' : '时限未知';
        } else {
          overdue = d.serverOverdue || now > d.due.getTime();
          if (overdue) text = '已超时 ' + fmtDuration(now - d.due.getTime());
          else { text = '剩余 ' + fmtDuration(d.due.getTime() - now + 999); urgent = d.due.getTime() - now <= 3600000; }
        }
        if (overdue) any = true;
        var v = overdue ? 'true' : 'false';
        if (n.getAttribute('data-overdue') !== v) n.setAttribute('data-overdue', v);
        if (n.getAttribute('data-urgent') !== String(urgent)) n.setAttribute('data-urgent', String(urgent));
        var c = n.querySelector('.deadline-countdown');
        if (c.textContent !== text) c.textContent = text;
      }
      li.setAttribute('data-overdue', any ? 'true' : 'false');
      if (any) overdueIncidents++;
    }
    setText('emergencies-overdue-count', overdueIncidents);
  }

  // ---- selection & resources
  function selectIncident(id) {
    id = String(id);
    state.selectedIncident = id;
    markSelected();
    loadResources(id);
    var li = findIncidentEl(id); // the list may have shrunk to make room for the resources: keep the selection visible
    if (li && li.scrollIntoView) { try { li.scrollIntoView({ block: 'nearest' }); } catch (e) { /* old engine */ } }
  }

  function markSelected() {
    $('emergency-panel').setAttribute('data-selection', state.selectedIncident === null ? 'false' : 'true');
    var items = $('emergencies').children;
    for (var i = 0; i < items.length; i++) {
      var on = items[i].getAttribute('data-incident-id') === state.selectedIncident;
      items[i].classList.toggle('selected', on);
      items[i].setAttribute('aria-selected', on ? 'true' : 'false');
    }
  }

  /** After the list changed: drop the selection when its incident left; keep the shown title current. */
  function syncSelection() {
    var id = state.selectedIncident;
    if (id === null) return;
    var x = null;
    state.emergencies.forEach(function (e) { if (String(e.incidentId) === id) x = e; });
    if (!x) {
      state.selectedIncident = null;
      state.resourcesSeq++;
      resetResources();
      markSelected();
      return;
    }
    setText('resources-incident', x.title || id);
    markSelected();
  }

  function resetResources() {
    var box = $('emergency-resources');
    box.setAttribute('data-state', 'idle');
    box.setAttribute('data-incident-id', '');
    setText('resources-incident', '');
    var body = $('resources-body');
    clear(body);
    body.hidden = true;
    setText('resources-hint', '点击事件，查看储备库、避难场所、消防救援站和医疗单位');
    $('resources-hint').hidden = false;
  }

  function loadResources(id) {
    var seq = ++state.resourcesSeq;
    var box = $('emergency-resources');
    var x = null;
    state.emergencies.forEach(function (e) { if (String(e.incidentId) === id) x = e; });
    box.setAttribute('data-incident-id', id);
    box.setAttribute('data-state', 'loading');
    setText('resources-incident', x ? (x.title || id) : id);
    if ($('resources-body').hidden) {
      setText('resources-hint', '应急资源加载中……');
      $('resources-hint').hidden = false;
    }
    return api('/api/v1/emergencies/' + encodeURIComponent(id) + '/resources').then(function (r) {
      if (seq !== state.resourcesSeq || state.selectedIncident !== id) return;
      renderResources(r && typeof r === 'object' ? r : {}, x);
      box.setAttribute('data-state', 'loaded');
    }).catch(function (err) {
      if (err instanceof AuthError || err instanceof StaleError) return;
      if (seq !== state.resourcesSeq) return;
      console.warn('[dashboard] 应急资源加载失败:', err && err.message ? err.message : err);
      box.setAttribute('data-state', 'error');
      clear($('resources-body'));
      $('resources-body').hidden = true;
      setText('resources-hint', '应急资源加载失败，请稍后再点击事件重试');
      $('resources-hint').hidden = false;
    });
  }

  function resSection(key, title, count, extra) {
    return el('section', { 'class': 'res-section', 'data-res': key }, [
      el('h3', { 'class': 'res-section-title' }, [title, el('span', { 'class': 'res-count', text: count })]),
      extra || null
    ]);
  }

  function fmtNum(v) { return isNum(v) ? String(Number(v)) : '—'; }

  function renderResources(r, incident) {
    var body = $('resources-body');
    clear(body);

    // 应急物资储备库 (§5.3)
    var warehouses = asArray(r.warehouses).filter(Boolean);
    var match = r.warehousesMatchLeads === true;
    var leads = incident ? asArray(incident.leadDepartments).join('、') : '';
    var wSec = resSection('warehouses', '应急物资储备库', warehouses.length,
      el('p', { id: 'resources-warehouses-match', 'class': 'res-match', 'data-match': match ? 'true' : 'false',
        text: match ? '✓ 牵头部门' + (leads ? '（' + leads + '）' : '') + '所属储备库'
                    : '牵头部门' + (leads ? '（' + leads + '）' : '') + '无所属储备库，列出全部储备库' }));
    var wl = el('ul', { 'class': 'res-list' });
    warehouses.forEach(function (w) {
      var contact = w.contact && typeof w.contact === 'object' ? w.contact : {};
      var dept = w.managingDepartment || w.managedBy || contact.unit;
      wl.appendChild(el('li', { 'class': 'res-item res-warehouse', 'data-number': w.number }, [
        el('div', { 'class': 'res-name' }, [
          el('span', { text: w.name || '—' }),
          isNum(w.areaSquareMetres) ? el('span', { 'class': 'res-tag', text: (w.areaApproximate ? '约' : '') + fmtNum(w.areaSquareMetres) + '㎡' }) : null
        ]),
        el('div', { 'class': 'res-sub' }, [
          dept ? el('span', { text: '管理 ' + dept }) : null,
          contact.phone ? el('span', { 'class': 'res-phone mono', text: '☎ ' + contact.phone }) : null,
          contact.reserveType ? el('span', { text: contact.reserveType }) : null
        ]),
        w.stores ? el('div', { 'class': 'res-sub muted', text: w.stores }) : null,
        w.location ? el('div', { 'class': 'res-sub muted', text: '地址 ' + w.location }) : null
      ]));
    });
    wSec.appendChild(wl);
    body.appendChild(wSec);

    // 应急避难场所 (table 9.4)
    var shelters = asArray(r.shelters).filter(Boolean);
    var sSec = resSection('shelters', '应急避难场所', shelters.length);
    var sl = el('ul', { 'class': 'res-list' });
    shelters.forEach(function (s) {
      sl.appendChild(el('li', { 'class': 'res-item res-shelter', 'data-number': s.number }, [
        el('div', { 'class': 'res-name' }, [
          el('span', { text: s.name || '—' }),
          s.shelterClass ? el('span', { 'class': 'res-tag', text: s.shelterClass + '类' }) : null
        ]),
        el('div', { 'class': 'res-sub' }, [
          el('span', { 'class': 'res-capacity', text: '容纳 ' + fmtNum(s.capacityTenThousandPeople) + ' 万人' }),
          el('span', { 'class': 'res-area', text: '面积 ' + fmtNum(s.areaTenThousandM2) + ' 万㎡' })
        ]),
        s.address ? el('div', { 'class': 'res-sub muted', text: '地址 ' + s.address + (s.coordinatesText ? '（' + s.coordinatesText + '）' : '') }) : null
      ]));
    });
    sSec.appendChild(sl);
    body.appendChild(sSec);

    // 消防救援站 (table 9.3)
    var stations = asArray(r.fireStations).filter(Boolean);
    var fSec = resSection('fire-stations', '消防救援站', stations.length);
    var fl = el('ul', { 'class': 'res-list' });
    stations.forEach(function (f) {
      var vehicles = asArray(f.vehicles).filter(Boolean);
      var total = isNum(f.vehicleCount) ? Number(f.vehicleCount) : vehicles.reduce(function (a, v) { return a + num(v.quantity); }, 0);
      fl.appendChild(el('li', { 'class': 'res-item res-fire-station', 'data-number': f.number }, [
        el('div', { 'class': 'res-name' }, [
          el('span', { text: f.name || '—' }),
          el('span', { 'class': 'res-tag', text: '车辆 ' + total }),
          f.phone ? el('span', { 'class': 'res-phone mono', text: '☎ ' + f.phone }) : null
        ]),
        el('ul', { 'class': 'vehicles' }, vehicles.map(function (v) {
          return el('li', { 'class': 'vehicle' }, [v.name || '—', el('b', { text: ' ×' + fmtNum(v.quantity) + (v.unit || '') })]);
        }))
      ]));
    });
    fSec.appendChild(fl);
    body.appendChild(fSec);

    // 医疗卫生单位 (table 9.5)
    var medical = asArray(r.medicalUnits).filter(Boolean);
    var mSec = resSection('medical-units', '医疗卫生单位', medical.length);
    var ml = el('ul', { 'class': 'res-list res-medical-list' });
    medical.forEach(function (m) {
      ml.appendChild(el('li', { 'class': 'res-item res-medical-unit' }, [
        el('span', { 'class': 'res-name-text', text: m.name || '—' }),
        el('span', { 'class': 'res-phone mono', text: m.phone || '—' })
      ]));
    });
    mSec.appendChild(ml);
    body.appendChild(mSec);

    $('resources-hint').hidden = true;
    body.hidden = false;
    body.scrollTop = 0;
  }

  function onIncidentActivate(e) {
    var li = e.target && e.target.closest ? e.target.closest('.incident') : null;
    if (!li || !$('emergencies').contains(li)) return;
    if (e.type === 'keydown') {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
    }
    selectIncident(li.getAttribute('data-incident-id'));
  }

  // ---------------------------------------------------------------- ticker
  function addTicker(p) {
    var ul = $('ticker');
    var kind = p.kind;
    var name = p.name;
    if (!name && (kind === 'merchant' || kind === 'enterprise') && state.board) {
      for (var i = 0; i < state.board.merchants.length; i++) {
        if (state.board.merchants[i].id === p.id) { name = state.board.merchants[i].name; break; }
      }
    }
    var hasPrev = isNum(p.previousScore), hasNew = isNum(p.score);
    var delta = hasPrev && hasNew ? Number(p.score) - Number(p.previousScore) : null;
    var dir = delta === null ? 'new' : delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
    var standing;
    if (kind === 'official' || (isNum(p.stars) && !p.grade)) standing = isNum(p.stars) ? p.stars + '★' : '—';
    else standing = p.grade || '—';

    var li = el('li', { 'class': 'ticker-item dir-' + dir, 'data-kind': kind }, [
      el('span', { 'class': 'tk-time mono', text: fmtTime(p.at || new Date()) }),
      el('span', { 'class': 'kind-tag kind-' + (KIND_LABEL[kind] ? kind : 'other'), text: KIND_LABEL[kind] || kind || '—' }),
      el('span', { 'class': 'tk-who' }, [
        name ? el('span', { 'class': 'tk-name', text: name }) : null,
        el('span', { 'class': 'tk-id mono', text: p.id === undefined || p.id === null ? '—' : p.id })
      ]),
      el('span', { 'class': 'tk-score mono' }, [
        el('span', { 'class': 'tk-prev', text: hasPrev ? p.previousScore : '—' }),
        ' → ',
        el('b', { 'class': 'tk-new', text: hasNew ? p.score : '—' }),
        delta !== null && delta !== 0 ? el('span', { 'class': 'tk-delta', text: (delta > 0 ? ' ▲+' : ' ▼') + delta }) : null
      ]),
      el('span', { 'class': 'tk-grade' }, [
        standing,
        kind === 'merchant' && COLORS.indexOf(p.color) >= 0 ? el('i', { 'class': 'swatch small color-' + p.color, title: COLOR_TITLE[p.color] }) : null
      ])
    ]);
    ul.insertBefore(li, ul.firstChild);
    while (ul.children.length > TICKER_MAX) ul.removeChild(ul.lastChild);
    state.tickerCount++;
    setText('ticker-count', '本次会话 ' + state.tickerCount + ' 条');
    $('ticker-empty').hidden = true;
  }

  // ---------------------------------------------------------------- hub
  var CONN_TEXT = { connected: '已连接', reconnecting: '重新连接中', connecting: '连接中', disconnected: '已断开' };
  function setConnState(s) {
    var n = $('connection-state');
    n.setAttribute('data-state', s);
    n.textContent = CONN_TEXT[s] || s;
  }

  /** Board pushes are queued during a full sync so they land on top of the fresh snapshot. */
  function boardPush(fn) {
    return function (payload) {
      if (!payload || typeof payload !== 'object') return;
      if (state.syncing > 0) state.pending.push({ fn: fn, payload: payload });
      else fn(payload);
    };
  }

  function onMerchantStatusChanged(p) {
    if (!state.street) return;
    if (!state.board) { requestBoardRefresh(); return; }
    if (p.street && p.street !== state.street) {
      if (state.streets.indexOf(p.street) < 0) { state.streets.push(p.street); renderStreetPicker(); }
      return;
    }
    var m = null;
    for (var i = 0; i < state.board.merchants.length; i++) {
      if (String(state.board.merchants[i].id) === String(p.merchantId)) { m = state.board.merchants[i]; break; }
    }
    var tile = findTile(p.merchantId);
    if (!m || !tile) { requestBoardRefresh(); requestExemplaryRefresh(); return; }
    if (p.name) m.name = p.name;
    if (p.color !== undefined) m.color = p.color;
    if (p.grade !== undefined) m.grade = p.grade;
    if (p.score !== undefined) m.score = p.score;
    var color = safeColor(m.color);
    tile.className = 'tile color-' + color;
    tile.setAttribute('data-color', m.color === undefined || m.color === null ? '' : m.color);
    tile.setAttribute('title', (m.name || m.id) + ' · ' + (COLOR_TITLE[color] || '状态未知'));
    fillTile(tile, m);
    flashTile(p.merchantId);
    recomputeCounts();
    requestExemplaryRefresh();
  }

  function onBoardChanged(b) {
    if (!b.street) return;
    if (state.streets.indexOf(b.street) < 0) {
      state.streets.push(b.street);
      if (!state.street) { state.street = b.street; }
      renderStreetPicker();
    }
    if (b.street !== state.street) return;
    state.boardSeq++; // a fetch still in flight is older than this push
    applyBoard(b, true);
    requestExemplaryRefresh();
  }

  function onScoreChanged(p) {
    if (!p || typeof p !== 'object') return;
    addTicker(p);
    requestStatsRefresh();
  }

  function isAuthFailure(err) {
    if (!err) return 0;
    if (err.statusCode === 401 || err.statusCode === 403) return err.statusCode;
    var m = /Status code '(401|403)'/.exec(String(err.message || err));
    return m ? Number(m[1]) : 0;
  }

  function startHub() {
    if (typeof signalR === 'undefined') {
      console.warn('[dashboard] SignalR 客户端未加载');
      setConnState('disconnected');
      return;
    }
    var session = state.session;
    var conn = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/grid', { accessTokenFactory: function () { return state.key; } })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    state.connection = conn;

    conn.on('merchantStatusChanged', boardPush(onMerchantStatusChanged));
    conn.on('boardChanged', boardPush(onBoardChanged));
    conn.on('scoreChanged', onScoreChanged);
    conn.on('emergencyChanged', boardPush(onEmergencyChanged));
    conn.on('gradesChanged', function (stats) { if (session === state.session) renderGrades(stats && typeof stats === 'object' ? stats : {}); });
    // The server dropped live messages (a full stream queue or outbox): re-fetch everything, as after a reconnect.
    conn.on('resync', function () { if (session === state.session) syncAll(); });

    conn.onreconnecting(function () {
      if (session === state.session) setConnState('reconnecting');
    });
    conn.onreconnected(function () {
      if (session !== state.session) return;
      setConnState('connected');
      syncAll();
    });
    conn.onclose(function (err) {
      if (session !== state.session) return;
      setConnState('disconnected');
      var auth = isAuthFailure(err);
      if (auth) { onUnauthorized(auth); return; }
      scheduleHubStart(conn, session);
    });
    connectHub(conn, session);
  }

  function connectHub(conn, session) {
    setConnState('connecting');
    conn.start().then(function () {
      if (session !== state.session) { conn.stop().catch(function () {}); return; }
      state.hubRetryDelay = 0;
      setConnState('connected');
      syncAll();
    }, function (err) {
      if (session !== state.session) return;
      setConnState('disconnected');
      var auth = isAuthFailure(err);
      if (auth) { onUnauthorized(auth); return; }
      scheduleHubStart(conn, session);
    });
  }

  function scheduleHubStart(conn, session) {
    clearTimeout(state.hubRetryTimer);
    state.hubRetryDelay = Math.min(30000, state.hubRetryDelay ? state.hubRetryDelay * 2 : 5000);
    state.hubRetryTimer = setTimeout(function () {
      state.hubRetryTimer = null;
      if (session !== state.session || conn !== state.connection) return;
      if (conn.state !== signalR.HubConnectionState.Disconnected) return;
      connectHub(conn, session);
    }, state.hubRetryDelay);
  }

  // ---------------------------------------------------------------- boot
  function tickClock() {
    setText('clock', fmtTime(new Date(serverNow())));
    tickDeadlines();
  }

  function init() {
    tickClock();
    setInterval(tickClock, 1000);
    renderGrades({});
    renderObjections([], []);
    renderDepartments([]);
    renderExemplary([]);
    renderSummary(null);
    renderEmergencies(false);

    $('operator-key-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var key = $('operator-key').value.trim();
      if (!key) { setText('auth-message', '请输入操作员密钥。'); return; }
      store('set', KEY_STORAGE, key);
      startSession(key);
    });
    $('street-select').addEventListener('change', onStreetSelected);
    $('emergencies').addEventListener('click', onIncidentActivate);
    $('emergencies').addEventListener('keydown', onIncidentActivate);
    $('logout').addEventListener('click', function () {
      endSession();
      store('del', KEY_STORAGE);
      showAuth('');
    });

    var key = store('get', KEY_STORAGE);
    if (key) startSession(key);
    else showAuth('');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
