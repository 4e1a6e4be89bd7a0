// Prints the decentralized option's month-by-month tenant price per GPU-hour from a report.json (argv[2]).
const a = require(require('node:path').resolve(process.argv[2]));
const w = a.workloads[0];
const gt = w.decision.depin.cost.components.find((c) => c.name === 'gpu-time');
console.log(
  w.decision.depin.offer.id,
  'gpu-time',
  gt.quantity,
  'GPU-h at',
  gt.unitPriceUsd,
  'USD (unsubsidized)',
);
for (const m of w.projection.months)
  console.log(
    m.month,
    'share',
    m.subsidyShare,
    'depinUsd',
    m.depinUsd.toFixed(4),
    'USD/GPU-h',
    (m.depinUsd / gt.quantity).toFixed(6),
  );
