import type { Interconnect } from '@gpufit/schema';
import { defineConstraint } from './defineConstraint.js';
import { interconnectRank, sensitivityRank } from './ranks.js';

const INTERCONNECT_WORDS: { readonly [I in Interconnect]: string } = {
  none: 'a plain network',
  nvlink: 'an NVLink-class',
  infiniband: 'an InfiniBand-class',
};

const PART_NOTE =
  ' This covers the part that stores or processes that data; stateless requests carrying only low-sensitivity data may still overflow to DePIN.';

/** Data at or above `minDataSensitivity` (default: regulated) with no certified DePIN supply. */
export const regulatedDataConstraint = defineConstraint({
  code: 'regulated-data',
  side: 'depin',
  summary:
    'Regulated data: DePIN is ineligible unless an offer holds the certifications the data requires (pricing filters offers).',
  prepare: (config) => sensitivityRank(config.constraints['regulated-data'].minDataSensitivity),
  applies: (profile, _config, minRank) => sensitivityRank(profile.dataSensitivity) >= minRank,
  explain: (profile, _config, scope) =>
    `${profile.dataSensitivity === 'regulated' ? 'Regulated' : 'Sensitive'} data: DePIN is ineligible unless an offer holds the certifications the data requires, because hosts can read the data they process; "if you handle regulated customer data … centralized cloud still has the edge". A saving does not change this.${scope === 'part' ? PART_NOTE : ''}`,
});

/** Compliance requirements that name an audited certification the host itself must hold. */
export const certificationsConstraint = defineConstraint({
  code: 'certifications',
  side: 'depin',
  summary:
    'Required certifications (by default HIPAA, PCI DSS, FedRAMP): DePIN is ineligible unless an offer holds every one of them.',
  prepare: (config) => config.constraints.certifications.requirements,
  applies: (profile, _config, listed) => {
    const compliance = profile.compliance;
    for (let i = 0; i < compliance.length; i++) if (listed.includes(compliance[i]!)) return true;
    return false;
  },
  explain: (profile, config, scope) => {
    const listed = config.constraints.certifications.requirements;
    const needed = profile.compliance.filter((r) => listed.includes(r)).join(', ');
    return `Requires ${needed}: DePIN is ineligible unless an offer holds ${needed === '' ? 'them' : needed}; buyers "may need certifications and audit trails that decentralized supply cannot always provide".${scope === 'part' ? PART_NOTE : ''}`;
  },
});

/** Data bound to named countries or blocs. */
export const residencyConstraint = defineConstraint({
  code: 'residency',
  side: 'depin',
  summary:
    'Residency-bound data: DePIN is ineligible unless an offer is verified to run in the required places.',
  applies: (profile) => profile.residency.length > 0,
  explain: (profile, _config, scope) =>
    `Data must stay in ${profile.residency.join(', ')}: DePIN is ineligible unless an offer is verified to run there ("will customer data cross borders?"); community hosts cannot prove where they are.${scope === 'part' ? PART_NOTE : ''}`,
});

/** A fabric at or above `minInterconnect` (default: InfiniBand); node count alone never triggers it. */
export const interconnectConstraint = defineConstraint({
  code: 'interconnect',
  side: 'depin',
  summary:
    'InfiniBand-class interconnect: DePIN is ineligible unless an offer provides that fabric. The need for the fabric, not the node count, is the constraint.',
  prepare: (config) => interconnectRank(config.constraints.interconnect.minInterconnect),
  applies: (profile, _config, minRank) => interconnectRank(profile.interconnect) >= minRank,
  explain: (profile, _config, scope) =>
    `Needs ${INTERCONNECT_WORDS[profile.interconnect]} interconnect${profile.nodes > 1 ? ` across ${profile.nodes} nodes` : ''}: DePIN is ineligible unless an offer provides it; tightly synchronized training stays on InfiniBand-class clusters.${scope === 'part' ? PART_NOTE : ''}`,
});

/** Every hard constraint, in report order. A constraint's index is its bit in batch masks. */
export const constraints = [
  regulatedDataConstraint,
  certificationsConstraint,
  residencyConstraint,
  interconnectConstraint,
] as const;

export const CONSTRAINT_CODES = constraints.map((c) => c.code);
