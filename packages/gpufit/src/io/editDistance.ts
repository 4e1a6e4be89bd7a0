// The edit-distance helpers live in @gpufit/schema (pure, and the scenario's name checks need them).
export { editDistance, nameDistance, nearestNames, nearLimit } from '@gpufit/schema';
