import {
  APPROACHES,
  DATA_SENSITIVITIES,
  FIT_LEVELS,
  type FitAssessment,
  type FitReason,
  type HardConstraint,
  INTERCONNECTS,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import { constraints, type FrameworkOverride, factors, resolveFramework } from '../src/index.js';

/**
 * The slow path the engine must agree with, written plainly from the resolved framework config and the
 * registries (each factor's own `evaluate`, each constraint's `explain`; whether a constraint binds is written
 * out here from its settings, not read from its `applies` and `prepare`): no compiled
 * framework, no typed arrays, no scratch state, every sentence built eagerly — how `assessFit` worked before
 * reasons became data (issue 19).
 */
export function referenceFit(profile: WorkloadProfile, override?: FrameworkOverride): FitAssessment {
  const { config, overrides } = resolveFramework(override);
  const outcomes = factors.map((f) => {
    const o = f.evaluate(profile, config);
    // `+ 0` turns −0 into 0, as the engine reports it.
    return { factor: f.id, cloud: o.cloud + 0, depin: o.depin + 0, sentence: o.sentence };
  });
  let cloud = config.base.cloud;
  let depin = config.base.depin;
  for (const o of outcomes) {
    cloud += o.cloud;
    depin += o.depin;
  }
  cloud = Math.min(100, Math.max(0, cloud));
  depin = Math.min(100, Math.max(0, depin));
  const level = (s: number) =>
    s >= config.levels.high ? 'high' : s >= config.levels.medium ? 'medium' : 'low';
  const depinLevel = level(depin);
  let approach = 0;
  for (const rule of config.approach.rules) {
    const a = APPROACHES.indexOf(rule.approach);
    if (
      a > approach &&
      depin - cloud >= rule.minLean &&
      FIT_LEVELS.indexOf(depinLevel) >= FIT_LEVELS.indexOf(rule.minDepinLevel)
    )
      approach = a;
  }
  const scope = config.constraints.partialScope;
  const partialEligible =
    profile.statelessRequests &&
    DATA_SENSITIVITIES.indexOf(profile.dataSensitivity) <=
      DATA_SENSITIVITIES.indexOf(scope.maxDataSensitivity) &&
    scope.patterns.includes(workloadKinds[profile.kind].pattern);
  const verdicts: HardConstraint[] = [];
  let cap = APPROACHES.length - 1;
  for (const c of constraints) {
    const settings = config.constraints[c.code];
    if (!settings.enabled || !binds(profile, config, c.code)) continue;
    const part = partialEligible && settings.partial;
    cap = Math.min(
      cap,
      APPROACHES.indexOf(part ? config.constraints.caps.part : config.constraints.caps.all),
    );
    const s = part ? 'part' : 'all';
    verdicts.push({ side: c.side, code: c.code, reason: c.explain(profile, config, s), scope: s });
  }
  const size = (r: FitReason) => Math.abs(r.cloud) + Math.abs(r.depin);
  // Array.prototype.sort is stable: ties keep registry order.
  const reasons = [...outcomes].sort((a, b) => size(b) - size(a));
  return {
    cloud: { score: cloud, level: level(cloud) },
    depin: { score: depin, level: depinLevel },
    approach: APPROACHES[Math.min(approach, cap)]!,
    constraints: verdicts,
    reasons,
    frameworkVersion: config.version,
    overrides,
  };
}

/** Whether a hard constraint binds, from the framework's settings, written out without the registry. */
function binds(
  profile: WorkloadProfile,
  config: ReturnType<typeof resolveFramework>['config'],
  code: (typeof constraints)[number]['code'],
): boolean {
  const settings = config.constraints;
  switch (code) {
    case 'regulated-data':
      return (
        DATA_SENSITIVITIES.indexOf(profile.dataSensitivity) >=
        DATA_SENSITIVITIES.indexOf(settings['regulated-data'].minDataSensitivity)
      );
    case 'certifications':
      return profile.compliance.some((r) => settings.certifications.requirements.includes(r));
    case 'residency':
      return profile.residency.length > 0;
    case 'interconnect':
      return (
        INTERCONNECTS.indexOf(profile.interconnect) >=
        INTERCONNECTS.indexOf(settings.interconnect.minInterconnect)
      );
  }
}
