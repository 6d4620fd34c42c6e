// The RiskGrid live risk dashboard: loads firm status, accounts, alerts, trading controls and the
// market model over REST, then applies server-sent events (/stream/risk, /stream/alerts). When a
// stream is down it falls back to polling. The cluster panel polls /admin/topology. Every DOM change is batched into one animation frame,
// and rows are updated in place, so a thousand accounts stay cheap to keep live.
//
// Strings from the API only ever reach the DOM as text (textContent / text nodes), never as HTML.

import { money, price, quantity, percent, score, ratio, clockTime, age, el, setText, syncKeyed } from './format.js';
import { TimeSeriesChart, CorrelationHeatmap } from './charts.js';

const API = '/api/v1';
const CHART_WINDOW_MS = 10 * 60 * 1000;
const POLL_FAST_MS = 2000;       // polling while a stream does not exist on the server
const POLL_SLOW_MS = 5000;       // polling while a stream is reconnecting
const STREAM_RETRY_MS = 15000;   // re-opening a stream the server refused
const CORRELATION_REFRESH_MS = 60000;
const TOPOLOGY_REFRESH_MS = 3000;  // the cluster panel: nodes, partitions, rebalancing
const POSITIONS_REFRESH_MS = 3000;
const ORDER_REFRESH_MS = 1000;   // re-ranking at most this often, so rows do not jump under the pointer
const SWEEP_BATCH = 25;          // accounts re-read per poll while the risk stream is down
const FETCH_CONCURRENCY = 6;
const DEFAULT_WARN_AT = 0.75;
const OPEN_ALERT = new Set(['ACTIVE', 'ESCALATED']);
const SEVERITY_RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

// The risk-score formula of io.riskgrid.core.risk.RiskScore: component -> [label, weight].
const SCORE_PARTS = [
  ['limits', 'Limits', 0.25], ['leverage', 'Leverage', 0.20], ['drawdown', 'Drawdown', 0.25],
  ['var', 'VaR', 0.15], ['concentration', 'Concentration', 0.075], ['margin', 'Margin', 0.075],
];

const $ = (selector, root = document) => root.querySelector(selector);

// ---------------------------------------------------------------------------------------------
// HTTP

/** A failed API call; message is the API's own {message} when it sent one. */
class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'cannot reach the server', null);
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the status line */ }
  if (!response.ok) {
    throw new ApiError(response.status, data?.message ?? `${response.status} ${response.statusText}`.trim(), data);
  }
  return data;
}

/** Runs task(item) for every item with at most `limit` running at once. */
async function forEachLimited(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try { await task(item); } catch { /* one account failing must not stop the others */ }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  firm: null,             // RiskStatus
  firmControl: null,      // EmergencyStatus.firm: who set the firm state and why
  accounts: new Map(),    // accountId -> {summary: AccountSummary|null, risk: AccountRiskSnapshot|null}
  alerts: new Map(),      // alertId -> AlertView (open ones only)
  selected: null,         // accountId shown in the drill-down
  selectedLimits: new Map(), // limitId -> LimitView of the selected account (for warnAt and metric)
  positions: [],          // PositionView[] of the selected account
  streams: { risk: 'connecting', alerts: 'connecting' },
  lastUpdate: null,
  lastOrderAt: 0,
  topology: null,         // TopologyView from /admin/topology
};

// What the next animation frame must redraw.
const dirty = {
  firm: false, accounts: new Set(), order: false, alerts: false, detail: false, positions: false,
  streams: false, lastUpdate: false, cluster: false,
};

let frameRequested = false;
let orderTimer = null;

/** Asks for one render pass; many events in a frame produce one pass. */
function schedule() {
  if (frameRequested) return;
  frameRequested = true;
  // Animation frames pause in background tabs; a timer keeps the page current there too.
  if (document.hidden) setTimeout(flush, 250); else requestAnimationFrame(flush);
}

function markUpdated() {
  state.lastUpdate = Date.now();
  dirty.lastUpdate = true;
  schedule();
}

// ---------------------------------------------------------------------------------------------
// Applying data (from REST or from a stream)

function applyFirm(status) {
  if (!status) return;
  const before = state.firm?.tradingState;
  state.firm = status;
  chart.add(Date.now(), { pnl: status.pnlTotal, gross: status.grossExposure });
  dirty.firm = true;
  markUpdated();
  // The firm state changed under us (a circuit breaker, another operator): learn who and why.
  if (before && before !== status.tradingState) loadEmergency();
}

function accountEntry(accountId) {
  let entry = state.accounts.get(accountId);
  if (!entry) {
    entry = { summary: null, risk: null };
    state.accounts.set(accountId, entry);
    dirty.order = true;
  }
  return entry;
}

/** Applies a risk snapshot unless a newer one is already shown. */
function applyRisk(snapshot) {
  if (!snapshot?.accountId) return;
  const entry = accountEntry(snapshot.accountId);
  if (entry.risk && snapshot.updatedAt < entry.risk.updatedAt) return;
  entry.risk = snapshot;
  dirty.accounts.add(snapshot.accountId);
  dirty.order = true;
  if (snapshot.accountId === state.selected) dirty.detail = true;
  markUpdated();
}

