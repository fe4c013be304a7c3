/** Building blocks shared by the lead payload schemas. */
import { z } from 'zod';

/** Two-letter US state or territory code. */
export const stateCode = z.string().regex(/^[A-Z]{2}$/, 'two-letter state code, e.g. TX');
/** US ZIP or ZIP+4. */
export const zipCode = z.string().regex(/^\d{5}(-\d{4})?$/, 'ZIP code like 78701 or 78701-1234');
/** Calendar date as YYYY-MM-DD. */
export const isoDate = z.iso.date();
/** A dollar amount: non-negative, at most cents. */
export const money = z.number().nonnegative().max(1e10).multipleOf(0.01);
/** A model/construction year. */
export const year = z.number().int().min(1850).max(2100);

export const postalAddress = z.strictObject({
  line1: z.string().min(1).max(200).describe('Street address'),
  line2: z.string().max(200).optional().describe('Suite, unit, floor'),
  city: z.string().min(1).max(100),
  state: stateCode,
  postalCode: zipCode,
});

/** A prior loss, common to home and commercial payloads. */
export const lossSchema = z.strictObject({
  date: isoDate.describe('Date of loss'),
  type: z
    .enum(['water', 'wind', 'hail', 'fire', 'theft', 'liability', 'mold', 'freeze', 'lightning', 'vandalism', 'flood', 'workers_injury', 'auto', 'other'])
    .describe('Cause of loss'),
  amountPaid: money.describe('Amount the carrier paid'),
  status: z.enum(['open', 'closed', 'subrogated']).default('closed'),
  description: z.string().max(500).optional(),
});
