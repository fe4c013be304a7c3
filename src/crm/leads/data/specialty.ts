/** Umbrella, boat, flood and life payload, `leads.specialty_data`, discriminated by `kind`. v1 is current. */
import { z } from 'zod';
import { isoDate, money, year } from './common.js';

const umbrella = z.strictObject({
  kind: z.literal('umbrella'),
  limit: z.number().int().min(1_000_000).max(10_000_000).multipleOf(1_000_000),
  underlying: z.strictObject({
    autoBodilyInjuryPerAccident: z.number().int().min(0),
    homeLiability: z.number().int().min(0),
    watercraftLiability: z.number().int().min(0).optional(),
  }),
  householdDrivers: z.number().int().min(0).max(20),
  youthfulDrivers: z.number().int().min(0).max(10).default(0),
  rentalProperties: z.number().int().min(0).max(50).default(0),
  pool: z.boolean().default(false),
  watercraft: z.boolean().default(false),
});

const boat = z.strictObject({
  kind: z.literal('boat'),
  boatType: z.enum(['bowrider', 'pontoon', 'center_console', 'sailboat', 'cabin_cruiser', 'jet_ski', 'bass_boat', 'yacht']),
  year: year,
  make: z.string().min(1).max(60),
  model: z.string().max(60).optional(),
  lengthFeet: z.number().min(6).max(200),
  hullMaterial: z.enum(['fiberglass', 'aluminum', 'wood', 'steel', 'composite']),
  horsepower: z.number().int().min(0).max(3000),
  engineType: z.enum(['outboard', 'inboard', 'inboard_outboard', 'jet', 'sail_only']),
  hullValue: money,
  navigationArea: z.enum(['inland_lakes', 'rivers', 'coastal', 'great_lakes', 'offshore']),
  layUpMonths: z.number().int().min(0).max(12).default(0),
  operatorExperienceYears: z.number().int().min(0).max(80),
  boatingCourse: z.boolean().default(false),
});

const flood = z.strictObject({
  kind: z.literal('flood'),
  program: z.enum(['nfip', 'private']),
  floodZone: z.enum(['A', 'AE', 'AH', 'AO', 'V', 'VE', 'X', 'B', 'C', 'D']),
  elevationCertificate: z.boolean(),
  baseFloodElevationFeet: z.number().min(-50).max(500).optional(),
  lowestFloorElevationFeet: z.number().min(-50).max(500).optional(),
  foundationType: z.enum(['slab', 'crawlspace', 'basement', 'elevated_piers', 'elevated_enclosure']),
  buildingCoverage: money.max(5_000_000),
  contentsCoverage: money.max(2_000_000),
  priorFloodLosses: z.number().int().min(0).max(20).default(0),
  waitingPeriodWaived: z.boolean().default(false),
});

const life = z.strictObject({
  kind: z.literal('life'),
  productType: z.enum(['term', 'whole', 'universal', 'final_expense']),
  faceAmount: z.number().int().min(5_000).max(50_000_000),
  termYears: z.number().int().min(5).max(40).optional(),
  healthClass: z.enum(['preferred_plus', 'preferred', 'standard_plus', 'standard', 'substandard']),
  tobacco: z.boolean(),
  dateOfBirth: isoDate.optional(),
  heightInches: z.number().int().min(36).max(96).optional(),
  weightLbs: z.number().int().min(60).max(600).optional(),
  beneficiary: z.string().max(160).optional(),
});

export const specialtyDataV1 = z.discriminatedUnion('kind', [umbrella, boat, flood, life]);
export type SpecialtyDataV1 = z.infer<typeof specialtyDataV1>;
export type SpecialtyKind = SpecialtyDataV1['kind'];