function applyAlert(alert) {
  if (!alert?.alertId) return;
  const current = state.alerts.get(alert.alertId);
  if (current && alert.updatedAt < current.updatedAt) return;
  if (alert.status === 'RESOLVED') state.alerts.delete(alert.alertId);
  else state.alerts.set(alert.alertId, alert);
  dirty.alerts = true;
  dirty.firm = true; // the active-alert count
  markUpdated();
}

/** Merges a full list of open alerts read at `readAt`: alerts missing from it have closed. */
function applyAlertList(list, readAt) {
  const seen = new Set();
  for (const alert of list) {
    seen.add(alert.alertId);
    applyAlert(alert);
  }
  for (const [id, alert] of state.alerts) {
    // An alert raised by the stream after the list was read is kept.
    if (!seen.has(id) && alert.updatedAt <= readAt) state.alerts.delete(id);
  }
  dirty.alerts = true;
  dirty.firm = true;
  markUpdated();
}

// ---------------------------------------------------------------------------------------------
// Loading over REST

function showGlobalError(message) {
  const banner = $('#global-error');
  banner.textContent = message;
  banner.hidden = !message;
}

async function loadStatus() {
  try {
    applyFirm(await api('/risk/status'));
    showGlobalError('');
  } catch (e) {
    showGlobalError(`Firm status unavailable: ${e.message}`);
  }
}

async function loadEmergency() {
  try {
    const status = await api('/emergency/status');
    state.firmControl = status.firm;
    dirty.firm = true;
    schedule();
  } catch { /* the firm state from /risk/status still shows */ }
}

async function loadAlerts() {
  const readAt = Date.now();
  try {
    applyAlertList(await api('/alerts/active?limit=500'), readAt);
  } catch (e) {
    showAlertError(`Alerts unavailable: ${e.message}`);
  }
}

async function loadAccountRisk(accountId) {
  applyRisk(await api(`/accounts/${encodeURIComponent(accountId)}/risk`));
}

/** Every account (paged), then each one's risk, a few requests at a time. */
async function loadAccounts() {
  const pageSize = 1000;
  const ids = [];
  try {
    for (let offset = 0; offset < 100000; offset += pageSize) {
      const page = await api(`/accounts?limit=${pageSize}&offset=${offset}`);
      for (const summary of page) {
        accountEntry(summary.accountId).summary = summary;
        dirty.accounts.add(summary.accountId);
        ids.push(summary.accountId);
      }
      if (page.length < pageSize) break;
    }
  } catch (e) {
    showGlobalError(`Accounts unavailable: ${e.message}`);
    return;
  }
  schedule();
  await forEachLimited(ids, FETCH_CONCURRENCY, loadAccountRisk);
}

let topologyLoading = false;

/** Reads the cluster's topology; a read still running is not doubled by the next tick. */
async function loadTopology() {
  if (topologyLoading) return;
  topologyLoading = true;
  try {
    state.topology = await api('/admin/topology');
    showClusterError('');
  } catch (e) {
    showClusterError(`Cluster topology unavailable: ${e.message}`);
  } finally {
    topologyLoading = false;
  }
  dirty.cluster = true;
  schedule();
}

const heatmapNote = $('#heatmap-note');

