import type { Factor } from './defineFactor.js';
import { FACTOR_IDS, type FactorId } from './factorIds.js';
import { checkpointabilityFactor } from './factors/checkpointability.js';
import { compliancePrivacyFactor } from './factors/compliancePrivacy.js';
import { costSensitivityFactor } from './factors/costSensitivity.js';
import { dataMovementFactor } from './factors/dataMovement.js';
import { interconnectFactor } from './factors/interconnect.js';
import { interruptionToleranceFactor } from './factors/interruptionTolerance.js';
import { latencyFactor } from './factors/latency.js';
import { modelSizeFactor } from './factors/modelSize.js';
import { statelessRequestsFactor } from './factors/statelessRequests.js';
import { uptimeFactor } from './factors/uptime.js';
import { workloadKindFactor } from './factors/workloadKind.js';

const byId: { readonly [K in FactorId]: Factor<K> } = {
  'workload-kind': workloadKindFactor,
  'model-size': modelSizeFactor,
  interconnect: interconnectFactor,
  'data-movement': dataMovementFactor,
  uptime: uptimeFactor,
  latency: latencyFactor,
  'compliance-privacy': compliancePrivacyFactor,
  'cost-sensitivity': costSensitivityFactor,
  'interruption-tolerance': interruptionToleranceFactor,
  checkpointability: checkpointabilityFactor,
  'stateless-requests': statelessRequestsFactor,
};

/** Every factor the engine sums, in `FACTOR_IDS` order. Adding a factor is adding an entry here. */
export const factors: readonly Factor<FactorId>[] = FACTOR_IDS.map((id) => byId[id]);
