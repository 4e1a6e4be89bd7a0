import type { Market } from '@gpufit/schema';

/**
 * The market a SkyPilot catalog cloud sells in, when the caller does not say. Clouds not listed are GPU clouds.
 * Hyperscalers: the three largest public clouds plus OCI and IBM; Vast.ai is a marketplace of independent hosts.
 */
export const SKYPILOT_CLOUD_MARKETS: Readonly<Record<string, Market>> = {
  aws: 'hyperscaler',
  gcp: 'hyperscaler',
  azure: 'hyperscaler',
  oci: 'hyperscaler',
  ibm: 'hyperscaler',
  vast: 'marketplace',
};

export function marketOfCloud(cloud: string): Market {
  return SKYPILOT_CLOUD_MARKETS[cloud.toLowerCase()] ?? 'gpu-cloud';
}