async function loadCorrelation() {
  try {
    const model = await api('/market/correlation');
    heatmap.setData(model);
    const unmodelled = (model.modelled ?? []).filter((m) => m === false).length;
    heatmapNote.textContent = `${model.instrumentIds.length} instruments, ${model.historyDays} days of history`
      + (unmodelled ? `; ${unmodelled} without history shown in grey italics` : '');
  } catch (e) {
    heatmap.setData(null);
    heatmapNote.textContent = e.status === 404 ? 'no market model yet' : `market model unavailable: ${e.message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Live streams, with polling while they are down

/**
 * Opens a stream (an EventSource held by stream-worker.js) and keeps state.streams[name] current.
 * EventSource reconnects by itself after a network error (reconnecting); when the server refuses
 * the stream (404, not an event stream) it gives up, so the stream is re-opened here after a pause.
 */
function openStream(name, path, handlers, resync) {
  let everOpen = false;
  const url = new URL(API + path, location.href).href;
  const connect = () => {
    const worker = new Worker('stream-worker.js');
    worker.onmessage = ({ data: message }) => {
      switch (message.type) {
        case 'open':
          // After a gap we may have missed changes that Last-Event-ID cannot replay: read them.
          if (everOpen || state.streams[name] === 'unavailable') resync();
          everOpen = true;
          setStreamState(name, 'open');
          break;
        case 'error':
          if (message.closed) {
            worker.terminate();
            setStreamState(name, 'unavailable');
            setTimeout(connect, STREAM_RETRY_MS);
          } else {
            setStreamState(name, 'reconnecting');
          }
          break;
        case 'event': {
          const handle = handlers[message.name];
          if (!handle) return;
          let data;
          try { data = JSON.parse(message.data); } catch { console.warn(`bad ${message.name} event`, message.data); return; }
          handle(data);
          break;
        }
        default:
          break;
      }
    };
    worker.onerror = (e) => {
      // The worker itself failed (it could not be loaded): poll, and try again later.
      e.preventDefault();
      worker.terminate();
      setStreamState(name, 'unavailable');
      setTimeout(connect, STREAM_RETRY_MS);
    };
    worker.postMessage({ url, events: Object.keys(handlers) });
  };
  connect();
}

function setStreamState(name, value) {
  if (state.streams[name] === value) return;
  state.streams[name] = value;
  dirty.streams = true;
  schedule();
}

/** How often to poll for a stream's data: never while it is open or still connecting. */
function pollInterval(name) {
  switch (state.streams[name]) {
    case 'unavailable': return POLL_FAST_MS;
    case 'reconnecting': return POLL_SLOW_MS;
    default: return Infinity;
  }
}

const lastPoll = { risk: 0, alerts: 0 };
let sweepOffset = 0;
let polling = false;

/** Runs every second; polls what the streams do not deliver now. Never overlaps itself. */
async function pollTick() {
  if (polling) return;
  polling = true;
  try {
    await pollOnce();
  } finally {
    polling = false;
  }
}

async function pollOnce() {
  const now = Date.now();
  if (now - lastPoll.risk >= pollInterval('risk')) {
    lastPoll.risk = now;
    await loadStatus();
    // Without the risk stream, re-read the worst accounts, the selected one and a rolling batch
    // of the rest, so the table keeps moving without a thousand requests per tick.
    const ids = [...state.accounts.keys()];
    const batch = new Set((state.firm?.worstAccounts ?? []).map((w) => w.accountId));
    if (state.selected) batch.add(state.selected);
    for (let i = 0; i < Math.min(SWEEP_BATCH, ids.length); i++) batch.add(ids[(sweepOffset + i) % ids.length]);
    sweepOffset = ids.length ? (sweepOffset + SWEEP_BATCH) % ids.length : 0;
    await forEachLimited([...batch], FETCH_CONCURRENCY, loadAccountRisk);
  }
  if (now - lastPoll.alerts >= pollInterval('alerts')) {
    lastPoll.alerts = now;
    await loadAlerts();
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering: called once per animation frame with whatever is dirty

function flush() {
  frameRequested = false;
  if (dirty.firm) { dirty.firm = false; renderFirm(); }
  if (dirty.streams) { dirty.streams = false; renderStreams(); }
  if (dirty.accounts.size) { renderAccountRows(dirty.accounts); dirty.accounts.clear(); }
  if (dirty.order && !orderTimer) {
    const wait = ORDER_REFRESH_MS - (Date.now() - state.lastOrderAt);
    if (wait <= 0) {
      dirty.order = false;
      state.lastOrderAt = Date.now();
      renderAccountOrder();
    } else {
      orderTimer = setTimeout(() => { orderTimer = null; schedule(); }, wait);
    }
  }
  if (dirty.alerts) { dirty.alerts = false; renderAlerts(); }
  if (dirty.detail) { dirty.detail = false; renderDetail(); }
  if (dirty.positions) { dirty.positions = false; renderPositions(); }
  if (dirty.cluster) { dirty.cluster = false; renderCluster(); }
  if (dirty.lastUpdate) {
    dirty.lastUpdate = false;
    const node = $('#last-update');
    node.textContent = clockTime(state.lastUpdate);
    node.dataset.updatedAt = String(state.lastUpdate);
  }
}

/**
 * The firm's trading state, from /risk/status and the firm events (a halt, a resume or a circuit
 * breaker is a firm event within a second); /emergency/status, read when the state changes, says
 * who set it and why, and stands in until the first firm status has been read.
 */
function firmTradingState() {
  return state.firm?.tradingState ?? state.firmControl?.state ?? null;
}

const firmField = (name) => $(`#firm-status [data-field="${name}"]`);

function renderFirm() {
  const f = state.firm;
  if (f) {
    setText(firmField('equity'), money(f.equity));
    setMoneyClass(firmField('pnlTotal'), f.pnlTotal);
    setText(firmField('grossExposure'), money(f.grossExposure));
    setText(firmField('netExposure'), money(f.netExposure));
    setText(firmField('accounts'), String(f.accounts));
  }
  const trading = firmTradingState();
  const stateNode = firmField('tradingState');
  setText(stateNode, trading ?? '–');
  stateNode.className = `state state-${trading ?? 'UNKNOWN'}`;
  const control = state.firmControl;
  setText(firmField('tradingReason'),
    trading && trading !== 'ACTIVE' && control?.reason ? `${control.reason} (${control.actor ?? 'system'})` : '');
  setText(firmField('activeAlerts'), String(state.alerts.size));

  const kill = $('#kill-switch');
  const halted = trading === 'HALTED';
  setText(kill, halted ? 'Resume trading' : 'Halt all trading');
  kill.dataset.action = halted ? 'resume' : 'halt';
  kill.classList.toggle('is-resume', halted);
}

function setMoneyClass(node, value) {
  setText(node, money(value));
  node.classList.toggle('neg', value < 0);
  node.classList.toggle('pos', value > 0);
}

function renderStreams() {
  const { risk, alerts } = state.streams;
  const node = $('#stream-state');
  let text;
  let summary;
  if (risk === 'open' && alerts === 'open') { text = 'live'; summary = 'live'; }
  else if (risk === 'unavailable' || alerts === 'unavailable') { text = 'stream unavailable, polling'; summary = 'polling'; }
  else if (risk === 'reconnecting' || alerts === 'reconnecting') { text = 'reconnecting, polling'; summary = 'reconnecting'; }
  else { text = 'connecting…'; summary = 'connecting'; }
  setText(node, text);
  node.dataset.state = summary;
  node.title = `risk stream: ${risk}; alert stream: ${alerts}`;
}

// --- accounts table -------------------------------------------------------------------------

const accountsBody = $('#accounts');
const accountRows = new Map(); // accountId -> tr

function createAccountRow(accountId) {
  const cell = (field, cls) => el('td', { 'data-field': field, class: cls });
  const tr = el('tr', { 'data-account-id': accountId, tabindex: 0 },
    el('th', { scope: 'row', 'data-field': 'accountId', text: accountId }),
    el('td', { 'data-field': 'riskScore' }, el('span', { class: 'score-cell' },
      el('span', { class: 'score-bar', 'aria-hidden': 'true' }, el('span', { class: 'score-fill' })),
      el('span', { class: 'score-text', text: '–' }))),
    cell('equity', 'num'), cell('pnlTotal', 'num'), cell('grossExposure', 'num'), cell('leverage', 'num'),
    cell('drawdown', 'num'),
    el('td', { 'data-field': 'tradingState' }, el('span', { class: 'state', text: '–' })),
    cell('maxLimitUtilization', 'num'));
  tr.hidden = !matchesFilter(accountId);
  if (accountId === state.selected) tr.setAttribute('aria-current', 'true');
  accountRows.set(accountId, tr);
  return tr;
}

function scoreClass(value) {
  return value >= 70 ? 'level-high' : value >= 40 ? 'level-mid' : 'level-low';
}

function utilizationClass(utilization, warnAt = DEFAULT_WARN_AT) {
  if (!Number.isFinite(utilization)) return 'level-none';
  return utilization >= 1 ? 'level-high' : utilization >= warnAt ? 'level-mid' : 'level-low';
}

function renderAccountRows(ids) {
  for (const id of ids) {
    const entry = state.accounts.get(id);
    if (!entry) continue;
    let tr = accountRows.get(id);
    if (!tr) {
      tr = createAccountRow(id);
      accountsBody.append(tr); // placed by the next ranking pass
    }
    const r = entry.risk;
    const field = (name) => tr.querySelector(`[data-field="${name}"]`);
    if (entry.summary?.name) tr.title = entry.summary.name;
    const tradingState = r?.tradingState ?? entry.summary?.tradingState ?? '–';
    const stateBadge = field('tradingState').firstChild;
    setText(stateBadge, tradingState);
    stateBadge.className = `state state-${tradingState}`;
    if (!r) continue;
    const scoreCell = field('riskScore');
    setText(scoreCell.querySelector('.score-text'), score(r.riskScore));
    const fill = scoreCell.querySelector('.score-fill');
    fill.style.width = `${Math.max(0, Math.min(100, r.riskScore))}%`;
    fill.className = `score-fill ${scoreClass(r.riskScore)}`;
    setText(field('equity'), money(r.equity));
    setMoneyClass(field('pnlTotal'), r.pnlTotal);
    setText(field('grossExposure'), money(r.grossExposure));
    setText(field('leverage'), ratio(r.leverage));
    setText(field('drawdown'), percent(r.drawdown));
    const util = field('maxLimitUtilization');
    setText(util, percent(r.maxLimitUtilization));
    util.className = `num ${utilizationClass(r.maxLimitUtilization)}`;
    if (r.worstLimitId) util.title = `worst limit: ${r.worstLimitId}`;
  }
  setText($('#accounts-count'), `(${state.accounts.size})`);
}

/** Ranks rows by risk score, highest first, moving only the rows that are out of place. */
function renderAccountOrder() {
  const scoreOf = (id) => state.accounts.get(id)?.risk?.riskScore ?? -1;
  const ids = [...accountRows.keys()].sort((a, b) => scoreOf(b) - scoreOf(a) || (a < b ? -1 : a > b ? 1 : 0));
  let cursor = accountsBody.firstElementChild;
  for (const id of ids) {
    const tr = accountRows.get(id);
    if (tr === cursor) cursor = cursor.nextElementSibling;
    else accountsBody.insertBefore(tr, cursor);
  }
}

let filterText = '';
function matchesFilter(accountId) {
  return !filterText || accountId.toLowerCase().includes(filterText);
}

$('#accounts-filter').addEventListener('input', (e) => {
  filterText = e.target.value.trim().toLowerCase();
  for (const [id, tr] of accountRows) tr.hidden = !matchesFilter(id);
});

accountsBody.addEventListener('click', (e) => {
  const tr = e.target.closest('tr[data-account-id]');
  if (tr) selectAccount(tr.dataset.accountId);
});
accountsBody.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const tr = e.target.closest('tr[data-account-id]');
  if (tr) { e.preventDefault(); selectAccount(tr.dataset.accountId); }
});

