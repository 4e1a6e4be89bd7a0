/**
 * The what-if page's own script and style (docs/whatif.md): plain DOM, no library. The script starts the engine
 * (the `whatif-engine` JSON string, dist/whatif-engine.js) in a Web Worker from a Blob URL, builds the controls
 * from the `whatif-data` JSON and asks the worker for the figures on every change; a change made while the
 * worker is busy waits, and only the latest one runs.
 */
export const WHATIF_STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.45; }
body { margin: 0; background: #f6f7f9; color: #1b1f24; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
fieldset { border: 1px solid #c9ced6; border-radius: 6px; margin: 0 0 1rem; padding: 0.75rem 1rem; background: #fff; }
legend { font-weight: 600; }
.control { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr 6rem; gap: 0.5rem; align-items: center; margin: 0.35rem 0; }
.control output { font-variant-numeric: tabular-nums; text-align: right; }
input[type=range] { width: 100%; }
:focus-visible { outline: 3px solid #1a66d2; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid #e1e4e8; padding: 0.35rem 0.5rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals { display: flex; flex-wrap: wrap; gap: 1.5rem; font-size: 1.1rem; margin: 1rem 0; }
.totals strong { font-variant-numeric: tabular-nums; }
pre { background: #fff; border: 1px solid #c9ced6; padding: 0.75rem; overflow: auto; max-height: 20rem; }
.note { color: #4a525c; font-size: 0.9rem; }
* { box-sizing: border-box; }
.scroll { overflow-x: auto; max-width: 100%; }
.fan { position: relative; width: 100%; height: 340px; background: #fff; border: 1px solid #c9ced6; border-radius: 6px; padding: 0.5rem; }
.fan canvas { max-width: 100%; }
.checks { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.checks label { display: inline-flex; gap: 0.35rem; align-items: center; }
.error { color: #a4161a; white-space: pre-wrap; }
.cliff { font-weight: 600; }
caption { text-align: left; padding: 0.35rem 0; }
h2 { font-size: 1.2rem; margin: 1.25rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
select, button, input[type=file] { font: inherit; max-width: 100%; }
@media (max-width: 640px) { .control { grid-template-columns: 1fr 5rem; } .control label { grid-column: 1 / -1; } .totals { gap: 0.5rem 1rem; } }
`;

export const WHATIF_SCRIPT = `(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('whatif-data').textContent);
  const engine = JSON.parse($('whatif-engine').textContent);
  const engineUrl = URL.createObjectURL(new Blob([engine], { type: 'text/javascript' }));
  // Two workers: one for the table (each change), one for the plan's Monte Carlo fan, so the fan never holds up the table.
  const worker = new Worker(engineUrl);
  const fanWorker = new Worker(engineUrl);
  const usd = (cents) => cents === null ? 'not priced' : '$' + (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (x) => (Math.round(x * 1000) / 10) + ' %';
  const settings = {
    priceLevel: 1,
    demandGrowthMonthly: data.scenario.demandGrowthMonthly,
    interruptionRates: Object.fromEntries(data.markets.map((m) => [m.id, data.scenario.interruptionRateMultipliers[m.id] ?? 1])),
    subsidyEnd: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    subsidyShare: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    tokens: Object.fromEntries(data.tokens.map((t) => [t.symbol, null])),
    pricingCategories: data.pricingCategories.map((c) => c.id),
    minSavingShare: data.scenario.decision.minSavingShare,
    pins: Object.fromEntries(data.workloads.map((w) => [w.id, 'auto'])),
  };
  // Each control's way to show the settings (after an import).
  const syncs = [];
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function slider(parent, id, label, min, max, step, get, show, set) {
    const row = el('div', { class: 'control' });
    const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(get()) });
    const out = el('output', { for: id, id: id + '-value' }, show(get()));
    input.addEventListener('input', () => { const v = Number(input.value); out.textContent = show(v); set(v); changed(); });
    syncs.push(() => { input.value = String(get()); out.textContent = show(get()); });
    row.append(el('label', { for: id }, label), input, out);
    parent.append(row);
  }
  function select(parent, id, label, options, get, set) {
    const row = el('div', { class: 'control' });
    const input = el('select', { id });
    for (const [v, t] of options) input.append(el('option', { value: v }, t));
    input.value = get();
    input.addEventListener('change', () => { set(input.value); changed(); });
    syncs.push(() => { input.value = get(); });
    row.append(el('label', { for: id }, label), input, el('span'));
    parent.append(row);
  }
  const controls = $('controls');
  slider(controls, 'price-level', 'Decentralized price level (× listed price)', 0.25, 3, 0.05, () => settings.priceLevel, (v) => '× ' + v.toFixed(2), (v) => { settings.priceLevel = v; });
  slider(controls, 'demand-growth', 'Demand growth per month', -0.2, 0.5, 0.01, () => settings.demandGrowthMonthly, pct, (v) => { settings.demandGrowthMonthly = v; });
  slider(controls, 'min-saving', 'Minimum saving to move a workload (share of its all-cloud cost)', 0, 0.9, 0.01, () => settings.minSavingShare, pct, (v) => { settings.minSavingShare = v; });
  for (const m of data.markets) {
    slider($('interruptions'), 'interruption-rate-' + m.id, 'Interruption rate, ' + m.label + ' offers (' + (m.decentralized ? 'decentralized' : 'cloud') + '; × listed rate)', 0, 20, 0.25,
      () => settings.interruptionRates[m.id], (v) => '× ' + v.toFixed(2), (v) => { settings.interruptionRates[m.id] = v; });
  }
  const start = data.scenario.startMonth.split('-').map(Number);
  const monthAt = (i) => { const m = start[0] * 12 + start[1] - 1 + i; return Math.floor(m / 12) + '-' + String((m % 12) + 1).padStart(2, '0'); };
  for (const n of data.networks) {
    const months = [['', 'as the scenario says']];
    for (let i = 0; i <= 24; i++) months.push([monthAt(i), 'ends ' + monthAt(i)]);
    select($('subsidies'), 'subsidy-end-' + n.provider, n.name + ' incentive subsidy', months,
      () => settings.subsidyEnd[n.provider] || '', (v) => { settings.subsidyEnd[n.provider] = v || null; });
    const shares = [['', 'as the offers list it (' + pct(n.defaultShare) + ')']];
    for (let i = 0; i <= 19; i++) shares.push([String(i / 20), pct(i / 20)]);
    select($('subsidies'), 'subsidy-share-' + n.provider, n.name + ' subsidy share of the price at the start', shares,
      () => settings.subsidyShare[n.provider] === null ? '' : String(settings.subsidyShare[n.provider]),
      (v) => { settings.subsidyShare[n.provider] = v === '' ? null : Number(v); });
  }
  if (data.networks.length === 0) $('subsidies').append(el('p', { class: 'note' }, 'No offer on this page carries an incentive subsidy.'));
  const tokenOf = (t) => settings.tokens[t.symbol] || (t.model ? { annualDrift: t.model.annualDrift, annualVolatility: t.model.annualVolatility } : { annualDrift: 0, annualVolatility: 0 });
  for (const t of data.tokens) {
    const key = t.symbol.replace(/[^A-Za-z0-9_-]/g, '_');
    slider($('tokens'), 'token-drift-' + key, t.symbol + ' price drift per year (log)', -3, 1, 0.05, () => tokenOf(t).annualDrift,
      (v) => (v >= 0 ? '+' : '') + v.toFixed(2) + ' (× ' + Math.exp(v).toFixed(2) + ' a year)', (v) => { settings.tokens[t.symbol] = { ...tokenOf(t), annualDrift: v }; });
    slider($('tokens'), 'token-volatility-' + key, t.symbol + ' price volatility per year', 0, 3, 0.05, () => tokenOf(t).annualVolatility,
      (v) => v.toFixed(2), (v) => { settings.tokens[t.symbol] = { ...tokenOf(t), annualVolatility: v }; });
  }
  if (data.tokens.length === 0) $('tokens').append(el('p', { class: 'note' }, 'No offer on this page is paid in an incentive token.'));
  const checks = el('div', { class: 'checks' });
  for (const c of data.pricingCategories) {
    const id = 'category-' + c.id;
    const box = el('input', { type: 'checkbox', id, value: c.id });
    box.checked = true;
    box.addEventListener('change', () => {
      const next = data.pricingCategories.map((x) => x.id).filter((x) => x === c.id ? box.checked : settings.pricingCategories.includes(x));
      if (next.length === 0) { box.checked = true; $('status').textContent = 'Keep at least one pricing category.'; return; }
      settings.pricingCategories = next;
      changed();
    });
    syncs.push(() => { box.checked = settings.pricingCategories.includes(c.id); });
    const label = el('label', { for: id });
    label.append(box, document.createTextNode(c.label + ' (' + c.id + ')'));
    checks.append(label);
  }
  $('categories').append(checks);
  const rows = new Map();
  for (const w of data.workloads) {
    const tr = el('tr', { 'data-workload': w.id });
    const id = 'pin-' + w.id;
    const pin = el('select', { id, 'aria-label': 'Place ' + w.name });
    for (const [v, t] of [['auto', 'auto'], ['cloud', 'cloud'], ['decentralized', 'decentralized']]) pin.append(el('option', { value: v }, t));
    pin.addEventListener('change', () => { settings.pins[w.id] = pin.value; changed(); });
    syncs.push(() => { pin.value = settings.pins[w.id]; });
    const rec = el('td', { class: 'rec' }, '…');
    const cost = el('td', { class: 'num cost' }, '…');
    const cliff = el('td', { class: 'cliff-month' }, '…');
    const pinCell = el('td');
    pinCell.append(pin);
    tr.append(el('th', { scope: 'row' }, w.name), pinCell, rec, cost, cliff);
    $('workloads').append(tr);
    rows.set(w.id, { rec, cost, cliff });
  }
  // One engine request at a time per worker; a change made while one is busy waits, and only the latest runs.
  function queue(target, kind, onIdle) {
    const q = { busy: false, pending: false, id: 0 };
    q.run = () => {
      if (q.busy) { q.pending = true; return; }
      q.busy = true;
      q.pending = false;
      onIdle();
      target.postMessage({ kind, id: ++q.id, settings: JSON.parse(JSON.stringify(settings)) });
    };
    q.done = () => { q.busy = false; if (q.pending) q.run(); };
    return q;
  }
  const table = queue(worker, 'run', () => { $('status').textContent = 'Updating…'; });
  // The fan comes in two steps: a preview at FAN_PREVIEW trials, within the update budget (about a tenth of the
  // full count's time), then the scenario's full count, which is the CLI's figure; a change made meanwhile starts
  // again from the preview, and only the full fan says "Up to date".
  const FAN_FULL = data.scenario.monteCarlo.trials;
  const FAN_PREVIEW = Math.min(1000, FAN_FULL);
  const fanQueue = { busy: false, pending: false, id: 0, full: false };
  function fanAsk(full) {
    fanQueue.busy = true;
    fanQueue.pending = false;
    fanQueue.full = full;
    $('fan-status').textContent = full ? 'Simulating ' + FAN_FULL.toLocaleString('en-US') + ' trials…' : 'Simulating…';
    fanWorker.postMessage({ kind: 'fan', id: ++fanQueue.id, settings: JSON.parse(JSON.stringify(settings)), trials: full ? FAN_FULL : FAN_PREVIEW });
  }
  fanQueue.run = () => {
    if (fanQueue.busy) { fanQueue.pending = true; return; }
    fanAsk(FAN_PREVIEW === FAN_FULL);
  };
  fanQueue.done = () => {
    fanQueue.busy = false;
    if (fanQueue.pending) fanAsk(FAN_PREVIEW === FAN_FULL);
    else if (!fanQueue.full) fanAsk(true);
  };
  // The fan is asked for once the table has its figures, so on a busy machine it does not slow the table down.
  function changed() { table.run(); }
  const LABEL = { cloud: 'cloud', depin: 'decentralized', hybrid: 'hybrid' };
  function showResult(m) {
    const r = m.result;
    for (const w of r.workloads) {
      const row = rows.get(w.id);
      row.rec.textContent = LABEL[w.recommendation] + (w.pin === 'auto' ? '' : ' (pinned)');
      row.cost.textContent = usd(w.monthlyCents);
      row.cliff.textContent = w.subsidyCliffMonth || 'none in horizon';
    }
    $('plan-total').textContent = usd(r.monthlyRecommendedCents);
    $('plan-total').dataset.cents = String(r.monthlyRecommendedCents);
    // With no cloud option anywhere, there is no all-cloud plan and no saving to show.
    $('all-cloud').textContent = r.noCloudComparison ? 'no workload has a cloud option' : usd(r.monthlyAllCloudCents) + '/month';
    $('savings').textContent = r.noCloudComparison ? 'nothing to compare' : usd(r.monthlySavingsCents) + '/month';
    $('plan-cliff').textContent = r.subsidyCliff === null
      ? 'No subsidy cliff inside the horizon for the workloads the plan puts on the decentralized side.'
      : 'Subsidy cliff: from ' + r.subsidyCliff.month + ' the decentralized option of ' + r.subsidyCliff.workloads.join(', ') + ' no longer beats cloud.';
    $('plan-cliff').dataset.month = r.subsidyCliff === null ? '' : r.subsidyCliff.month;
    const be = $('break-evens');
    be.replaceChildren();
    for (const w of r.workloads) {
      if (w.breakEvens.length === 0) continue;
      const wrap = el('div', { class: 'scroll' });
      const t = el('table', { 'data-workload': w.id });
      t.append(el('caption', {}, w.name + ': break-even points'));
      const head = el('tr');
      for (const h of ['variable', 'unit', 'now', 'break-even', 'searched', 'note']) head.append(el('th', { scope: 'col' }, h));
      const thead = el('thead'); thead.append(head);
      const tbody = el('tbody');
      for (const b of w.breakEvens) {
        const tr = el('tr');
        tr.append(el('th', { scope: 'row' }, b.variable), el('td', {}, b.unit), el('td', { class: 'num' }, b.current), el('td', { class: 'num' }, b.value), el('td', {}, b.range), el('td', {}, b.note));
        tbody.append(tr);
      }
      t.append(thead, tbody);
      wrap.append(t);
      be.append(wrap);
    }
    if (be.childElementCount === 0) be.append(el('p', { class: 'note' }, 'No workload has both a cloud and a decentralized option to break even between.'));
    $('update-time').textContent = m.ms.toFixed(1) + ' ms';
    $('update-time').dataset.ms = String(m.ms);
    $('scenario-json').textContent = JSON.stringify(m.exported.scenario, null, 2);
    $('pins-left-out').textContent = m.exported.pinsLeftOut.length === 0 ? '' :
      'Pins are not in the scenario (a scenario has no per-workload placement): ' + m.exported.pinsLeftOut.join(', ') + '. Set allowedMarkets on those rows of the workloads file instead.';
    $('status').textContent = 'Up to date';
    document.body.dataset.runs = String(m.id);
  }
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.kind === 'imported') { imported(m); return; }
    if (m.kind === 'error') $('status').textContent = 'The engine failed: ' + m.message;
    else showResult(m);
    table.done();
    if (!table.busy) fanQueue.run();
  };
  worker.onerror = (e) => { $('status').textContent = 'The engine failed: ' + e.message; table.done(); };
  let chart = null;
  const cents = (c) => usd(c);
  function showFan(m) {
    const f = m.fan;
    const preview = f.trials < FAN_FULL;
    $('fan-trials').textContent = f.trials.toLocaleString('en-US') + (preview ? ' trials (a preview; ' + FAN_FULL.toLocaleString('en-US') + ' follow)' : ' trials') + ', seed ' + f.seed;
    const h = f.horizon;
    const body = $('fan-horizon');
    body.replaceChildren();
    if (h !== null) {
      for (const [name, q] of [['Recommended plan', h.recommended], ['All-cloud', h.allCloud]]) {
        const tr = el('tr');
        tr.append(el('th', { scope: 'row' }, name), el('td', { class: 'num' }, cents(q.p10)), el('td', { class: 'num' }, cents(q.p50)), el('td', { class: 'num' }, cents(q.p90)));
        body.append(tr);
      }
      body.dataset.recommended = JSON.stringify(h.recommended);
    }
    $('fan-data').textContent = JSON.stringify(f.months);
    if (f.chart !== null && typeof Chart !== 'undefined') {
      const config = f.chart.config;
      config.options = { ...config.options, animation: false, responsive: true, maintainAspectRatio: false };
      if (chart === null) chart = new Chart($('fan-canvas').getContext('2d'), config);
      else { chart.data = config.data; chart.options = config.options; chart.update('none'); }
      $('fan-canvas').setAttribute('aria-label', f.chart.title + '. ' + f.chart.description);
    }
    if (preview) {
      $('fan-time').textContent = 'preview in ' + m.ms.toFixed(0) + ' ms';
      $('fan-time').dataset.previewMs = String(m.ms);
      return;
    }
    $('fan-time').textContent = m.ms.toFixed(0) + ' ms';
    $('fan-time').dataset.ms = String(m.ms);
    $('fan-status').textContent = 'Up to date';
    document.body.dataset.fans = String(m.id);
  }
  fanWorker.onmessage = (event) => {
    const m = event.data;
    if (m.kind === 'error') $('fan-status').textContent = 'The simulation failed: ' + m.message;
    else showFan(m);
    fanQueue.done();
  };
  fanWorker.onerror = (e) => { $('fan-status').textContent = 'The simulation failed: ' + e.message; fanQueue.done(); };
  $('export').addEventListener('click', () => {
    const a = el('a', { href: URL.createObjectURL(new Blob([$('scenario-json').textContent + '\\n'], { type: 'application/json' })), download: 'whatif-scenario.json' });
    document.body.append(a);
    a.click();
    a.remove();
  });
  let importId = 0;
  $('import').addEventListener('change', async () => {
    const file = $('import').files[0];
    if (!file) return;
    $('import-error').textContent = '';
    $('import-note').textContent = 'Reading ' + file.name + '…';
    worker.postMessage({ kind: 'import', id: ++importId, file: file.name, text: await file.text() });
  });
  function imported(m) {
    $('import').value = '';
    if (!m.ok) {
      $('import-note').textContent = '';
      $('import-error').textContent = 'This file was not loaded:\\n' + m.errors.join('\\n');
      document.body.dataset.importError = '1';
      return;
    }
    document.body.dataset.importError = '';
    for (const k of Object.keys(m.settings)) settings[k] = m.settings[k];
    for (const sync of syncs) sync();
    $('import-note').textContent = 'Loaded.' + (m.notApplied.length === 0 ? '' : ' Not applied (no control here): ' + m.notApplied.join('; ') + '.');
    document.body.dataset.imports = String(m.id);
    changed();
  }
  worker.postMessage({ kind: 'init', data });
  fanWorker.postMessage({ kind: 'init', data });
  changed();
})();
`;
