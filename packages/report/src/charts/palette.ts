import type { FitLevel } from '@gpufit/schema';

/** Colours chosen to stay distinguishable in greyscale print and for red-green colour blindness. */
export const PALETTE = {
  cloud: '#1d4ed8',
  cloudBand: 'rgba(29, 78, 216, 0.14)',
  depin: '#c2410c',
  depinBand: 'rgba(194, 65, 12, 0.16)',
  hybrid: '#6d28d9',
  hybridBand: 'rgba(109, 40, 217, 0.16)',
  cliff: 'rgba(17, 24, 39, 0.55)',
  savingsLow: '#0f766e',
  savingsHigh: '#b45309',
  grid: 'rgba(0, 0, 0, 0.08)',
  text: '#111827',
} as const;

export const LEVEL_COLORS: Record<FitLevel, string> = {
  high: '#15803d',
  medium: '#ca8a04',
  low: '#b91c1c',
};