// --- drill-down -----------------------------------------------------------------------------

const detail = $('#account-detail');
let positionsTimer = null;

async function selectAccount(accountId) {
  if (state.selected) accountRows.get(state.selected)?.removeAttribute('aria-current');
  state.selected = accountId;
  accountRows.get(accountId)?.setAttribute('aria-current', 'true');
  state.selectedLimits = new Map();
  state.positions = [];
  detail.dataset.accountId = accountId;
  showDetailError('');
  dirty.detail = true;
  dirty.positions = true;
  schedule();
  if (window.matchMedia('(max-width: 800px)').matches) detail.scrollIntoView({ behavior: 'smooth', block: 'start' });

  clearInterval(positionsTimer);
  positionsTimer = setInterval(loadPositions, POSITIONS_REFRESH_MS);
  await Promise.all([
    loadAccountRisk(accountId).catch((e) => showDetailError(e.message)),
    loadPositions(),
    api(`/limits?accountId=${encodeURIComponent(accountId)}`).then((limits) => {
      if (state.selected !== accountId) return;
      state.selectedLimits = new Map(limits.map((l) => [l.limitId, l]));
      dirty.detail = true;
      schedule();
    }).catch(() => { /* bars fall back to the default warn level */ }),
  ]);
}

function closeDetail() {
  if (state.selected) accountRows.get(state.selected)?.removeAttribute('aria-current');
  state.selected = null;
  clearInterval(positionsTimer);
  delete detail.dataset.accountId;
  dirty.detail = true;
  schedule();
}

