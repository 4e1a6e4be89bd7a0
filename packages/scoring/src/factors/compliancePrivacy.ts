import { DATA_SENSITIVITIES, type DataSensitivity } from '@gpufit/schema';
import { defineFactor } from '../defineFactor.js';
import { sensitivityRank } from '../ranks.js';

const SENSITIVITY_WORDS: { readonly [S in DataSensitivity]: string } = {
  public: 'Public data',
  internal: 'Internal data',
  confidential: 'Confidential data',
  regulated: 'Regulated data',
};

/** Sentences for data with no compliance requirement and no residency rule, where one fits. */
const NO_LIMITS: { readonly [S in DataSensitivity]?: string } = {
  public: `${SENSITIVITY_WORDS.public} and no compliance requirement: any host may see it, so privacy does not limit where it runs.`,
  internal: `${SENSITIVITY_WORDS.internal} and no compliance requirement: a leak would hurt but breaks no rule; choose verified hosts.`,
};

const NARROWS =
  ': "regulated data may narrow where workloads can run", and on DePIN "security practices may differ from node to node".';

function commaList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : items.join(', ');
}

/**
 * Q6 "Are there compliance or privacy limits?". The soft side of privacy: DePIN signal is the
 * sensitivity's value minus `perRequirement` per compliance requirement and `residency` when data is
 * bound to places; cloud gains half of any loss. Hard verdicts (regulated data, certifications,
 * residency) are constraints, reported apart. Monotone: more sensitive data or more requirements never
 * raise DePIN fit (the params check keeps the sensitivity values ordered).
 */
export const compliancePrivacyFactor = defineFactor({
  id: 'compliance-privacy',
  question: 'Are there compliance or privacy limits?',
  rationale: 'Regulated data may narrow where workloads can run.',
  weight: 24,
  params: {
    public: 0.5,
    internal: 0,
    confidential: -0.5,
    regulated: -1,
    perRequirement: 0.25,
    residency: 0.25,
  },
  checkParams: (p) => {
    if (!(p.public >= p.internal && p.internal >= p.confidential && p.confidential >= p.regulated))
      return { param: 'public', message: 'need public ≥ internal ≥ confidential ≥ regulated' };
    if (p.perRequirement < 0) return { param: 'perRequirement', message: 'perRequirement must be ≥ 0' };
    if (p.residency < 0) return { param: 'residency', message: 'residency must be ≥ 0' };
    return undefined;
  },
  prepare: (p) => ({ ...p, bySensitivity: Float64Array.from(DATA_SENSITIVITIES, (s) => p[s]) }),
  measure(profile, p, _config, out) {
    let depin =
      p.bySensitivity[sensitivityRank(profile.dataSensitivity)]! -
      p.perRequirement * profile.compliance.length;
    if (profile.residency.length > 0) depin -= p.residency;
    out.depin = depin;
    out.cloud = depin < 0 ? -0.5 * depin : 0;
  },
  explain(profile) {
    const compliance = profile.compliance;
    const residency = profile.residency;
    const sensitivity = profile.dataSensitivity;
    if (compliance.length === 0 && residency.length === 0) {
      const open = NO_LIMITS[sensitivity];
      if (open !== undefined) return open;
    }
    // ", requires a, b, must stay in X, Y" with no intermediate arrays for the usual one-item lists.
    let limits = '';
    if (compliance.length > 0) limits = `, requires ${commaList(compliance)}`;
    if (residency.length > 0) limits = `${limits}, must stay in ${commaList(residency)}`;
    return `${SENSITIVITY_WORDS[sensitivity]}${limits}${NARROWS}`;
  },
});
