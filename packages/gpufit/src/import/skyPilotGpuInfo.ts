import { type PyValue, parsePythonLiteral } from './pythonLiteral.js';

const MIB_PER_GIB = 1024;

function field(v: PyValue | undefined, key: string): PyValue | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined;
}

/**
 * GPU memory per GPU (GiB) from a SkyPilot `GpuInfo` cell. Catalogs differ: AWS lists per-GPU `MemoryInfo` and
 * `TotalGpuMemoryInMiB` = per-GPU × count; Vast lists the instance total in both; GCP accelerator rows list
 * only a per-GPU `MemoryInfo`. So: `TotalGpuMemoryInMiB ÷ AcceleratorCount` when the total is present, else the
 * first GPU's `MemoryInfo.SizeInMiB`. Returns null for an empty cell or one without a memory figure (TPU rows
 * carry the accelerator name there); throws on a cell that is not a Python literal.
 */
export function gpuMemoryGiBFromGpuInfo(cell: string, acceleratorCount: number): number | null {
  const text = cell.trim();
  if (text === '' || !text.startsWith('{')) return null;
  const info = parsePythonLiteral(text);
  const total = field(info, 'TotalGpuMemoryInMiB');
  if (typeof total === 'number' && total > 0 && acceleratorCount > 0)
    return total / acceleratorCount / MIB_PER_GIB;
  const gpus = field(info, 'Gpus');
  const first = Array.isArray(gpus) ? gpus[0] : undefined;
  const size = field(field(first, 'MemoryInfo'), 'SizeInMiB');
  return typeof size === 'number' && size > 0 ? size / MIB_PER_GIB : null;
}
