import { z } from 'zod';
import { CpuFeatureSchema } from '../../contract/index.js';

/**
 * The parts a machine probe is assembled from, as both the native addon and the TypeScript
 * fallback answer them. The schemas check the addon's answers at the boundary (a malformed answer
 * counts as no answer); the fallback produces the same types.
 */
export const CpuIdentitySchema = z.strictObject({
  arch: z.string().min(1),
  vendor: z.string(),
  brand: z.string(),
  family: z.int().nullable(),
  model: z.int().nullable(),
  features: z.array(CpuFeatureSchema),
});
export type CpuIdentity = z.infer<typeof CpuIdentitySchema>;

export const CpuTopologySchema = z.strictObject({
  logical: z.int().min(1),
  physical: z.int().min(1),
  /** Cores, not threads, of each kind on hybrid parts; null when not hybrid or unknown. */
  performance: z.int().min(0).nullable(),
  efficiency: z.int().min(0).nullable(),
});
export type CpuTopology = z.infer<typeof CpuTopologySchema>;

export const BandwidthMeasurementSchema = z.strictObject({
  /** Bytes read per second / 1e9. */
  gbPerSecond: z.number().positive(),
  threads: z.int().min(1),
  /** Bytes read while the clock ran. */
  bytes: z.number().min(0),
  /** How long the clock ran: about the `ms` asked for; allocating and touching the buffer come on top. */
  seconds: z.number().positive(),
  bufferBytes: z.number().min(0),
});
export type BandwidthMeasurement = z.infer<typeof BandwidthMeasurementSchema>;
