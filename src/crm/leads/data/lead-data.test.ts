import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { CURRENT_VERSIONS, fieldForDataColumn, readLeadData, validateLeadData, vinCheckDigit, type LeadDataField } from './index.js';

/** A VIN with a correct check digit, built from a 17-char template whose 9th char is replaced. */
function vin(template: string): string {
  const v = template.slice(0, 8) + '0' + template.slice(9);
  return v.slice(0, 8) + vinCheckDigit(v) + v.slice(9);
}

const goodVin = vin('1HGCM82633A004352');

const auto = () => ({
  drivers: [
    {
      firstName: 'Maria',
      lastName: 'Lopez',
      dateOfBirth: '1984-03-12',
      relationship: 'named_insured',
      licenseState: 'TX',
      licenseNumber: '12345678',
      yearsLicensed: 22,
      violations: [{ date: '2024-06-01', type: 'speeding' }],
    },
    { firstName: 'Diego', lastName: 'Lopez', dateOfBirth: '2009-01-20', relationship: 'child', licenseState: 'TX', yearsLicensed: 0 },
  ],
  vehicles: [
    {
      year: 2021,
      make: 'Toyota',
      model: 'RAV4',
      vin: goodVin,
      usage: 'commute',
      annualMiles: 11000,
      garagingZip: '78701',
      ownership: 'financed',
      coverages: { comprehensiveDeductible: 500, collisionDeductible: 1000 },
    },
  ],
  limits: { bodilyInjuryPerPerson: 100000, bodilyInjuryPerAccident: 300000, propertyDamage: 100000 },
  priorCoverage: { carrier: 'Progressive', yearsContinuous: 6 },
});

const home = () => ({
  policyForm: 'HO3',
  occupancy: 'owner_primary',
  dwelling: { yearBuilt: 1998, squareFeet: 2200, stories: 2, construction: 'frame', roofType: 'architectural_shingle', roofYear: 2019 },
  protectionClass: 3,
  coverageA: 385000,
  deductibles: { allPeril: 1000, windHailPercent: 1 },
  claims: [{ date: '2022-08-14', type: 'water', amountPaid: 8400 }],
  mortgagee: { name: 'Wells Fargo Home Mortgage', loanNumber: '0045512' },
});

const commercial = () => ({
  business: { entityType: 'llc', yearsInBusiness: 8, description: 'Residential remodeling contractor' },
  classCodes: [{ system: 'ncci', code: '5645', description: 'Carpentry - residential', payroll: 420000 }],
  annualRevenue: 1850000,
  annualPayroll: 610000,
  employees: { fullTime: 9, partTime: 2 },
  experienceMod: 0.94,
  locations: [
    {
      address: { line1: '400 Industrial Blvd', city: 'Denver', state: 'CO', postalCode: '80216' },
      occupancy: 'contractor office and yard',
      construction: 'joisted_masonry',
      squareFeet: 4200,
      buildingValue: 0,
      contentsValue: 75000,
      ownership: 'leased',
    },
  ],
});

function validationOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('validateLeadData', () => {
  it('accepts realistic payloads of every kind at the current version and fills defaults', () => {
    const a = validateLeadData('autoData', auto());
    expect(a.version).toBe(CURRENT_VERSIONS.autoData);
    expect((a.data.drivers as { accidents: unknown[] }[])[1]!.accidents).toEqual([]);
    expect(validateLeadData('homeData', home()).version).toBe(1);
    expect(validateLeadData('commercialData', commercial()).data.priorLosses).toEqual([]);
    for (const s of [
      { kind: 'umbrella', limit: 2000000, underlying: { autoBodilyInjuryPerAccident: 500000, homeLiability: 300000 }, householdDrivers: 3 },
      { kind: 'boat', boatType: 'pontoon', year: 2018, make: 'Bennington', lengthFeet: 22, hullMaterial: 'aluminum', horsepower: 115, engineType: 'outboard', hullValue: 38000, navigationArea: 'inland_lakes', operatorExperienceYears: 10 },
      { kind: 'flood', program: 'nfip', floodZone: 'AE', elevationCertificate: true, foundationType: 'slab', buildingCoverage: 250000, contentsCoverage: 100000 },
      { kind: 'life', productType: 'term', faceAmount: 750000, termYears: 20, healthClass: 'preferred', tobacco: false },
    ]) {
      expect(validateLeadData('specialtyData', s).data.kind).toBe(s.kind);
    }
  });

  it('names each bad field with its full path', () => {
    const bad = auto();
    bad.vehicles[0]!.vin = '1HGCM82633A00435I';
    (bad.drivers[0] as Record<string, unknown>).licenseState = 'Texas';
    const err = validationOf(() => validateLeadData('autoData', bad));
    expect(err.code).toBe('VALIDATION');
    const fields = err.details.map((d) => d.field);
    expect(fields).toContain('autoData.vehicles.0.vin');
    expect(fields).toContain('autoData.drivers.0.licenseState');
    expect(err.message).toContain('autoData.vehicles.0.vin');
  });

  it('rejects a VIN whose check digit is wrong', () => {
    const bad = auto();
    const digit = goodVin[8] === '1' ? '2' : '1';
    bad.vehicles[0]!.vin = goodVin.slice(0, 8) + digit + goodVin.slice(9);
    expect(validationOf(() => validateLeadData('autoData', bad)).details[0]!.message).toMatch(/check digit/);
  });

  it('rejects unknown keys instead of dropping them', () => {
    const err = validationOf(() => validateLeadData('homeData', { ...home(), poolFence: true }));
    expect(err.details).toEqual([{ field: 'homeData.poolFence', message: expect.stringContaining('unknown field') }]);
  });

  it('applies cross-field rules and the specialty discriminator', () => {
    const noCovA = { ...home(), coverageA: null };
    expect(validationOf(() => validateLeadData('homeData', noCovA)).details.map((d) => d.field)).toContain('homeData.coverageA');
    expect(validateLeadData('homeData', { ...noCovA, policyForm: 'HO4', occupancy: 'tenant' }).version).toBe(1);
    expect(validationOf(() => validateLeadData('specialtyData', { kind: 'pet' })).details.map((d) => d.field)).toContain('specialtyData.kind');
    const c = commercial();
    c.locations[0]!.address.state = 'Colorado';
    expect(validationOf(() => validateLeadData('commercialData', c)).details.map((d) => d.field)).toContain('commercialData.locations.0.address.state');
  });
});

describe('readLeadData', () => {
  it('upgrades a v1 auto payload to v2', () => {
    const v1 = {
      driver: 'Mary Ann Fischer',
      driverDob: '1971-05-02',
      vehicles: [{ year: 2012, make: 'Ford', model: 'F-150', vin: goodVin, usage: 'business' }, { year: 2009, make: 'Honda', model: 'Civic', vin: 'not-a-vin' }],
      limits: '50/100/50',
      priorCarrier: 'State Farm',
      garagingZip: '60614',
    };
    const v2 = readLeadData('autoData', v1, 1)!;
    expect(v2).toMatchObject({
      drivers: [{ firstName: 'Mary Ann', lastName: 'Fischer', dateOfBirth: '1971-05-02', relationship: 'named_insured' }],
      limits: { bodilyInjuryPerPerson: 50000, bodilyInjuryPerAccident: 100000, propertyDamage: 50000 },
      priorCoverage: { carrier: 'State Farm', yearsContinuous: 0 },
    });
    const vehicles = v2.vehicles as Record<string, unknown>[];
    expect(vehicles[0]).toMatchObject({ vin: goodVin, usage: 'business', garagingZip: '60614' });
    expect(vehicles[1]!.vin).toBeUndefined();
    // The upgraded payload is valid at the current version.
    expect(validateLeadData('autoData', v2).version).toBe(2);
  });

  it('returns current data as stored, null for null, and throws on unknown versions', () => {
    const data = validateLeadData('autoData', auto()).data;
    expect(readLeadData('autoData', data, 2)).toBe(data);
    expect(readLeadData('homeData', null, null)).toBeNull();
    expect(validationOf(() => readLeadData('autoData', data, 7)).code).toBe('VALIDATION');
    expect(validationOf(() => readLeadData('homeData', home(), null)).code).toBe('VALIDATION');
  });

  it('refuses a stored v1 payload that does not match v1', () => {
    expect(validationOf(() => readLeadData('autoData', { driver: 'X' }, 1)).details.map((d) => d.field)).toContain('autoData.limits');
  });
});

describe('fieldForDataColumn', () => {
  it('maps data_field columns and rejects others', () => {
    const pairs: [string, LeadDataField][] = [
      ['auto_data', 'autoData'],
      ['home_data', 'homeData'],
      ['specialty_data', 'specialtyData'],
      ['commercial_data', 'commercialData'],
    ];
    for (const [col, field] of pairs) expect(fieldForDataColumn(col)).toBe(field);
    expect(validationOf(() => fieldForDataColumn('pet_data')).code).toBe('VALIDATION');
  });
});
