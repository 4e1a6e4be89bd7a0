/**
 * datasets/network-latency.csv (cloudping.co's one-year p50 between AWS regions) and the table pricing compiles
 * from it (packages/pricing/src/feasibility/countryRoundTrip.data.ts, `pnpm run datasets:latency`): every pair of
 * the snapshot kept, every region's country known, and the committed module is what the script writes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryRoundTripModule, countryRoundTrips } from '../../../datasets/scripts/lib/latency';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const rows = parse(readFileSync(path.join(repoRoot, 'datasets/network-latency.csv')), {
  columns: true,
  bom: true,
}) as Record<string, string>[];

describe('datasets/network-latency.csv', () => {
  it('holds every ordered pair of the 32 AWS regions measured, each with its country and a positive p50', () => {
    const regions = new Set(rows.map((r) => r.fromRegion));
    expect(regions.size).toBe(32);
    expect(rows).toHaveLength(32 * 32);
    for (const r of rows) {
      expect(r.fromCountry).toMatch(/^[A-Z]{2}$/);
      expect(r.toCountry).toMatch(/^[A-Z]{2}$/);
      expect(Number(r.p50Ms)).toBeGreaterThan(0);
    }
    const pair = (a: string, b: string) => rows.find((r) => r.fromRegion === a && r.toRegion === b)!.p50Ms;
    // Spot checks against the snapshot (aws-ping-p50-1y.json): Seoul–Oregon, Tokyo–Oregon, Virginia–Ireland.
    expect(pair('ap-northeast-2', 'us-west-2')).toBe('123.45');
    expect(pair('us-west-2', 'ap-northeast-2')).toBe('123.122');
    expect(pair('ap-northeast-1', 'us-west-2')).toBe('98.46');
    expect(pair('us-east-1', 'eu-west-1')).toBe('69.558');
  });

  it('compiles to the committed country table (pnpm run datasets:latency)', () => {
    const committed = readFileSync(
      path.join(repoRoot, 'packages/pricing/src/feasibility/countryRoundTrip.data.ts'),
      'utf8',
    );
    const pairs = countryRoundTrips(rows);
    expect(countryRoundTripModule(pairs)).toBe(committed);
    // The least of both directions and of every region pair: KR–US is us-west-2 → ap-northeast-2, 123.122 ms.
    expect(new Map(pairs).get('KR|US')).toBe(123.1);
  });
});
