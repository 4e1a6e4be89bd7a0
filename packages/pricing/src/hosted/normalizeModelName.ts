// The model-name key lives in @gpufit/schema, where a workload's task is read from its model (`taskOfModel`).
export { normalizeModelName } from '@gpufit/schema';
