import type { Market } from '@gpufit/schema';

export interface FocusService {
  readonly serviceName: string;
  readonly serviceCategory: 'Compute';
  readonly serviceSubcategory: 'Virtual Machines' | 'Containers';
}

/**
 * FOCUS 1.2 service columns per market. Each ServiceName maps to exactly one ServiceCategory and one
 * ServiceSubcategory (validator rules ServiceName-C-005-C/C-008-C, ServiceSubcategory-C-004-M): hyperscalers
 * and GPU clouds rent virtual machines; marketplaces and DePIN networks run containers on rented hosts.
 */
export const FOCUS_SERVICES: Record<Market, FocusService> = {
  hyperscaler: {
    serviceName: 'GPU Virtual Machines',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Virtual Machines',
  },
  'gpu-cloud': {
    serviceName: 'GPU Virtual Machines',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Virtual Machines',
  },
  marketplace: {
    serviceName: 'GPU Containers',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Containers',
  },
  depin: { serviceName: 'GPU Containers', serviceCategory: 'Compute', serviceSubcategory: 'Containers' },
};
