/**
 * GPUs per node of one replica on an offer: the stated `gpusPerReplica`, never fewer than the `memoryGpus` that
 * hold the replica's footprint on the offer's GPU; the memory minimum alone when none is stated.
 *
 * A stated count is the replica's parallel width (data or tensor parallel over one machine), not only a memory
 * need: the job's hours were stated on that many GPUs, and its interconnect need (NVLink inside a machine) goes
 * with them. On another GPU it keeps that width, so a job's wall time is its stated hours ÷ the measured
 * throughput ratio (`workOnOffer`). gpufit never narrows a stated replica on a faster GPU: the measured ratios
 * compare GPUs at the same accelerator count (MLPerf time to train or throughput per GPU of one system), so
 * they say nothing of a narrower layout, whose wall time would rest on ideal scaling and whose interconnect need
 * would vanish with it (docs/methodology.md, "A replica's width").
 */
export function replicaWidth(statedGpusPerReplica: number | null, memoryGpus: number): number {
  return statedGpusPerReplica === null ? memoryGpus : Math.max(statedGpusPerReplica, memoryGpus);
}
