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
@media (max-width: 640px) { .control { grid-template-columns: 1fr 5rem; } .control label { grid-column: 1 / -1; } }
`;

export const WHATIF_SCRIPT = `(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('whatif-data').textContent);
  const engine = JSON.parse($('whatif-engine').textContent);
  const worker = new Worker(URL.createObjectURL(new Blob([engine], { type: 'text/javascript' })));
  const usd = (cents) => cents === null ? 'not priced' : '$' + (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (x) => (Math.round(x * 1000) / 10) + ' %';
  const settings = {
    priceLevel: 1,
    demandGrowthMonthly: data.scenario.demandGrowthMonthly,
    subsidyEnd: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    minSavingShare: data.scenario.decision.minSavingShare,
    pins: Object.fromEntries(data.workloads.map((w) => [w.id, 'auto'])),
  };
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function slider(parent, id, label, min, max, step, value, show, set) {
    const row = el('div', { class: 'control' });
    const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value) });
    const out = el('output', { for: id, id: id + '-value' }, show(value));
    input.addEventListener('input', () => { const v = Number(input.value); out.textContent = show(v); set(v); schedule(); });
    row.append(el('label', { for: id }, label), input, out);
    parent.append(row);
  }
  const controls = $('controls');
  slider(controls, 'price-level', 'Decentralized price level (× listed price)', 0.25, 3, 0.05, 1, (v) => '× ' + v.toFixed(2), (v) => { settings.priceLevel = v; });
  slider(controls, 'demand-growth', 'Demand growth per month', -0.2, 0.5, 0.01, settings.demandGrowthMonthly, pct, (v) => { settings.demandGrowthMonthly = v; });
  slider(controls, 'min-saving', 'Minimum saving to move a workload (share of its all-cloud cost)', 0, 0.9, 0.01, settings.minSavingShare, pct, (v) => { settings.minSavingShare = v; });
  const start = data.scenario.startMonth.split('-').map(Number);
  const monthAt = (i) => { const m = start[0] * 12 + start[1] - 1 + i; return Math.floor(m / 12) + '-' + String((m % 12) + 1).padStart(2, '0'); };
  for (const n of data.networks) {
    const id = 'subsidy-end-' + n.provider;
    const row = el('div', { class: 'control' });
    const select = el('select', { id });
    select.append(el('option', { value: '' }, 'as the scenario says'));
    for (let i = 0; i <= 24; i++) select.append(el('option', { value: monthAt(i) }, 'ends ' + monthAt(i)));
    select.addEventListener('change', () => { settings.subsidyEnd[n.provider] = select.value || null; schedule(); });
    row.append(el('label', { for: id }, n.name + ' incentive subsidy'), select, el('span'));
    $('subsidies').append(row);
  }
  const rows = new Map();
  for (const w of data.workloads) {
    const tr = el('tr', { 'data-workload': w.id });
    const id = 'pin-' + w.id;
    const pin = el('select', { id, 'aria-label': 'Place ' + w.name });
    for (const [v, t] of [['auto', 'auto'], ['cloud', 'cloud'], ['decentralized', 'decentralized']]) pin.append(el('option', { value: v }, t));
    pin.addEventListener('change', () => { settings.pins[w.id] = pin.value; schedule(); });
    const rec = el('td', { class: 'rec' }, '…');
    const cost = el('td', { class: 'num cost' }, '…');
    const pinCell = el('td');
    pinCell.append(pin);
    tr.append(el('th', { scope: 'row' }, w.name), pinCell, rec, cost);
    $('workloads').append(tr);
    rows.set(w.id, { rec, cost });
  }
  let nextId = 0;
  let busy = false;
  let pending = false;
  function schedule() {
    if (busy) { pending = true; return; }
    busy = true;
    pending = false;
    $('status').textContent = 'Updating…';
    worker.postMessage({ kind: 'run', id: ++nextId, settings: JSON.parse(JSON.stringify(settings)) });
  }
  const LABEL = { cloud: 'cloud', depin: 'decentralized', hybrid: 'hybrid' };
  worker.onmessage = (event) => {
    const m = event.data;
    busy = false;
    if (m.kind === 'error') { $('status').textContent = 'The engine failed: ' + m.message; }
    else {
      const r = m.result;
      for (const w of r.workloads) {
        const row = rows.get(w.id);
        row.rec.textContent = LABEL[w.recommendation] + (w.pin === 'auto' ? '' : ' (pinned)');
        row.cost.textContent = usd(w.monthlyCents);
      }
      $('plan-total').textContent = usd(r.monthlyRecommendedCents);
      $('plan-total').dataset.cents = String(r.monthlyRecommendedCents);
      $('all-cloud').textContent = usd(r.monthlyAllCloudCents);
      $('savings').textContent = usd(r.monthlySavingsCents);
      $('update-time').textContent = m.ms.toFixed(1) + ' ms';
      $('update-time').dataset.ms = String(m.ms);
      $('scenario-json').textContent = JSON.stringify(m.exported.scenario, null, 2);
      $('pins-left-out').textContent = m.exported.pinsLeftOut.length === 0 ? '' :
        'Pins are not in the scenario (a scenario has no per-workload placement): ' + m.exported.pinsLeftOut.join(', ') + '. Set allowedMarkets on those rows of the workloads file instead.';
      $('status').textContent = 'Up to date';
      document.body.dataset.runs = String(m.id);
    }
    if (pending) schedule();
  };
  worker.onerror = (e) => { busy = false; $('status').textContent = 'The engine failed: ' + e.message; };
  $('export').addEventListener('click', () => {
    const a = el('a', { href: URL.createObjectURL(new Blob([$('scenario-json').textContent + '\\n'], { type: 'application/json' })), download: 'whatif-scenario.json' });
    document.body.append(a);
    a.click();
    a.remove();
  });
  worker.postMessage({ kind: 'init', data });
  schedule();
})();
`;
