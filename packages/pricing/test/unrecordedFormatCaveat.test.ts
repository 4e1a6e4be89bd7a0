/**
 * A measured ratio whose numeric format the source does not record (in full), or that pools formats, is said once
 * per report, listing the pairs (`unrecordedFormatCaveat`), from the fact each estimate carries (`measuredFormatOf`
 * of the ratio's `measuredPrecision` cell). Vectors: cells of datasets/throughput-ratios.csv as the README main job
 * (H100 = 8.3× L4, MLPerf Inference v3.1 bert-99, format not recorded) and the credibility cases (B200 = 2.69× H100,
 * MLPerf Training v5.1, H100 fp8 from Cisco's config) used them (since 2026-12-05 the B200 side is recorded as fp8
 * and the credibility cases' cell is `fp8`; the `unknown (…)` cell stays a vector of that form).
 */
import { PRECISIONS, type ThroughputBasis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measuredFormatOf, unrecordedFormatCaveat } from '../src/index.js';

describe('measuredFormatOf: a measuredPrecision cell as a fact', () => {
  it('test vectors from throughput-ratios.csv', () => {
    expect(measuredFormatOf('fp8', 'bf16')).toEqual({ kind: 'one', recorded: 'fp8', work: 'bf16' });
    expect(measuredFormatOf('fp16/bf16', null)).toEqual({ kind: 'one', recorded: 'fp16/bf16', work: null });
    expect(measuredFormatOf('unknown (H100 not recorded; L4 not recorded)', 'fp16')).toEqual({
      kind: 'unrecorded',
      recorded: 'H100 not recorded; L4 not recorded',
      work: 'fp16',
    });
    expect(measuredFormatOf('unknown (B200 not recorded; H100 fp8)', 'bf16')).toEqual({
      kind: 'part',
      recorded: 'B200 not recorded; H100 fp8',
      work: 'bf16',
    });
    expect(measuredFormatOf('mixed (L4 fp16/fp8; L40S fp16/fp8)', 'int8')).toEqual({
      kind: 'mixed',
      recorded: 'L4 fp16/fp8; L40S fp16/fp8',
      work: 'int8',
    });
    expect(measuredFormatOf('', 'fp16')).toBeNull();
    expect(measuredFormatOf('  ', 'fp16')).toBeNull();
  });
});

const conversion = (
  offerGpu: string,
  demandGpu: string,
  ratio: number,
  cell: string,
  work: (typeof PRECISIONS)[number] | null,
): Pick<ThroughputBasis, 'offerGpu' | 'demandGpu' | 'ratio' | 'measuredFormat'> => {
  const f = measuredFormatOf(cell, work);
  return { offerGpu, demandGpu, ratio, ...(f !== null && { measuredFormat: f }) };
};

describe('unrecordedFormatCaveat: once per report, the pairs listed', () => {
  it('the README main job: H100 = 8.3× L4, format not recorded, said once for both options', () => {
    const c = conversion('H100', 'L4', 8.2999, 'unknown (H100 not recorded; L4 not recorded)', 'fp16');
    const said = unrecordedFormatCaveat([c, c]);
    expect(said).toContain('may be off in either direction (by how much is not known)');
    expect(said).toMatch(
      /Such ratios in this report: H100 = 8\.3× L4 for fp16 work \(format not recorded\)\.$/,
    );
  });

  it('several pairs, in order, each with what is recorded; a known format is not listed', () => {
    const said = unrecordedFormatCaveat([
      conversion('B200', 'H100', 2.69, 'unknown (B200 not recorded; H100 fp8)', 'bf16'),
      conversion('A100-80GB', 'H100', 0.452, 'fp8', 'bf16'),
      conversion('L40S', 'L4', 3.32, 'mixed (L4 fp16/fp8; L40S fp16/fp8)', 'int8'),
    ]);
    expect(said).toMatch(
      /: B200 = 2\.69× H100 for bf16 work \(format recorded in part: B200 not recorded; H100 fp8\) and L40S = 3\.32× L4 for int8 work \(formats pooled: L4 fp16\/fp8; L40S fp16\/fp8\)\.$/,
    );
    expect(said).not.toContain('A100-80GB');
  });

  it('null when every conversion has one known format or none recorded', () => {
    expect(unrecordedFormatCaveat([])).toBeNull();
    expect(unrecordedFormatCaveat([conversion('A100-80GB', 'H100', 0.452, 'fp8', 'bf16')])).toBeNull();
    expect(unrecordedFormatCaveat([conversion('A100-80GB', 'H100', 0.452, '', 'bf16')])).toBeNull();
  });

  it('property: said exactly when some conversion is not of one known format, naming each such pair once', () => {
    const cells = fc.constantFrom(
      'fp8',
      'fp16',
      '',
      'unknown (A not recorded; B not recorded)',
      'unknown (A fp8; B not recorded)',
      'mixed (A fp16/fp8; B fp16/fp8)',
    );
    const gpu = fc.constantFrom('H100', 'L4', 'B200', 'L40S');
    const work = fc.constantFrom(...PRECISIONS, null);
    fc.assert(
      fc.property(fc.array(fc.tuple(gpu, gpu, cells, work), { maxLength: 6 }), (rows) => {
        const cs = rows.map(([o, d, cell, w]) => conversion(o, d, 2, cell, w));
        const listed = cs.filter((c) => c.measuredFormat !== undefined && c.measuredFormat.kind !== 'one');
        const said = unrecordedFormatCaveat(cs);
        if (listed.length === 0) expect(said).toBeNull();
        else {
          expect(said).not.toBeNull();
          expect(said!.match(/numeric format/g)).toHaveLength(1);
          for (const c of listed) expect(said).toContain(`${c.offerGpu} = 2× ${c.demandGpu}`);
        }
      }),
    );
  });
});
