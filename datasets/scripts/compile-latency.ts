/**
 * Builds packages/pricing/src/feasibility/countryRoundTrip.data.ts from datasets/network-latency.csv: the least
 * measured round trip between two countries. Deterministic.
 *
 *   pnpm run datasets:latency
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from './lib/csvio';
import { countryRoundTripModule, countryRoundTrips } from './lib/latency';
import { datasetsDir, repoRoot } from './lib/paths';

const pairs = countryRoundTrips(readCsv(path.join(datasetsDir, 'network-latency.csv')));
const out = path.join(repoRoot, 'packages/pricing/src/feasibility/countryRoundTrip.data.ts');
writeFileSync(out, countryRoundTripModule(pairs));
console.log(`${pairs.length} country pairs → ${path.relative(repoRoot, out)}`);
