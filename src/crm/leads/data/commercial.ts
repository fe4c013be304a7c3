/** Commercial lines payload (BOP, GL, commercial auto, workers comp, property), `leads.commercial_data`. v1 is current. */
import { z } from 'zod';
import { lossSchema, money, postalAddress, year } from './common.js';

const classCode = z.strictObject({
  system: z.enum(['iso_gl', 'ncci', 'naics', 'sic']).describe('Which classification the code is from'),
  code: z.string().regex(/^[0-9A-Z]{2,6}$/, 'class code like 91342 or 8810'),
  description: z.string().min(1).max(160),
  payroll: money.optional().describe('Payroll in this class (workers comp rating basis)'),
  exposure: money.optional().describe('Rating exposure (sales, payroll or area) for GL'),
});

const location = z.strictObject({
  address: postalAddress,
  occupancy: z.string().min(1).max(160).describe('What happens at the location, e.g. "retail bakery", "contractor office and yard"'),
  construction: z.enum(['frame', 'joisted_masonry', 'non_combustible', 'masonry_non_combustible', 'modified_fire_resistive', 'fire_resistive']),
  yearBuilt: year.optional(),
  squareFeet: z.number().int().min(50).max(5_000_000),
  stories: z.number().int().min(1).max(120).default(1),
  buildingValue: money.describe('Building limit; 0 when the insured leases the space'),
  contentsValue: money.describe('Business personal property limit'),
  businessIncome: money.optional(),
  sprinklered: z.boolean().default(false),
  protectionClass: z.number().int().min(1).max(10).optional(),
  ownership: z.enum(['owned', 'leased']),
});

const fleet = z.strictObject({
  powerUnits: z.number().int().min(1).max(5_000),
  radiusMiles: z.number().int().min(0).max(3_000),
  hiredNonOwned: z.boolean().default(true),
  cargo: z.string().max(120).optional(),
});

export const commercialDataV1 = z.strictObject({
  business: z.strictObject({
    entityType: z.enum(['sole_proprietor', 'llc', 'corporation', 's_corporation', 'partnership', 'nonprofit']),
    yearsInBusiness: z.number().int().min(0).max(300),
    description: z.string().min(1).max(1000).describe('Operations, in the insured\'s words'),
    naicsCode: z.string().regex(/^\d{2,6}$/).optional(),
  }),
  classCodes: z.array(classCode).min(1).max(40),
  annualRevenue: money,
  annualPayroll: money,
  employees: z.strictObject({ fullTime: z.number().int().min(0).max(1_000_000), partTime: z.number().int().min(0).max(1_000_000) }),
  experienceMod: z.number().min(0.3).max(3).optional().describe('Workers comp experience modification factor'),
  subcontractorCost: money.optional(),
  certificatesRequired: z.boolean().default(false).describe('Needs certificates of insurance / additional insureds for GCs or landlords'),
  locations: z.array(location).min(1).max(200),
  fleet: fleet.optional(),
  priorLosses: z.array(lossSchema).max(50).default([]),
  priorCarrier: z.string().max(80).optional(),
});
export type CommercialDataV1 = z.infer<typeof commercialDataV1>;
