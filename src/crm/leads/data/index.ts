/**
 * Versioned schemas of the leads' JSONB payloads (auto_data, home_data, specialty_data,
 * commercial_data). Writes are validated at the current version and store that version in the
 * `<field>_version` column; reads upgrade older stored versions step by step to the current one.
 * To change a payload: add a new version's schema and an upgrade from the previous one, and bump
 * CURRENT_VERSIONS. Never change an old version's schema; stored rows depend on it.
 */
import type { z } from 'zod';
import { ValidationError, zodDetails } from '../../../errors.js';
import { autoDataV1, autoDataV2, upgradeAutoV1 } from './auto.js';
import { commercialDataV1 } from './commercial.js';
import { homeDataV1 } from './home.js';
import { specialtyDataV1 } from './specialty.js';

export type LeadDataField = 'autoData' | 'homeData' | 'specialtyData' | 'commercialData';

export const LEAD_DATA_FIELDS: readonly LeadDataField[] = ['autoData', 'homeData', 'specialtyData', 'commercialData'];

interface VersionedPayload {
  /** Schema of each version, by version number. */
  schemas: Record<number, z.ZodType<Record<string, unknown>>>;
  /** upgrades[n] turns parsed version-n data into version n+1 data. */
  upgrades: Record<number, (data: never) => Record<string, unknown>>;
}

/** Zod reports unknown keys once per object; name each key as its own field instead. */
function issuesOf(error: z.ZodError): { path: PropertyKey[]; message: string }[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ path: [...i.path, k], message: 'unknown field (not in the schema)' })) : [i],
  );
}

const registry: Record<LeadDataField, VersionedPayload> = {
  autoData: { schemas: { 1: autoDataV1, 2: autoDataV2 }, upgrades: { 1: upgradeAutoV1 } },
  homeData: { schemas: { 1: homeDataV1 }, upgrades: {} },
  specialtyData: { schemas: { 1: specialtyDataV1 }, upgrades: {} },
  commercialData: { schemas: { 1: commercialDataV1 }, upgrades: {} },
};

export const CURRENT_VERSIONS: Record<LeadDataField, number> = {
  autoData: 2,
  homeData: 1,
  specialtyData: 1,
  commercialData: 1,
};

/** The zod schema of a payload at its current version (for tool docs and forms). */
export function currentSchema(field: LeadDataField): z.ZodType<Record<string, unknown>> {
  return registry[field].schemas[CURRENT_VERSIONS[field]]!;
}

/**
 * Validates a payload at the CURRENT version; throws ValidationError whose details name each bad
 * field as e.g. `autoData.vehicles.0.vin`. Returns the parsed data (defaults filled) and its version.
 */
export function validateLeadData(field: LeadDataField, data: unknown): { data: Record<string, unknown>; version: number } {
  const version = CURRENT_VERSIONS[field];
  const parsed = currentSchema(field).safeParse(data);
  if (!parsed.success) {
    const details = zodDetails(issuesOf(parsed.error), field);
    throw new ValidationError(
      `${field} is not valid (schema version ${version}): ${details.map((d) => `${d.field ?? field}: ${d.message}`).join('; ')}`,
      details,
      `Fix the named fields of ${field} and try again.`,
    );
  }
  return { data: parsed.data, version };
}

/**
 * Upgrades a stored payload of any known version to the current one (returns null for null);
 * throws on an unknown version. Current-version data is returned as stored (it was validated on
 * write); older data is parsed with its own version's schema, then upgraded step by step.
 */
export function readLeadData(field: LeadDataField, data: unknown, version: number | null): Record<string, unknown> | null {
  if (data === null || data === undefined) return null;
  const entry = registry[field];
  const current = CURRENT_VERSIONS[field];
  if (version === null || !Number.isInteger(version) || !entry.schemas[version]) {
    throw new ValidationError(`${field} has unknown schema version ${String(version)}; known versions are ${Object.keys(entry.schemas).join(', ')}.`, [
      { field: `${field}Version`, message: 'unknown version' },
    ]);
  }
  if (version === current) return data as Record<string, unknown>;
  const parsed = entry.schemas[version]!.safeParse(data);
  if (!parsed.success) {
    throw new ValidationError(`Stored ${field} does not match its schema version ${version}.`, zodDetails(issuesOf(parsed.error), field), 'Repair the stored payload.');
  }
  let out: Record<string, unknown> = parsed.data;
  for (let v = version; v < current; v++) {
    const step = entry.upgrades[v];
    if (!step) throw new ValidationError(`No upgrade of ${field} from version ${v} to ${v + 1}.`);
    out = step(out as never);
  }
  return out;
}

const COLUMN_TO_FIELD: Record<string, LeadDataField> = {
  auto_data: 'autoData',
  home_data: 'homeData',
  specialty_data: 'specialtyData',
  commercial_data: 'commercialData',
};

/** Which payload field a line of business uses, from insurance_types.data_field ('auto_data' -> 'autoData'). */
export function fieldForDataColumn(column: string): LeadDataField {
  const field = COLUMN_TO_FIELD[column];
  if (!field) throw new ValidationError(`Unknown lead data column "${column}"; expected one of ${Object.keys(COLUMN_TO_FIELD).join(', ')}.`);
  return field;
}

export { vinCheckDigit, vinSchema, type AutoDataV1, type AutoDataV2 } from './auto.js';
export type { HomeDataV1 } from './home.js';
export type { SpecialtyDataV1, SpecialtyKind } from './specialty.js';
export type { CommercialDataV1 } from './commercial.js';
