import type { ChartSpec } from '../charts/chartSpec.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import { appendix } from './appendix.js';
import type { Block } from './blocks.js';
import { code, strong, t } from './blocks.js';
import { executiveSummary, horizonLabel } from './executiveSummary.js';
import { workloadSection } from './workloadSection.js';

/**
 * "Scenario settings and their effect": each setting of the scenario file and what it did to the chosen options;
 * one that changed nothing is a warning, with the reason. Absent when the run had no scenario file.
 */
export function scenarioEffectsBlock(p: PresentedAnalysis): Block[] {
  const effects = p.analysis.scenarioEffects ?? [];
  if (effects.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Scenario settings and their effect', anchor: 'scenario-effects' },
    {
      kind: 'list',
      ordered: false,
      items: effects.map((e) => [
        e.effect === 'changed' ? strong('Changed: ') : strong('Warning, no effect: '),
        t(e.message),
      ]),
    },
  ];
}

/**
 * The report's content, once, for every human format: the executive summary first (plan, totals, savings,
 * top risks), then one section per workload, then rejected rows, assumptions, sources and versions.
 */
export function buildReportDocument(p: PresentedAnalysis, charts: readonly ChartSpec[]): Block[] {
  const r = createRounder(p.roundingMode);
  const a = p.analysis;
  return [
    { kind: 'heading', level: 1, text: `gpufit report: ${a.scenario.name}` },
    {
      kind: 'paragraph',
      content: [
        t(`${a.workloads.length} workloads · ${horizonLabel(p)} from ${a.scenario.startMonth} · framework `),
        code(a.frameworkVersion),
        t(' · seed '),
        code(String(a.seed)),
      ],
      role: 'meta',
    },
    ...executiveSummary(p, r, charts),
    ...scenarioEffectsBlock(p),
    { kind: 'heading', level: 2, text: 'Workloads', anchor: 'workloads' },
    ...p.workloads.map((w) => workloadSection(r, w, charts)),
    ...appendix(p, r),
  ];
}