async function loadPositions() {
  const accountId = state.selected;
  if (!accountId) return;
  try {
    const positions = await api(`/accounts/${encodeURIComponent(accountId)}/positions`);
    if (state.selected !== accountId) return;
    state.positions = positions;
    showDetailError('');
    dirty.positions = true;
    schedule();
  } catch (e) {
    if (state.selected === accountId) showDetailError(`Positions unavailable: ${e.message}`);
  }
}

/** Shows a problem of the drill-down above its content; an empty message removes it. */
function showDetailError(message) {
  let node = $('.detail-error', detail);
  if (!message) { node?.remove(); return; }
  if (!node) {
    node = el('p', { class: 'banner banner-error detail-error', role: 'alert' });
    $('.detail-head', detail).after(node);
  }
  node.textContent = message;
}

function renderDetail() {
  const accountId = state.selected;
  const body = $('.detail-body', detail);
  const actions = $('.detail-actions', detail);
  $('.detail-empty', detail).hidden = !!accountId;
  body.hidden = !accountId;
  actions.hidden = !accountId;
  if (!accountId) { setText($('#detail-title'), 'Account detail'); return; }

  const entry = state.accounts.get(accountId) ?? { summary: null, risk: null };
  const r = entry.risk;
  const name = entry.summary?.name;
  setText($('#detail-title'), name && name !== accountId ? `${accountId} — ${name}` : accountId);

  const halted = r?.killSwitch || r?.tradingState === 'HALTED';
  const haltButton = $('[data-action^="account-"]', actions);
  haltButton.dataset.action = halted ? 'account-resume' : 'account-halt';
  setText(haltButton, halted ? 'Resume account' : 'Halt account');
  haltButton.classList.toggle('btn-danger', !halted);

  if (!r) return;
  const figures = [
    ['State', r.tradingState + (r.killSwitch ? ' (kill switch)' : '') + (r.stateOverride ? ` (override ${r.stateOverride})` : '')],
    ['Risk score', score(r.riskScore)],
    ['Equity', money(r.equity)],
    ['P&L total', money(r.pnlTotal)],
    ['Daily P&L', money(r.dailyPnl)],
    ['Unrealized / realized', `${money(r.unrealizedPnl)} / ${money(r.realizedPnl)}`],
    ['Gross / net exposure', `${money(r.grossExposure)} / ${money(r.netExposure)}`],
    ['Leverage', ratio(r.leverage)],
    ['Drawdown', `${percent(r.drawdown)} (tier ${r.drawdownTier})`],
    ['Margin used / available', `${money(r.marginUsed)} / ${money(r.marginAvailable)}`],
    ['VaR 95% / 99%', `${money(r.var95)} / ${money(r.var99)}`],
    ['Max concentration', `${percent(r.maxConcentration)}${r.maxConcentrationInstrument ? ` ${r.maxConcentrationInstrument}` : ''}`],
    ['Open breaches', String(r.openBreaches)],
  ];
  syncKeyed($('.detail-figures', detail), figures, ([label]) => label,
    ([label]) => el('div', { class: 'figure' }, el('dt', { text: label }), el('dd')),
    (node, [, value]) => setText(node.lastChild, value));

  syncKeyed($('.limit-bars', detail), r.limits ?? [], (l) => l.limitId, createBar, (node, limit) => {
    const meta = state.selectedLimits.get(limit.limitId);
    const warnAt = meta?.warnAt ?? DEFAULT_WARN_AT;
    // The metric (and target) say what the limit is; skip the metric when the id already names it.
    const what = [meta && meta.metric !== limit.limitId ? meta.metric : null, meta?.target].filter(Boolean).join(' ');
    const label = what ? `${limit.limitId} · ${what}` : limit.limitId;
    const format = metricFormat(meta?.metric);
    const detailText = `${format(limit.currentValue)} of ${format(limit.maxValue)}`
      + (limit.breachSeverity ? ` · ${limit.breachSeverity}` : '');
    updateBar(node, label, limit.utilization, utilizationClass(limit.utilization, warnAt), detailText, warnAt);
    node.dataset.limitId = limit.limitId;
  });

  const components = r.scoreComponents ?? {};
  syncKeyed($('.component-bars', detail), SCORE_PARTS, ([key]) => key, createBar, (node, [key, label, weight]) => {
    const v = components[key];
    updateBar(node, label, v, utilizationClass(v), `weight ${Math.round(weight * 1000) / 10}%`, null);
    node.dataset.component = key;
  });
}

