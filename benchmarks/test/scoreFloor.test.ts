import {
  TRAINING_METHODS,
  unquantizedParameterShare,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
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

  // The generator states no method, so its training rows take their kind's default (full or LoRA, never QLoRA):
  // the QLoRA bytes, the only ones that depend on the model's size (the embeddings' unquantized share, which both
  // floors interpolate between tables at share 0 and 1), are held to the engine on the same profiles restated.
  it('both floors on every training row restated with each method, QLoRA included', () => {
    for (const method of TRAINING_METHODS) {
      const restated: WorkloadProfile[] = profiles.map((p) =>
        workloadKinds[p.kind].phase === 'inference' ? p : { ...p, trainingMethod: method },
      );
      const trained = restated.filter((p) => p.trainingMethod === method);
      expect(trained.length, method).toBeGreaterThan(1000);
      // Sizes where the share matters: small models (over a fifth unquantized) and large ones (a few percent).
      expect(
        Math.max(...trained.map((p) => unquantizedParameterShare(p.modelParamsBillions))),
      ).toBeGreaterThan(0.2);
      expect(Math.min(...trained.map((p) => unquantizedParameterShare(p.modelParamsBillions)))).toBeLessThan(
        0.05,
      );
      const engine = assessFitBatch(restated);
      const column = allocateFloorOut(restated.length);
      floorScore(scoreColumns(restated), column);
      expect(floorDisagreements(column, engine), `${method}: column floor`).toBe(0);
      const object = allocateFloorOut(restated.length);
      objectFloorScore(restated, object);
      expect(floorDisagreements(object, engine), `${method}: object floor`).toBe(0);
    }
  });
});
