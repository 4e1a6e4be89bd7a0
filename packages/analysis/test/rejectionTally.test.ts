import type { CostEstimate } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { RejectionTally } from '../src/rejectionTally.js';

const refused = (...rejections: [CostEstimate['rejections'][number]['code'], string][]) =>
  ({ rejections: rejections.map(([code, message]) => ({ code, message })) }) as unknown as CostEstimate;

describe('why a side has no option', () => {
  it('counts each reason once per offer, most frequent first, and names the data rule', () => {
    const t = new RejectionTally();
    const hosting = 'confidential data needs datacenter hosts; this offer runs on community hosts';
    t.add(refused(['hosting', hosting], ['interruptible', 'spot …']));
    t.add(refused(['hosting', hosting], ['hosting', hosting]));
    t.add(refused(['memory', 'the model needs 2 GPUs']));
    expect(t.sentence('decentralized')).toBe(
      'none of 3 decentralized offers can run it: 2 run on hosts the data may not use (confidential data needs datacenter hosts); 1 is spot / interruptible, and the workload is not interruptible; 1 cannot hold the model on one instance',
    );
  });

  it('speaks of one offer in the singular', () => {
    const t = new RejectionTally();
    t.add(
      refused(['price-below-floor', 'below the floor'], ['placement', 'excluded'], ['price-unknown', 'none']),
    );
    expect(t.sentence('cloud')).toBe(
      'the one cloud offer cannot run it: 1 is excluded by the placement lists; 1 is priced below USD 0.001 per GPU-hour after the scenario (adjustments or subsidy); 1 has no known price',
    );
    const lacks = new RejectionTally();
    lacks.add(refused(['compliance', 'the offer lacks soc2'], ['hosting', 'needs datacenter hosts']));
    expect(lacks.sentence('decentralized')).toBe(
      'the one decentralized offer cannot run it: 1 lacks a certification the workload requires (the offer lacks soc2); 1 runs on hosts the data may not use (needs datacenter hosts)',
    );
  });

  it('says when the catalog has no offer of the side at all', () => {
    expect(new RejectionTally().sentence('cloud')).toBe('the catalog has no cloud offer');
  });
});