/** How a limit's figures read: money, a fraction, a multiple or a quantity, by what it measures. */
function metricFormat(metric) {
  switch (metric) {
    case 'GROSS_NOTIONAL': case 'NET_NOTIONAL': case 'DAILY_LOSS': case 'VAR_99': return money;
    case 'CONCENTRATION': case 'DRAWDOWN': return percent;
    case 'LEVERAGE': return ratio;
    default: return quantity;
  }
}

function createBar() {
  return el('li', { class: 'bar' },
    el('span', { class: 'bar-label' }),
    el('span', { class: 'bar-track', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100 },
      el('span', { class: 'bar-fill' }), el('span', { class: 'bar-warn', 'aria-hidden': 'true' })),
    el('span', { class: 'bar-value', 'data-field': 'utilization' }),
    el('span', { class: 'bar-detail muted' }));
}

/** Fills a bar: value is a fraction (1 = 100%, the track shows up to 100%), warnAt marks the warn level. */
function updateBar(node, label, value, levelClass, detailText, warnAt) {
  const labelNode = node.querySelector('.bar-label');
  setText(labelNode, label);
  labelNode.title = label; // the full label when it is cut short
  const track = node.querySelector('.bar-track');
  const fill = node.querySelector('.bar-fill');
  const known = Number.isFinite(value);
  fill.style.width = `${known ? Math.max(0, Math.min(1, value)) * 100 : 0}%`;
  fill.className = `bar-fill ${levelClass}`;
  track.setAttribute('aria-valuenow', known ? String(Math.round(value * 1000) / 10) : '0');
  track.setAttribute('aria-label', `${label}: ${known ? percent(value) : 'not known'}`);
  const mark = node.querySelector('.bar-warn');
  mark.hidden = !(warnAt > 0 && warnAt < 1);
  if (!mark.hidden) mark.style.left = `${warnAt * 100}%`;
  setText(node.querySelector('.bar-value'), known ? percent(value) : 'n/a');
  setText(node.querySelector('.bar-detail'), detailText);
}

function renderPositions() {
  const tbody = $('.positions', detail);
  syncKeyed(tbody, state.selected ? state.positions : [], (p) => p.instrumentId,
    (p) => el('tr', { 'data-instrument-id': p.instrumentId },
      el('th', { scope: 'row', 'data-field': 'instrumentId', text: p.instrumentId }),
      el('td', { class: 'num', 'data-field': 'quantity' }),
      el('td', { class: 'num', 'data-field': 'avgPrice' }),
      el('td', { class: 'num', 'data-field': 'marketValue' }),
      el('td', { class: 'num', 'data-field': 'unrealizedPnl' }),
      el('td', { class: 'num', 'data-field': 'realizedPnl' })),
    (tr, p) => {
      const field = (name) => tr.querySelector(`[data-field="${name}"]`);
      setText(field('quantity'), quantity(p.quantity));
      setText(field('avgPrice'), price(p.avgPrice));
      setText(field('marketValue'), money(p.marketValue));
      setMoneyClass(field('unrealizedPnl'), p.unrealizedPnl);
      setMoneyClass(field('realizedPnl'), p.realizedPnl);
    });
}

detail.addEventListener('click', (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button || !state.selected) return;
  const action = button.dataset.action;
  if (action === 'close-detail') closeDetail();
  else if (action === 'account-halt') openConfirm({ scope: 'ACCOUNT', accountId: state.selected, resume: false });
  else if (action === 'account-resume') openConfirm({ scope: 'ACCOUNT', accountId: state.selected, resume: true });
});

// --- alerts ---------------------------------------------------------------------------------

const alertsBody = $('#alerts');

function showAlertError(message) {
  const banner = $('#alerts-error');
  banner.textContent = message;
  banner.hidden = !message;
}

function createAlertRow(alert) {
  return el('tr', { 'data-alert-id': alert.alertId },
    el('td', {}, el('span', { class: 'severity', 'data-field': 'severity' })),
    el('td', {}, el('button', { type: 'button', class: 'link', 'data-field': 'accountId', 'data-open-account': alert.accountId,
      text: alert.accountId, 'aria-label': `Show account ${alert.accountId}` })),
    el('td', { 'data-field': 'limitId' }),
    el('td', { 'data-field': 'metric' }),
    el('td', { class: 'num', 'data-field': 'utilization' }),
    el('td', {}, el('span', { class: 'status', 'data-field': 'status' })),
    el('td', { class: 'num', 'data-field': 'age' }),
    el('td', { class: 'action' }));
}

function updateAlertRow(tr, a) {
  const field = (name) => tr.querySelector(`[data-field="${name}"]`);
  const severity = field('severity');
  setText(severity, a.severity);
  severity.className = `severity severity-${a.severity}`;
  setText(field('limitId'), a.target ? `${a.limitId} (${a.target})` : a.limitId);
  setText(field('metric'), a.metric);
  setText(field('utilization'), percent(a.utilization));
  field('utilization').title = `peak ${percent(a.peakUtilization)}`;
  const status = field('status');
  setText(status, a.status);
  status.className = `status status-${a.status}`;
  const ageCell = field('age');
  ageCell.dataset.since = String(a.createdAt);
  setText(ageCell, age(Date.now() - a.createdAt));

  const action = tr.querySelector('td.action');
  const button = action.querySelector('button.ack');
  if (OPEN_ALERT.has(a.status)) {
    if (!button) {
      action.replaceChildren(el('button', { type: 'button', class: 'btn btn-small ack', 'data-alert-id': a.alertId,
        'aria-label': `Acknowledge alert ${a.alertId}`, text: 'Acknowledge' }));
    }
  } else if (button || !action.textContent) {
    action.replaceChildren(el('span', { class: 'muted small', text: a.ackBy ? `by ${a.ackBy}` : '' }));
  }
}

