/**
 * The inline script that draws the charts: it reads the chart configurations from the JSON data block and
 * hands each to chart.js (inlined before it as a UMD global). Constant text, so its CSP hash is stable.
 */
export const CHART_BOOT_SCRIPT = `
(function () {
  'use strict';
  var data = document.getElementById('gpufit-chart-data');
  if (!data || typeof Chart === 'undefined') return;
  var specs = JSON.parse(data.textContent || '[]');
  for (var i = 0; i < specs.length; i += 1) {
    var canvas = document.getElementById('chart-' + specs[i].id);
    if (canvas) new Chart(canvas.getContext('2d'), specs[i].config);
  }
})();
`;
