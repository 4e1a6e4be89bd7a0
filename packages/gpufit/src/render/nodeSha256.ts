import { createHash } from 'node:crypto';
import type { Sha256 } from '@gpufit/report';

/**
 * SHA-256 by node:crypto (OpenSSL) for the pages' Content-Security-Policy hashes: the same bytes as the report
 * package's pure one, which spent 50 ms on its first, unoptimized call over chart.js's 210 kB in the main job.
 */
export const nodeSha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest();