function renderAlerts() {
  const list = [...state.alerts.values()].sort((a, b) =>
    (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || b.createdAt - a.createdAt);
  syncKeyed(alertsBody, list, (a) => a.alertId, createAlertRow, updateAlertRow);
  $('#alerts-empty').hidden = list.length > 0;
}

/** Ages move on their own: refresh them every second without touching anything else. */
function refreshAges() {
  const now = Date.now();
  for (const cell of alertsBody.querySelectorAll('[data-field="age"]')) {
    setText(cell, age(now - Number(cell.dataset.since)));
  }
}

alertsBody.addEventListener('click', async (e) => {
  const open = e.target.closest('button[data-open-account]');
  if (open) { selectAccount(open.dataset.openAccount); return; }
  const button = e.target.closest('button.ack');
  if (!button) return;
  const alertId = button.dataset.alertId;
  button.disabled = true;
  setText(button, 'Acknowledging…');
  try {
    const alert = await api(`/alerts/${encodeURIComponent(alertId)}/acknowledge`, {
      method: 'POST', body: { actor: operator(), comment: 'acknowledged from the dashboard' },
    });
    showAlertError('');
    applyAlert(alert);
  } catch (err) {
    showAlertError(`Could not acknowledge ${alertId}: ${err.message}`);
    if (button.isConnected) { button.disabled = false; setText(button, 'Acknowledge'); }
  }
});

// --- cluster --------------------------------------------------------------------------------

const clusterPanel = $('#cluster');
const clusterNodes = $('#cluster-nodes');
const MIB = 1024 * 1024;

function showClusterError(message) {
  const banner = $('#cluster-error');
  banner.textContent = message;
  banner.hidden = !message;
}

function createNodeRow(node) {
  const cell = (field) => el('td', { class: 'num', 'data-field': field });
  return el('tr', { 'data-node-id': node.consistentId },
    el('th', { scope: 'row', 'data-field': 'consistentId', text: node.consistentId }),
    el('td', { 'data-field': 'inBaseline' }),
    cell('primary'), cell('backup'), cell('moving'), cell('lost'), cell('heap'), cell('callbackQueue'));
}

function updateNodeRow(tr, node) {
  const field = (name) => tr.querySelector(`[data-field="${name}"]`);
  const p = node.partitions;
  const name = field('consistentId');
  setText(name, node.consistentId + (node.local ? ' (this API)' : ''));
  name.title = [`node id ${node.nodeId}`, `order ${node.order}`, ...(node.addresses ?? [])].join('\n');
  setText(field('inBaseline'), node.inBaseline ? 'yes' : 'no');
  tr.classList.toggle('node-unreachable', !node.reachable);
  tr.title = node.reachable ? '' : `did not answer: ${node.problem ?? 'unknown'}`;
  setText(field('primary'), p ? quantity(p.primary) : '–');
  setText(field('backup'), p ? quantity(p.backup) : '–');
  setText(field('moving'), p ? quantity(p.moving) : '–');
  const lost = field('lost');
  setText(lost, p ? quantity(p.lost) : '–');
  lost.classList.toggle('lost', (p?.lost ?? 0) > 0);
  setText(field('heap'), node.heapUsed == null ? '–'
    : `${quantity(Math.round(node.heapUsed / MIB))} / ${quantity(Math.round(node.heapMax / MIB))} MiB`);
  setText(field('callbackQueue'), node.callbackQueue == null ? '–' : quantity(node.callbackQueue));
}

function renderCluster() {
  const t = state.topology;
  const stateNode = $('[data-field="clusterState"]', clusterPanel);
  const clusterState = t?.clusterState ?? 'UNKNOWN';
  setText(stateNode, t ? clusterState : '–');
  stateNode.className = `state cluster-state-${clusterState}`;
  if (!t) return;
  const baseline = t.baseline;
  const online = baseline.nodes.length - baseline.offline;
  setText($('[data-field="clusterSummary"]', clusterPanel),
    `${t.servers} server${t.servers === 1 ? '' : 's'} · ${t.clients} client${t.clients === 1 ? '' : 's'}`
    + ` · baseline ${online}/${baseline.nodes.length} online${baseline.autoAdjust ? ' (auto-adjust)' : ''}`
    + ` · loss policy ${t.partitionLossPolicy}`);

  const lostBanner = $('#cluster-lost');
  const lostCaches = t.caches.filter((c) => c.lostPartitions > 0);
  lostBanner.hidden = lostCaches.length === 0;
  clusterPanel.classList.toggle('has-lost', lostCaches.length > 0);
  if (lostCaches.length) {
    setText(lostBanner, `${quantity(t.lostPartitions)} partitions lost: `
      + lostCaches.map((c) => `${c.cache} ${quantity(c.lostPartitions)}`).join(', ')
      + '. Their data is refused until the failed nodes return, or until an operator resets them'
      + ' (POST /api/v1/admin/lost-partitions/reset), accepting the loss of what they held.');
  }

  const r = t.rebalance;
  const fill = $('.rebalance-fill', clusterPanel);
  const track = $('.rebalance-track', clusterPanel);
  fill.style.width = `${Math.max(0, Math.min(1, r.progress)) * 100}%`;
  fill.classList.toggle('is-moving', r.inProgress);
  track.setAttribute('aria-valuenow', String(Math.round(r.progress * 1000) / 10));
  clusterPanel.dataset.rebalancing = String(r.inProgress);
  setText($('[data-field="rebalance"]', clusterPanel), r.inProgress
    ? `${percent(r.progress)} · ${quantity(r.partitionsLeft)} of ${quantity(r.partitionsTotal)} partitions left · ${quantity(r.partitionsMoving)} moving`
    : 'settled: every partition in place');

  syncKeyed(clusterNodes, t.nodes, (n) => n.consistentId, createNodeRow, updateNodeRow);
  const partitions = [...new Set(t.caches.map((c) => c.partitions))].join('/');
  setText($('#cluster-note'), `Partition counts are summed over the ${t.caches.length} partitioned caches`
    + ` (${partitions} partitions each, ${t.caches[0]?.backups ?? 0} backup). Read at ${clockTime(t.readAt)}.`);
}

// --- kill switch ----------------------------------------------------------------------------

const dialog = $('#kill-confirm');
const reasonInput = $('#kill-reason');
const confirmButton = $('#kill-confirm-yes');
const dialogError = $('#kill-error');
let pending = null; // {scope, accountId?, resume}

function operator() {
  return $('#operator').value.trim() || 'dashboard';
}

function openConfirm(action) {
  pending = action;
  const target = action.scope === 'FIRM' ? 'all trading' : `trading of account ${action.accountId}`;
  setText($('#kill-title'), action.resume ? `Resume ${target}?` : `Halt ${target}?`);
  setText($('#kill-text'), action.resume
    ? 'Orders will be accepted again. Limits and risk checks still apply.'
    : action.scope === 'FIRM'
      ? 'No order of any account will pass pre-trade checks until trading is resumed.'
      : 'No order of this account will pass pre-trade checks until it is resumed.');
  setText(confirmButton, action.resume ? 'Resume' : 'Halt');
  confirmButton.classList.toggle('btn-danger', !action.resume);
  confirmButton.disabled = false;
  reasonInput.value = '';
  reasonInput.removeAttribute('aria-invalid');
  dialogError.hidden = true;
  dialog.showModal();
  reasonInput.focus();
}

$('#kill-switch').addEventListener('click', (e) => {
  openConfirm({ scope: 'FIRM', resume: e.currentTarget.dataset.action === 'resume' });
});
$('#kill-cancel').addEventListener('click', () => dialog.close());

$('#kill-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const reason = reasonInput.value.trim();
  if (!reason) {
    reasonInput.setAttribute('aria-invalid', 'true');
    dialogError.textContent = 'A reason is required.';
    dialogError.hidden = false;
    reasonInput.focus();
    return;
  }
  const action = pending;
  const body = { scope: action.scope, reason, actor: operator() };
  if (action.scope === 'ACCOUNT') body.accountId = action.accountId;
  confirmButton.disabled = true;
  try {
    const result = await api(action.resume ? '/emergency/resume' : '/emergency/halt-trading', { method: 'POST', body });
    dialog.close();
    if (action.scope === 'FIRM') {
      // Show the new state at once; the status reads below confirm it.
      if (state.firm) state.firm = { ...state.firm, tradingState: result.stateAfter };
      state.firmControl = { ...state.firmControl, state: result.stateAfter, reason, actor: body.actor };
      dirty.firm = true;
      markUpdated();
      loadStatus();
      loadEmergency();
    } else {
      loadAccountRisk(action.accountId).catch(() => {});
    }
  } catch (err) {
    dialogError.textContent = err.message;
    dialogError.hidden = false;
    confirmButton.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------------
// Start

const chart = new TimeSeriesChart($('#pnl-chart'), [
  { key: 'pnl', color: '#1f6feb', axis: 'left' },
  { key: 'gross', color: '#d9822b', axis: 'right' },
], CHART_WINDOW_MS);
const heatmap = new CorrelationHeatmap($('#correlation-heatmap'), $('#heatmap-tooltip'));

function start() {
  dirty.firm = true;
  dirty.streams = true;
  dirty.detail = true;
  dirty.cluster = true;
  schedule();

  openStream('risk', '/stream/risk', { risk: applyRisk, firm: applyFirm }, () => { loadStatus(); loadAccounts(); });
  openStream('alerts', '/stream/alerts', {
    alert: (change) => applyAlert(change.kind === 'RESOLVED' ? { ...change.alert, status: 'RESOLVED' } : change.alert),
  }, loadAlerts);

  loadStatus();
  loadEmergency();
  loadAlerts();
  loadAccounts();
  loadCorrelation();
  loadTopology();

  setInterval(() => { pollTick().catch(() => {}); }, 1000);
  setInterval(loadTopology, TOPOLOGY_REFRESH_MS);
  setInterval(refreshAges, 1000);
  setInterval(loadCorrelation, CORRELATION_REFRESH_MS);
  // Keep the chart's time axis sliding even when nothing changes.
  setInterval(() => chart.requestDraw(), 5000);
}

start();
