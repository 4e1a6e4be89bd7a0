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
      'none of 3 decentralized offers can run it: 2 run on hosts the data may not use (confidential data needs datacenter hosts); 1 are spot / interruptible, and the workload is not interruptible; 1 cannot hold the model on one instance',
    );
  });

  it('says when the catalog has no offer of the side at all', () => {
    expect(new RejectionTally().sentence('cloud')).toBe('the catalog has no cloud offer');
  });
});
