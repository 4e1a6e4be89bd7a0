import type { OfferRef } from '@gpufit/schema';

/**
 * Offers whose GPU sits beside an Arm (aarch64) CPU: software built for x86-64 does not run there, so container
 * images and CPU-side native code (tokenizers, data loaders, custom ops) must be built for linux/arm64. A practitioner
 * checks this before moving a service; a price comparison does not show it (a reviewer's image API was placed on
 * Lambda GH200 with no word of it). Each entry says how the reference data records the host.
 */
export interface ArmHost {
  /** The host CPU, as the report names it. */
  readonly cpu: string;
  /** Where the reference data records it. */
  readonly source: string;
}

/** GPU tiers that exist only as superchips with NVIDIA's Grace (Arm Neoverse V2) CPU. */
const ARM_SUPERCHIPS: Readonly<Record<string, ArmHost>> = {
  // The reference's MLPerf rows (../shared/reference/throughput/measured-throughput.csv) name the system.
  GH200: {
    cpu: 'NVIDIA Grace CPU, an Arm (aarch64) processor on the same superchip',
    source: 'MLPerf lists GH200 systems as "GH200-96GB_aarch64"',
  },
  // datasets/gpu-tiers.csv cites the datasheet for the GB200 row.
  GB200: {
    cpu: 'NVIDIA Grace CPU, an Arm (aarch64) processor on the same superchip',
    source: 'NVIDIA GB200 NVL72 datasheet: 36 Grace CPUs beside 72 Blackwell GPUs',
  },
};

/** AWS instance families whose GPU runs beside a Graviton (Arm) CPU: g5g (T4G). */
const AWS_GRAVITON_FAMILIES: readonly string[] = ['g5g'];

/** The Arm host of an offer, or null when its host is x86-64 or not recorded as Arm. */
export function armHost(offer: Pick<OfferRef, 'gpu' | 'provider' | 'instanceType'>): ArmHost | null {
  const superchip = ARM_SUPERCHIPS[offer.gpu];
  if (superchip !== undefined) return superchip;
  const family = offer.instanceType?.split('.')[0];
  if (offer.provider === 'aws' && family !== undefined && AWS_GRAVITON_FAMILIES.includes(family)) {
    // ../shared/reference/extra-gpu-prices.csv notes each g5g row as a "Graviton (arm64) host".
    return {
      cpu: 'AWS Graviton CPU, an Arm (aarch64) processor',
      source: `AWS ${family} instances are Graviton hosts`,
    };
  }
  return null;
}
