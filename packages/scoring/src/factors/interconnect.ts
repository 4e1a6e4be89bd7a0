import { logRampIn, logRange } from '../curves.js';
import { defineFactor } from '../defineFactor.js';

/**
 * Part of Q2: the fabric between GPUs. Interconnect need, not node count, is what moves fit (DESIGN §4:
 * low-communication training has run on decentralized supply); node count adds only a small coordination
 * cost, log-linear up to `manyNodes`. An InfiniBand-class need is also a hard constraint. Monotone: a
 * stronger interconnect never raises DePIN fit (the check keeps the per-fabric values ordered).
 */
export const interconnectFactor = defineFactor({
  id: 'interconnect',
  question: 'Does the job need a fast interconnect between GPUs or nodes?',
  rationale:
    'Large-cluster training usually depends on fast interconnects, consistent hardware, and tightly managed networking. That is where decentralized GPU networks often struggle.',
  weight: 20,
  params: {
    nvlinkDepin: -0.5,
    infinibandDepin: -1,
    nvlinkCloud: 0.25,
    infinibandCloud: 1,
    coordinationDepin: -0.25,
    manyNodes: 128,
  },
  checkParams: (p) => {
    if (!(0 >= p.nvlinkDepin && p.nvlinkDepin >= p.infinibandDepin))
      return { param: 'nvlinkDepin', message: 'need 0 ≥ nvlinkDepin ≥ infinibandDepin' };
    if (!(0 <= p.nvlinkCloud && p.nvlinkCloud <= p.infinibandCloud))
      return { param: 'nvlinkCloud', message: 'need 0 ≤ nvlinkCloud ≤ infinibandCloud' };
    if (p.coordinationDepin > 0) return { param: 'coordinationDepin', message: 'must be ≤ 0' };
    if (!(p.manyNodes > 1)) return { param: 'manyNodes', message: 'manyNodes must be greater than 1' };
    return undefined;
  },
  prepare: (p) => ({ ...p, nodesRange: logRange(1, p.manyNodes) }),
  measure(profile, p, _config, out) {
    const i = profile.interconnect;
    const fabricDepin = i === 'infiniband' ? p.infinibandDepin : i === 'nvlink' ? p.nvlinkDepin : 0;
    out.depin = fabricDepin + p.coordinationDepin * logRampIn(profile.nodes, 1, p.manyNodes, p.nodesRange);
    out.cloud = i === 'infiniband' ? p.infinibandCloud : i === 'nvlink' ? p.nvlinkCloud : 0;
  },
  explain(profile) {
    const nodes = profile.nodes;
    const across = nodes > 1 ? ` across ${nodes} nodes` : '';
    if (profile.interconnect === 'infiniband')
      return `Needs an InfiniBand-class fabric${across}: "large-cluster training usually depends on fast interconnects … that is where decentralized GPU networks often struggle".`;
    if (profile.interconnect === 'nvlink')
      return `Needs NVLink between the GPUs of a machine${across}: multi-GPU datacenter hosts have it, and they are a minority of DePIN supply.`;
    return nodes > 1
      ? `${nodes} nodes with no fast interconnect: a low-communication method, which has trained large models on decentralized supply; coordination still costs a little.`
      : 'Runs within one machine: no fabric between nodes is needed.';
  },
});
