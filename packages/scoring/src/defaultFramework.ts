import { factors } from './factorRegistry.js';
import type { FrameworkConfig } from './frameworkConfig.js';

/**
 * The default framework: the seed's table turned into numbers. Weights and params come from the factor
 * registry; everything here is a gpufit calibration (the seed gives levels, not points), chosen so the
 * canonical profile of each table row reproduces its levels and approach with a margin, and documented
 * in docs/framework.md. Bump `version` whenever a number changes.
 */
export const defaultFramework: FrameworkConfig = deepFreeze({
  version: '2026.11.0',
  base: { cloud: 50, depin: 50 },
  levels: { high: 65, medium: 35 },
  kinds: {
    'realtime-inference': { cloud: 0.5, depin: 0 },
    'batch-inference': { cloud: 0, depin: 0.15 },
    experimentation: { cloud: 0, depin: 0.25 },
    'multi-node-training': { cloud: 0.25, depin: -0.25 },
    'fine-tuning': { cloud: 0, depin: 0.1 },
  },
  factors: Object.fromEntries(
    factors.map((f) => [f.id, { weight: f.weight, params: { ...f.params } }]),
  ) as FrameworkConfig['factors'],
  approach: {
    rules: [
      { approach: 'depin-first', minLean: 39, minDepinLevel: 'high' },
      { approach: 'depin-or-hybrid', minLean: 28, minDepinLevel: 'high' },
      { approach: 'hybrid', minLean: 5, minDepinLevel: 'medium' },
      { approach: 'cloud-first', minLean: -100, minDepinLevel: 'medium' },
    ],
  },
  constraints: {
    caps: { all: 'traditional-cloud', part: 'cloud-first' },
    partialScope: { patterns: ['serving'], maxDataSensitivity: 'internal' },
    'regulated-data': { enabled: true, partial: false, minDataSensitivity: 'regulated' },
    certifications: { enabled: true, partial: true, requirements: ['hipaa', 'pci-dss', 'fedramp'] },
    residency: { enabled: true, partial: true },
    interconnect: { enabled: true, partial: false, minInterconnect: 'infiniband' },
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
