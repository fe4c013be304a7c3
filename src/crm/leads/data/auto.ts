/**
 * Personal auto (and motorcycle) payload, `leads.auto_data`.
 * v1 (legacy intake form): one driver name string, a vehicle list, flat limits like "100/300/100".
 * v2 (current): structured drivers, vehicles with coverages, a `limits` object and prior coverage.
 */
import { z } from 'zod';
import { isoDate, money, stateCode, year, zipCode } from './common.js';

const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((c) => [c, [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]['ABCDEFGHJKLMNPRSTUVWXYZ'.indexOf(c)]!]),
);

/** The North American VIN check digit (position 9) for a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const v = /\d/.test(c) ? Number(c) : (VIN_VALUES[c] ?? 0);
    sum += v * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** 17 characters, no I/O/Q, with a valid check digit. */
export const vinSchema = z
  .string()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'a VIN is 17 letters/digits without I, O or Q')
  .refine((v) => vinCheckDigit(v) === v[8], 'VIN check digit (9th character) does not match; re-check the VIN');

const violation = z.strictObject({
  date: isoDate,
  type: z.enum(['speeding', 'dui', 'reckless', 'at_fault_accident', 'suspended_license', 'failure_to_yield', 'distracted', 'other']),
  description: z.string().max(300).optional(),
});

const accident = z.strictObject({
  date: isoDate,
  atFault: z.boolean(),
  amountPaid: money.optional(),
  description: z.string().max(300).optional(),
});

export const driverV2 = z.strictObject({
  firstName: z.string().min(1).max(80),
  lastName: z.string().min(1).max(80),
  dateOfBirth: isoDate.optional(),
  relationship: z.enum(['named_insured', 'spouse', 'child', 'parent', 'other_relative', 'other']).describe('Relationship to the named insured'),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).optional(),
  licenseState: stateCode.optional(),
  licenseNumber: z.string().min(4).max(20).optional(),
  yearsLicensed: z.number().int().min(0).max(80).optional(),
  goodStudent: z.boolean().optional(),
  violations: z.array(violation).max(20).default([]),
  accidents: z.array(accident).max(20).default([]),
});

const coverages = z.strictObject({
  comprehensiveDeductible: z.number().int().min(0).max(5000).nullable().describe('Null: no comprehensive coverage'),
  collisionDeductible: z.number().int().min(0).max(5000).nullable().describe('Null: no collision coverage'),
  rentalReimbursement: z.boolean().default(false),
  roadsideAssistance: z.boolean().default(false),
  gapCoverage: z.boolean().default(false),
});

export const vehicleV2 = z.strictObject({
  year: year,
  make: z.string().min(1).max(40),
  model: z.string().min(1).max(60),
  vin: vinSchema.optional(),
  bodyType: z.enum(['sedan', 'suv', 'pickup', 'minivan', 'coupe', 'hatchback', 'wagon', 'convertible', 'motorcycle', 'van']).optional(),
  usage: z.enum(['commute', 'pleasure', 'business', 'farm', 'rideshare']),
  annualMiles: z.number().int().min(0).max(150_000),
  garagingZip: zipCode,
  ownership: z.enum(['owned', 'financed', 'leased']),
  lienholder: z.string().max(120).optional(),
  coverages: coverages,
});

const limitsV2 = z.strictObject({
  bodilyInjuryPerPerson: z.number().int().min(15_000).max(1_000_000),
  bodilyInjuryPerAccident: z.number().int().min(30_000).max(2_000_000),
  propertyDamage: z.number().int().min(5_000).max(1_000_000),
  uninsuredMotorist: z.boolean().default(true),
  medicalPayments: z.number().int().min(0).max(100_000).optional(),
  personalInjuryProtection: z.number().int().min(0).max(250_000).optional(),
});

export const autoDataV2 = z.strictObject({
  drivers: z.array(driverV2).min(1).max(12),
  vehicles: z.array(vehicleV2).min(1).max(12),
  limits: limitsV2,
  priorCoverage: z
    .strictObject({
      carrier: z.string().min(1).max(80),
      yearsContinuous: z.number().int().min(0).max(60),
      bodilyInjuryPerPerson: z.number().int().min(0).optional(),
      bodilyInjuryPerAccident: z.number().int().min(0).optional(),
      lapseDays: z.number().int().min(0).max(3650).default(0),
    })
    .nullable()
    .default(null),
  homeownerDiscount: z.boolean().default(false),
  paidInFull: z.boolean().default(false),
});
export type AutoDataV2 = z.infer<typeof autoDataV2>;

/** v1: what the old intake form saved. Kept so stored rows can still be read and upgraded. */
export const autoDataV1 = z.strictObject({
  driver: z.string().min(1).max(160),
  driverDob: isoDate.optional(),
  vehicles: z
    .array(z.strictObject({ year: year, make: z.string().min(1), model: z.string().min(1), vin: z.string().optional(), usage: z.string().optional() }))
    .min(1),
  /** e.g. "100/300/100": BI per person / BI per accident / PD, in thousands. */
  limits: z.string().regex(/^\d{2,4}\/\d{2,4}\/\d{1,4}$/, 'limits like 100/300/100'),
  priorCarrier: z.string().optional(),
  garagingZip: zipCode,
});
export type AutoDataV1 = z.infer<typeof autoDataV1>;

const USAGES = ['commute', 'pleasure', 'business', 'farm', 'rideshare'] as const;

/** v1 -> v2: split the driver name, parse the limits string, give vehicles v2 defaults. */
export function upgradeAutoV1(v1: AutoDataV1): AutoDataV2 {
  const parts = v1.driver.trim().split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : parts[0]!;
  const firstName = parts.length > 0 ? parts.join(' ') : lastName;
  const [bi, bia, pd] = v1.limits.split('/').map((n) => Number(n) * 1000) as [number, number, number];
  return autoDataV2.parse({
    drivers: [{ firstName, lastName, relationship: 'named_insured', ...(v1.driverDob ? { dateOfBirth: v1.driverDob } : {}) }],
    vehicles: v1.vehicles.map((v) => {
      // v1 did not check VINs; an invalid one is dropped rather than failing the whole read.
      const vin = v.vin && vinSchema.safeParse(v.vin).success ? v.vin : undefined;
      const usage = USAGES.find((u) => u === v.usage) ?? 'pleasure';
      return {
        year: v.year,
        make: v.make,
        model: v.model,
        ...(vin ? { vin } : {}),
        usage,
        annualMiles: 12_000,
        garagingZip: v1.garagingZip,
        ownership: 'owned',
        coverages: { comprehensiveDeductible: null, collisionDeductible: null },
      };
    }),
    limits: { bodilyInjuryPerPerson: bi, bodilyInjuryPerAccident: bia, propertyDamage: pd },
    priorCoverage: v1.priorCarrier ? { carrier: v1.priorCarrier, yearsContinuous: 0 } : null,
  });
}
