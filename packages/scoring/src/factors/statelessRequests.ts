import { defineFactor } from '../defineFactor.js';

/**
 * DESIGN §4 "serving is not one class": stateless requests (or independent shards of a batch) spread over
 * many replicas and providers, and a lost one is retried; stateful work loses its state with its host.
 * Monotone: stateless is always at least as good for DePIN.
 */
export const statelessRequestsFactor = defineFactor({
  id: 'stateless-requests',
  question: 'Are units of work independent (stateless)?',
  rationale:
    'Many inference workloads are bursty, regional, or easier to parallelize. (DESIGN §4: stateless user-facing generation has run in production on interruptible consumer GPUs spread over many replicas and providers.)',
  weight: 8,
  params: { statelessDepin: 1, statefulDepin: -1, statelessCloud: 0, statefulCloud: 0.5 },
  checkParams: (p) =>
    p.statelessDepin >= p.statefulDepin
      ? p.statelessCloud <= p.statefulCloud
        ? undefined
        : { param: 'statelessCloud', message: 'need statelessCloud ≤ statefulCloud' }
      : { param: 'statelessDepin', message: 'need statelessDepin ≥ statefulDepin' },
  measure(profile, p, _config, out) {
    out.depin = profile.statelessRequests ? p.statelessDepin : p.statefulDepin;
    out.cloud = profile.statelessRequests ? p.statelessCloud : p.statefulCloud;
  },
  explain(profile) {
    return profile.statelessRequests
      ? 'Units of work are independent (stateless requests or shards): they "parallelize" over many replicas and providers, and a lost one is simply retried.'
      : 'Work keeps state across steps or requests: losing a host loses that state, so it wants stable, dedicated machines.';
  },
});
