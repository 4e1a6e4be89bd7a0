import { describe, expect, it } from 'vitest';
import { csvHeaderFormat, jsonFormat, payloadShapeHint, sniffFormat } from '../src/import/payloadFormat.js';

describe('sniffFormat: what a file given in the wrong place is', () => {
  it.each([
    ['InstanceType,AcceleratorName,AcceleratorCount,vCPUs\ng4dn.xlarge,T4,1', 'skypilot-vms'],
    ['\uFEFFid,provider,providerName,market,instanceType,gpu,gpuMemoryGiB,usdPerGpuHour\n', 'offers-csv'],
    ['id,name,kind,gpuHoursPerMonth\nchat,Chat,realtime-inference,730', 'workloads-csv'],
    ['{"offers": [{"id": 1, "gpu_name": "RTX 4090", "dph_total": 0.4', 'vast-offers'],
    ['[{"gpu_name": "RTX 4090", "num_gpus": 1}]', 'vast-offers'],
    ['{"availability": {"total": 3}, "models": [{"vendor": "nvidia", "model": "h100"', 'akash-gpu-prices'],
    ['{ "workloads": [ { "id": "a", "kind": "batch-inference" } ] }', 'workloads-json'],
    ['{ "horizonMonths": 12, "seed": 7 }', 'json'],
    ['{ "models": ["a scenario note"] }', 'json'],
    ['a;b;c\n1;2;3', null],
  ])('%j → %s', (head, format) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it('reads parsed JSON and header cells alike', () => {
    expect(jsonFormat({ models: [{ vendor: 'nvidia' }] })).toBe('akash-gpu-prices');
    expect(jsonFormat([{ kind: 'fine-tuning' }])).toBe('workloads-json');
    expect(jsonFormat({ seed: 1 })).toBeNull();
    expect(csvHeaderFormat([' InstanceType ', 'AcceleratorName'])).toBe('skypilot-vms');
  });

  it('a hint names the other format and its command, and stays silent for the expected one', () => {
    expect(payloadShapeHint({ offers: [] }, 'akash-gpu-prices')).toBe(
      '; it looks like a Vast.ai offer search (JSON): convert it with `gpufit import vast FILE --out offers.csv`',
    );
    expect(payloadShapeHint({ offers: [] }, 'vast-offers')).toBe('');
    expect(payloadShapeHint(42, 'vast-offers')).toBe('');
  });
});
