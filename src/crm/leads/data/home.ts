/** Homeowners, renters and condo payload, `leads.home_data`. v1 is current. */
import { z } from 'zod';
import { lossSchema, money, year } from './common.js';

const dwelling = z.strictObject({
  yearBuilt: year,
  squareFeet: z.number().int().min(100).max(50_000),
  stories: z.number().min(1).max(6),
  construction: z.enum(['frame', 'masonry', 'masonry_veneer', 'log', 'steel', 'fire_resistive']),
  roofType: z.enum(['asphalt_shingle', 'architectural_shingle', 'metal', 'clay_tile', 'concrete_tile', 'slate', 'wood_shake', 'flat_membrane']),
  /** Year the roof was last replaced; drives roof-age surcharges and ACV roof endorsements. */
  roofYear: year.optional(),
  foundation: z.enum(['slab', 'crawlspace', 'basement', 'pier', 'walkout_basement']).optional(),
  heating: z.enum(['forced_air_gas', 'electric', 'heat_pump', 'oil', 'wood_stove', 'radiant']).optional(),
  updates: z
    .strictObject({ electricalYear: year.optional(), plumbingYear: year.optional(), heatingYear: year.optional() })
    .optional(),
  pool: z.boolean().default(false),
  trampoline: z.boolean().default(false),
  dogBreed: z.string().max(60).optional(),
  monitoredAlarm: z.boolean().default(false),
});

export const homeDataV1 = z
  .strictObject({
    policyForm: z.enum(['HO3', 'HO5', 'HO4', 'HO6', 'DP3']).describe('HO4 renters, HO6 condo, DP3 dwelling fire (rental)'),
    occupancy: z.enum(['owner_primary', 'owner_secondary', 'tenant', 'rental_to_others', 'vacant']),
    dwelling: dwelling,
    protectionClass: z.number().int().min(1).max(10).describe('ISO public protection class, 1 best to 10 unprotected'),
    distanceToHydrantFeet: z.number().int().min(0).max(10_000).optional(),
    distanceToFireStationMiles: z.number().min(0).max(50).optional(),
    coverageA: money.nullable().describe('Dwelling limit; null for renters (HO4)'),
    coverageC: money.optional().describe('Personal property'),
    coverageE: z.number().int().min(0).max(1_000_000).default(300_000).describe('Personal liability'),
    deductibles: z.strictObject({
      allPeril: z.number().int().min(0).max(50_000),
      windHailPercent: z.number().min(0).max(10).optional(),
      hurricanePercent: z.number().min(0).max(10).optional(),
    }),
    claims: z.array(lossSchema).max(30).default([]),
    mortgagee: z
      .strictObject({ name: z.string().min(1).max(160), loanNumber: z.string().max(40).optional(), escrowed: z.boolean().default(true) })
      .nullable()
      .default(null),
    purchaseDate: z.iso.date().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.policyForm !== 'HO4' && d.coverageA === null) {
      ctx.addIssue({ code: 'custom', path: ['coverageA'], message: `coverageA (dwelling limit) is required for ${d.policyForm}` });
    }
    if (d.dwelling.roofYear !== undefined && d.dwelling.roofYear < d.dwelling.yearBuilt) {
      ctx.addIssue({ code: 'custom', path: ['dwelling', 'roofYear'], message: 'roofYear cannot be before yearBuilt' });
    }
  });
export type HomeDataV1 = z.infer<typeof homeDataV1>;
