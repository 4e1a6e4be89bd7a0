import type { Analysis } from '@gpufit/schema';
import type { PresentedAnalysis, PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import type { ChartSpec } from './chartSpec.js';
import { costPerJobChart } from './costPerJobChart.js';
import { fitMatrixChart } from './fitMatrixChart.js';
import { hybridSplitChart } from './hybridSplitChart.js';
import { monthlySpendChart } from './monthlySpendChart.js';
import { spendFanChart } from './spendFanChart.js';
import { tornadoChart } from './tornadoChart.js';

/** Portfolio charts first, then each workload's monthly spend and tornado, in portfolio order. */
export function chartsFor(p: PresentedAnalysis): ChartSpec[] {
  const charts: (ChartSpec | null)[] = [
    spendFanChart(p, createRounder(p.roundingMode)),
    costPerJobChart(p),
    fitMatrixChart(p),
    hybridSplitChart(p),
  ];
  for (const w of p.workloads) {
    charts.push(monthlySpendChart(w), tornadoChart(w, p.roundingMode));
  }
  return charts.filter((c): c is ChartSpec => c !== null);
}

/**
 * The report's charts as chart.js configurations (plain data, JSON-safe): the portfolio's spend fan (P10–P90
 * per month of the recommended plan and all-cloud), cost per successful job, the fit
 * matrix, the hybrid split, and per workload the monthly spend with its P10–P90 band and subsidy cliff and a
 * tornado of sensitivities. Charts without data (no projection, no hybrid split) are left out.
 */
export function chartConfigs(analysis: Analysis, options: PresentOptions = {}): ChartSpec[] {
  return chartsFor(presentAnalysis(analysis, options));
}
