import { subsidyShareOf } from '../data/assumptions';
import { BILLING } from '../data/billing';
import { certificationSourcesFor } from '../data/certifications';
import { provider as providerProfile } from '../data/providers';
import { continentBlocs, countryInfo, resolveRegion } from '../data/regions';
import { reliabilityOf } from '../data/reliability';
import { byKey, num, type Row, sig } from './csvio';
import { spec } from './gpu';
import { type Draft, slug } from './offer';

const AWS_EFA =
  /^(p4d\.24xlarge|p4de\.24xlarge|p5\.48xlarge|p5e\.48xlarge|p5en\.48xlarge|p6-b200\.48xlarge|p6-b300\.48xlarge)\b/;
const AZURE_RDMA = /^Standard_(ND\d+[a-z]*r[a-z]*_|NC24rs_v3$)/;

function interconnectOf(d: Draft): { value: 'infiniband' | 'nvlink' | 'none'; note?: string } {
  if (d.provider === 'aws' && AWS_EFA.test(d.instanceType)) {
    return {
      value: 'infiniband',
      note: 'interconnect: AWS P-family 8-GPU instance with EFA (InfiniBand-class RDMA fabric); gpufit classifies it infiniband',
    };
  }
  if (d.provider === 'aws' && /^8xH200 instance \(Capacity Block/.test(d.instanceType)) {
    return {
      value: 'infiniband',
      note: 'interconnect inferred: AWS 8 x H200 instances (p5e/p5en) carry EFA; instance name missing in the source',
    };
  }
  if (d.provider === 'coreweave' && /^NVIDIA HGX (H100|H200|B200)$/.test(d.instanceType)) {
    return {
      value: 'infiniband',
      note: 'interconnect: CoreWeave HGX nodes are built into InfiniBand clusters (NVIDIA Quantum-2/X800, non-blocking fat tree, GPUDirect RDMA) per CoreWeave docs "HPC Interconnect" (docs.coreweave.com/products/networking/hpc-interconnect/about-hpc-interconnect); gpufit classifies HGX 8-GPU nodes infiniband',
    };
  }
  if (d.provider === 'nebius' && d.gpusPerInstance === 8 && /^(H100|H200|B200)$/.test(d.gpu)) {
    return {
      value: 'infiniband',
      note: 'interconnect: Nebius 8-GPU VMs join GPU clusters interconnected with InfiniBand (Nebius docs, Compute "GPU clusters" and docs.nebius.com/kubernetes/gpu/set-up); gpufit classifies them infiniband',
    };
  }
  if (d.provider === 'azure' && AZURE_RDMA.test(d.instanceType)) {
    return {
      value: 'infiniband',
      note: "interconnect: 'r' in the Azure size name = RDMA/InfiniBand (reference marks these 'RDMA/InfiniBand variant')",
    };
  }
  if (d.gpusPerInstance >= 2 && spec(d.gpu).interconnect === 'nvlink') {
    return {
      value: 'nvlink',
      note: 'interconnect inferred: multi-GPU SXM/NVL box = NVLink; InfiniBand not stated in the source',
    };
  }
  return { value: 'none' };
}

export function finalize(drafts: readonly Draft[]): { rows: Row[]; collisions: number } {
  const staged: { base: string; draft: Draft; row: Row }[] = [];
  for (const d of drafts) {
    const p = providerProfile(d.provider);
    const region = resolveRegion(d.provider, d.region, d.regionRaw);
    const rel = reliabilityOf(d);
    const billing = d.billing ?? BILLING[d.provider];
    const ic = interconnectOf(d);
    const certs = [...p.certifications];
    if (p.fedrampUsOnly && region.country === 'US') certs.push('fedramp');
    // Outside the hyperscalers a certification is written only where a provider's own statement covers the row.
    const sourced = certificationSourcesFor(d.provider, d.market, region.country);
    for (const s of sourced) for (const c of s.certifications) if (!certs.includes(c)) certs.push(c);
    certs.sort();
    const notes = [...d.notes];
    if (ic.note) notes.push(ic.note);
    if (d.regionRaw !== d.region) notes.push(`source region "${d.regionRaw}"`);
    notes.push(
      `verified=${d.verified}: ${d.verifiedWhy ?? (d.hosting === 'community' && d.provider === 'runpod' ? 'RunPod Community host' : p.verifiedWhy)}`,
    );
    if (billing) notes.push(`billing: ${billing.note}`);
    if (p.certifications.length > 0)
      notes.push(
        "certifications: gpufit assumption from the hyperscaler's public compliance programmes (fedramp only for US regions)",
      );
    for (const s of sourced)
      notes.push(
        `certifications: ${s.certifications.join(', ')} from ${s.url} (as of ${s.asOf}), quote: ${s.quote}; scope: ${s.scopeNote}`,
      );
    if (p.incentive)
      notes.push(
        `incentiveSubsidyShare ${p.incentive.subsidyShare}: ${subsidyShareOf(d.provider).why} (networks.csv)`,
      );
    const term =
      d.pricingCategory === 'Committed' && d.termMonths !== undefined
        ? `committed-${d.termMonths}mo`
        : d.pricingCategory.toLowerCase();
    const base = `${d.provider}:${slug(d.instanceType)}:${slug(d.region)}:${term}`;
    if (d.usdPerGpuHour !== undefined && !(d.usdPerGpuHour > 0))
      throw new Error(`finalize: non-positive price for ${base}`);
    const row: Row = {
      id: base,
      provider: d.provider,
      providerName: p.name,
      market: d.market,
      instanceType: d.instanceType,
      gpu: d.gpu,
      gpuMemoryGiB: num(d.gpuMemoryGiB, 2),
      gpusPerInstance: String(d.gpusPerInstance),
      region: d.region,
      country: region.country,
      regionListing: d.regionListing ?? '',
      pricingCategory: d.pricingCategory,
      termMonths: d.termMonths === undefined ? '' : String(d.termMonths),
      usdPerGpuHour: num(d.usdPerGpuHour, 6),
      usdPerGpuHourMin: num(d.usdPerGpuHourMin, 6),
      usdPerGpuHourMax: num(d.usdPerGpuHourMax, 6),
      availability: num(rel.availability, 4),
      interruptionsPerHour: sig(rel.interruptionsPerHour, 6),
      zonesWithSpot: d.zonesWithSpot === undefined ? '' : String(d.zonesWithSpot),
      verified: String(d.verified),
      hosting: d.hosting,
      certifications: certs.join(';'),
      interconnect: ic.value,
      egressUsdPerGiB: num(p.egress.firstPaidUsdPerGiB, 4),
      egressTiers: p.egress.tiers,
      ingressUsdPerGiB: num(p.egress.ingressUsdPerGiB, 4),
      incentiveSymbol: p.incentive?.symbol ?? '',
      incentiveSubsidyShare: num(p.incentive?.subsidyShare, 4),
      incentiveDenomination: p.incentive?.denomination ?? '',
      billingIncrementSeconds:
        billing?.incrementSeconds === undefined ? '' : String(billing.incrementSeconds),
      minimumBillableSeconds: billing?.minimumSeconds === undefined ? '' : String(billing.minimumSeconds),
      reliabilitySource: `rule ${rel.rule.id}: ${rel.rule.source}`,
      egressSource: p.egress.source,
      source: d.source,
      asOf: d.asOf,
      notes: notes.join('; '),
    };
    staged.push({ base, draft: d, row });
  }
  // ids: unique by construction except genuine duplicates; those get -2, -3 … in a stable order
  const groups = new Map<string, typeof staged>();
  for (const s of staged) groups.set(s.base, [...(groups.get(s.base) ?? []), s]);
  let collisions = 0;
  const rows: Row[] = [];
  for (const group of groups.values()) {
    group.sort(byKey((s) => `${s.row.source}|${s.row.usdPerGpuHour}|${s.row.notes}`));
    group.forEach((s, i) => {
      if (i > 0) {
        collisions += 1;
        s.row.id = `${s.base}-${i + 1}`;
      }
      rows.push(s.row);
    });
  }
  rows.sort(byKey((r) => r.id ?? ''));
  return { rows, collisions };
}

export function regionRows(offers: readonly Row[], drafts: readonly Draft[]): Row[] {
  const seen = new Map<string, Row>();
  for (const d of drafts) {
    const key = `${d.provider}|${d.region}`;
    if (seen.has(key)) continue;
    const info = resolveRegion(d.provider, d.region, d.regionRaw);
    let blocs: string[] = [];
    let continent = info.continentHint ?? '';
    if (info.country !== '') {
      const c = countryInfo(info.country);
      blocs = c.blocs;
      continent = c.continent;
    } else if (continent !== '') {
      blocs = continentBlocs(continent);
    }
    seen.set(key, {
      provider: d.provider,
      region: d.region,
      country: info.country,
      blocs: blocs.join(';'),
      continent,
      notes: info.notes,
    });
  }
  const inOffers = new Set(offers.map((o) => `${o.provider}|${o.region}`));
  return [...seen.values()]
    .filter((r) => inOffers.has(`${r.provider}|${r.region}`))
    .sort(byKey((r) => `${r.provider}|${r.region}`));
}
