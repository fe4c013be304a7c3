/** Normalised postal addresses with geocode and verification fields. */
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tstz } from './common.js';

export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    /** Two-letter state or province code. */
    state: text('state').notNull(),
    postalCode: text('postal_code').notNull(),
    county: text('county'),
    country: text('country').notNull().default('US'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    geocodeSource: text('geocode_source'),
    geocodeAccuracy: text('geocode_accuracy'),
    geocodedAt: tstz('geocoded_at'),
    isVerified: boolean('is_verified').notNull().default(false),
    verificationSource: text('verification_source'),
    verifiedAt: tstz('verified_at'),
    /** IANA timezone of the address, for contact-hour rules. */
    timezone: text('timezone'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index('addresses_state_city_idx').on(t.state, t.city),
    index('addresses_postal_code_idx').on(t.postalCode),
    check('addresses_state_format', sql`${t.state} ~ '^[A-Z]{2}$'`),
    check('addresses_latitude_range', sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check('addresses_longitude_range', sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
  ],
);
