import { assessFitBatch } from '@gpufit/scoring';
import { describe, expect, it } from 'vitest';
import { allocateFloorOut, floorDisagreements, floorScore, scoreColumns } from '../src/cases/scoreFloor.js';
import { objectFloorScore } from '../src/cases/scoreObjectFloor.js';
import { generateProfiles } from '../src/generate/workloads.js';

/**
 * The scoring benches' floors restate the default framework by hand; when a factor changes (the model-size factor's
 * training footprint per method did) they must change with it, or `score-batch` stops with "the floor disagrees".
 * Checked here on the bench's own generator, so a suite run catches it before a bench run does.
 */
describe('the scoring floors agree with assessFitBatch', () => {
  const profiles = generateProfiles(3, 20_000);
  const engine = assessFitBatch(profiles);

  it('the column floor, on every profile', () => {
    const out = allocateFloorOut(profiles.length);
    floorScore(scoreColumns(profiles), out);
    expect(floorDisagreements(out, engine)).toBe(0);
  });

  it('the object floor, on every profile', () => {
    const out = allocateFloorOut(profiles.length);
    objectFloorScore(profiles, out);
    expect(floorDisagreements(out, engine)).toBe(0);
  });

  it('the generator covers training kinds with each method and without one (the footprint differs by method)', () => {
    const methods = new Set(
      profiles.filter((p) => p.kind !== 'realtime-inference').map((p) => p.trainingMethod),
    );
    expect(methods.size).toBeGreaterThan(1);
  });
});
