import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from '../src/import/pythonLiteral.js';
import { gpuMemoryGiBFromGpuInfo } from '../src/import/skyPilotGpuInfo.js';

describe('parsePythonLiteral (SkyPilot GpuInfo cells)', () => {
  const cases: [string, unknown][] = [
    [
      "{'Gpus': [{'Name': 'T4', 'Manufacturer': 'NVIDIA', 'Count': 1, 'MemoryInfo': {'SizeInMiB': 16384}}], 'TotalGpuMemoryInMiB': 16384}",
      {
        Gpus: [{ Name: 'T4', Manufacturer: 'NVIDIA', Count: 1, MemoryInfo: { SizeInMiB: 16384 } }],
        TotalGpuMemoryInMiB: 16384,
      },
    ],
    ["{'Gpus': [{'MemoryInfo': {'SizeInMiB': 81920}}]}", { Gpus: [{ MemoryInfo: { SizeInMiB: 81920 } }] }],
    ["{'a': True, 'b': None, 'c': (1, 2.5), \"d\": 'it\\'s'}", { a: true, b: null, c: [1, 2.5], d: "it's" }],
    ['[]', []],
  ];
  it.each(cases)('%s', (text, value) => {
    expect(parsePythonLiteral(text)).toEqual(value);
  });

  const bad = ["{'a': 1", "{'a' 1}", "{'a': __import__('os')}", "{'a': 1} trailing", "{'a': 'open"];
  it.each(bad)('refuses %s', (text) => {
    expect(() => parsePythonLiteral(text)).toThrow();
  });
});

describe('gpuMemoryGiBFromGpuInfo: per-GPU memory across catalog dialects', () => {
  const cases: [string, string, number, number | null][] = [
    [
      'AWS (per-GPU MemoryInfo, total = per-GPU × count)',
      "{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}",
      8,
      40,
    ],
    [
      'Vast (MemoryInfo is the instance total)',
      "{'Gpus': [{'Name': 'H200', 'Count': 2, 'MemoryInfo': {'SizeInMiB': 287542}}], 'TotalGpuMemoryInMiB': 287542}",
      2,
      143771 / 1024,
    ],
    ['GCP accelerator row (per-GPU only)', "{'Gpus': [{'MemoryInfo': {'SizeInMiB': 81920}}]}", 4, 80],
    ['GCP TPU row (a name, no memory)', 'tpu-v6e-4', 1, null],
    ['empty', '', 1, null],
  ];
  it.each(cases)('%s', (_name, cell, count, gib) => {
    expect(gpuMemoryGiBFromGpuInfo(cell, count)).toBe(gib);
  });
});
