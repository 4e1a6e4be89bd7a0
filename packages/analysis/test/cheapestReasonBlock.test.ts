/**
 * The cheapest-offer reason names what buying it takes: a term commitment its months, a capacity block (Committed,
 * no term, booked in whole days — AWS EC2 Capacity Blocks) that it is booked ahead and paid up front. A block was
 * labelled Standard until the catalog carried it as Committed (hC), and the reason then said nothing of it.
 */
import { describe, expect, it } from 'vitest';
import { cheapestReason } from '../src/index.js';
import { offerOf } from './support/builders.js';

const SOURCE = 'test';

describe('the cheapest reason for a commitment', () => {
  it('a capacity block says it is booked ahead and billed by whole days; a term says its months', () => {
    const block = offerOf(SOURCE, {
      id: 'aws:p5.48xlarge-capacity-block:us-east-1:committed',
      market: 'hyperscaler',
      usdPerGpuHour: 4.916,
      pricingCategory: 'Committed',
      minimumBillableSeconds: 86_400,
      billingIncrementSeconds: 86_400,
    });
    const term = offerOf(SOURCE, {
      id: 'aws:p5.48xlarge:us-east-1:committed-36mo',
      market: 'hyperscaler',
      usdPerGpuHour: 3.44,
      pricingCategory: 'Committed',
      termMonths: 36,
    });
    const onDemand = offerOf(SOURCE, {
      id: 'aws:p5.48xlarge:us-east-1:standard',
      market: 'hyperscaler',
      usdPerGpuHour: 6.88,
    });
    const said = cheapestReason({ offer: block, effectiveUsdPerGpuHour: 4.916 }, undefined, 2);
    expect(said).toContain(
      'a capacity block: booked ahead for the days a job runs, paid up front, billed by whole days',
    );
    expect(said).not.toContain('month commitment');
    expect(cheapestReason({ offer: term, effectiveUsdPerGpuHour: 3.44 }, undefined, 2)).toContain(
      'needs a 36-month commitment',
    );
    const plain = cheapestReason({ offer: onDemand, effectiveUsdPerGpuHour: 6.88 }, undefined, 2);
    expect(plain).not.toMatch(/capacity block|commitment/);
  });
});
