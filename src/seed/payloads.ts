/** Builds each lead's line-of-business JSONB payload, valid at the current schema version (or a legacy v1 auto). */
import { validateLeadData, vinCheckDigit, type LeadDataField } from '../crm/leads/data/index.js';
import type { BookClock } from './clock.js';
import type { Business, Household, Place } from './people.js';
import type { Rng } from './prng.js';
import { BOATS, MOTORCYCLES, VEHICLES, modelYears } from './reference.js';

const VIN_CHARS = [...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'];
const VIN_LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];
/** Position-10 codes: A = 1980/2010 ... Y = 2000/2030, then 1-9 = 2001-2009/2031-2039. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/**
 * A VIN for a model year: position 10 is the year code and position 7 is a letter from 2010 on
 * (a digit before), which is how the 30-year code cycle is told apart; the check digit is valid.
 */
export function makeVin(rng: Rng, wmi: string, modelYear: number): string {
  const cycle = modelYear >= 2010 ? modelYear - 2010 : modelYear - 1980;
  const yearCode = YEAR_CODES[((cycle % 30) + 30) % 30]!;
  const vds = Array.from({ length: 5 }, (_, i) =>
    i === 3 ? (modelYear >= 2010 ? rng.pick(VIN_LETTERS) : String(rng.int(1, 9))) : rng.pick(VIN_CHARS),
  ).join('');
  const serial = rng.pick(VIN_CHARS) + rng.digits(6);
  const draft = `${wmi}${vds}0${yearCode}${serial}`;
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

/** A model year of `m` that fits the anchor: never before the model existed or after it ended. */
function yearOf(rng: Rng, clock: BookClock, m: { from: number; to?: number }, maxAge: number): number {
  const [lo, hi] = modelYears(m, clock.year, clock.month, maxAge);
  return rng.int(lo, hi);
}

/** A past date, `minDays`-`maxDays` before the anchor. */
const pastDate = (rng: Rng, clock: BookClock, minDays: number, maxDays: number) => clock.dateAt(-rng.int(minDays, maxDays));

export interface Payload {
  field: LeadDataField;
  data: Record<string, unknown>;
  version: number;
}

const r100 = (n: number) => Math.round(n / 100) * 100;

function auto(rng: Rng, clock: BookClock, hh: Household, motorcycle: boolean): Record<string, unknown> {
  const drivers = hh.members.map((m) => {
    const teen = m.relationship === 'child';
    const violations = [];
    if (!teen && rng.chance(0.18))
      violations.push({
        date: pastDate(rng, clock, 30, 1500),
        type: rng.weighted([
          ['speeding', 6],
          ['distracted', 2],
          ['failure_to_yield', 1],
          ['dui', 1],
        ] as const),
      });
    const accidents =
      !teen && rng.chance(0.12)
        ? [{ date: pastDate(rng, clock, 30, 1500), atFault: rng.chance(0.5), amountPaid: r100(rng.int(1500, 18000)) }]
        : [];
    const age = clock.year - Number(m.dob.slice(0, 4));
    return {
      firstName: m.firstName,
      lastName: m.lastName,
      dateOfBirth: m.dob,
      relationship: m.relationship,
      maritalStatus: hh.members.some((x) => x.relationship === 'spouse') && !teen ? 'married' : 'single',
      licenseState: hh.place.city.state,
      licenseNumber: rng.digits(8),
      yearsLicensed: Math.max(0, Math.min(age - 16, 60)),
      ...(teen ? { goodStudent: rng.chance(0.6) } : {}),
      violations,
      accidents,
    };
  });
  const count = motorcycle ? rng.int(1, 2) : Math.min(4, Math.max(1, drivers.length + rng.int(-1, 1)));
  const vehicles = Array.from({ length: count }, () => {
    const { make, model, bodyType, wmi, ...years } = rng.pick(motorcycle ? MOTORCYCLES : VEHICLES);
    const year = yearOf(rng, clock, years, 18);
    const ownership = year >= clock.year - 4 ? rng.pick(['financed', 'leased', 'owned'] as const) : 'owned';
    const full = year >= clock.year - 11 || rng.chance(0.3);
    return {
      year,
      make,
      model,
      vin: makeVin(rng, wmi, year),
      bodyType,
      usage: motorcycle
        ? 'pleasure'
        : rng.weighted([
            ['commute', 6],
            ['pleasure', 3],
            ['business', 1],
          ] as const),
      annualMiles: motorcycle ? rng.int(1, 6) * 1000 : rng.int(4, 18) * 1000,
      garagingZip: hh.place.postalCode,
      ownership,
      ...(ownership !== 'owned' ? { lienholder: `${make} Financial Services` } : {}),
      coverages: {
        comprehensiveDeductible: full ? rng.pick([250, 500, 1000]) : null,
        collisionDeductible: full ? rng.pick([500, 1000, 2000]) : null,
        rentalReimbursement: full && rng.chance(0.5),
        roadsideAssistance: rng.chance(0.4),
        gapCoverage: ownership !== 'owned' && rng.chance(0.6),
      },
    };
  });
  const [bi, bia] = rng.pick([
    [30_000, 60_000],
    [50_000, 100_000],
    [100_000, 300_000],
    [250_000, 500_000],
  ] as const);
  return {
    drivers,
    vehicles,
    limits: {
      bodilyInjuryPerPerson: bi,
      bodilyInjuryPerAccident: bia,
      propertyDamage: bi >= 100_000 ? 100_000 : 50_000,
      uninsuredMotorist: rng.chance(0.8),
      medicalPayments: rng.pick([0, 5000, 10000]),
    },
    priorCoverage: rng.chance(0.9)
      ? {
          carrier: rng.pick(['State Farm', 'GEICO', 'Progressive', 'Allstate', 'Farmers']),
          yearsContinuous: rng.int(0, 15),
          lapseDays: rng.chance(0.1) ? rng.int(5, 60) : 0,
        }
      : null,
    homeownerDiscount: rng.chance(0.6),
    paidInFull: rng.chance(0.3),
  };
}

/** The legacy intake form's shape (schema v1), for a few old leads: they are upgraded on read. */
function autoV1(rng: Rng, clock: BookClock, hh: Household): Record<string, unknown> {
  const p = hh.members[0]!;
  const { make, model, wmi, ...years } = rng.pick(VEHICLES);
  // The legacy form was retired years ago: its cars were already a few years old then.
  const year = Math.min(yearOf(rng, clock, years, 20), Math.max(years.from, clock.year - 6));
  return {
    driver: `${p.firstName} ${p.lastName}`,
    driverDob: p.dob,
    vehicles: [{ year, make, model, vin: makeVin(rng, wmi, year), usage: 'commute' }],
    limits: rng.pick(['30/60/25', '50/100/50', '100/300/100']),
    priorCarrier: rng.pick(['State Farm', 'GEICO', 'Progressive']),
    garagingZip: hh.place.postalCode,
  };
}

function home(rng: Rng, clock: BookClock, hh: Household, form: 'HO3' | 'HO5' | 'HO4' | 'HO6'): Record<string, unknown> {
  const yearBuilt = form === 'HO6' ? rng.int(clock.year - 51, clock.year - 4) : rng.int(clock.year - 74, clock.year - 2);
  const sqft = form === 'HO4' || form === 'HO6' ? rng.int(6, 18) * 100 : rng.int(12, 42) * 100;
  const coastal = hh.place.city.coastal === true;
  const claims = rng.chance(0.25)
    ? [
        {
          date: pastDate(rng, clock, 30, 2500),
          type: rng.weighted([
            ['water', 5],
            ['wind', 2],
            ['hail', 2],
            ['theft', 1],
            ['fire', 1],
          ] as const),
          amountPaid: r100(rng.int(2000, 40000)),
        },
      ]
    : [];
  return {
    policyForm: form,
    occupancy: form === 'HO4' ? 'tenant' : rng.chance(0.92) ? 'owner_primary' : 'owner_secondary',
    dwelling: {
      yearBuilt,
      squareFeet: sqft,
      stories: rng.pick([1, 1, 2, 2, 3]),
      construction: rng.weighted([
        ['frame', 6],
        ['masonry_veneer', 3],
        ['masonry', 2],
      ] as const),
      roofType: rng.weighted([
        ['architectural_shingle', 5],
        ['asphalt_shingle', 4],
        ['metal', 2],
        ['clay_tile', coastal ? 2 : 0.2],
        ['flat_membrane', 0.5],
      ] as const),
      ...(form !== 'HO4' ? { roofYear: Math.max(yearBuilt, rng.int(clock.year - 22, clock.year)) } : {}),
      foundation: rng.pick(['slab', 'crawlspace', 'basement'] as const),
      pool: form !== 'HO4' && form !== 'HO6' && rng.chance(0.18),
      trampoline: rng.chance(0.05),
      monitoredAlarm: rng.chance(0.35),
    },
    protectionClass: rng.int(1, 7),
    coverageA:
      form === 'HO4' ? null : form === 'HO6' ? r100(rng.int(40_000, 120_000)) : Math.round((sqft * rng.int(170, 290)) / 1000) * 1000,
    coverageC: form === 'HO4' ? rng.int(2, 8) * 10_000 : undefined,
    coverageE: rng.pick([100_000, 300_000, 500_000]),
    deductibles: { allPeril: rng.pick([500, 1000, 2500, 5000]), ...(coastal ? { windHailPercent: rng.pick([1, 2, 5]) } : {}) },
    claims,
    mortgagee:
      form === 'HO3' || form === 'HO5'
        ? rng.chance(0.75)
          ? {
              name: rng.pick(['Wells Fargo Home Mortgage', 'Rocket Mortgage', 'Chase Home Lending', 'PennyMac', 'Mr. Cooper']),
              loanNumber: rng.digits(10),
              escrowed: rng.chance(0.8),
            }
          : null
        : null,
  };
}

function specialty(rng: Rng, clock: BookClock, hh: Household, kind: 'umbrella' | 'boat' | 'flood' | 'life'): Record<string, unknown> {
  switch (kind) {
    case 'umbrella':
      return {
        kind,
        limit: rng.pick([1, 1, 2, 3, 5]) * 1_000_000,
        underlying: {
          autoBodilyInjuryPerAccident: 500_000,
          homeLiability: 300_000,
          ...(rng.chance(0.2) ? { watercraftLiability: 300_000 } : {}),
        },
        householdDrivers: hh.members.length,
        youthfulDrivers: hh.members.filter((m) => m.relationship === 'child').length,
        rentalProperties: rng.chance(0.2) ? rng.int(1, 3) : 0,
        pool: rng.chance(0.2),
        watercraft: rng.chance(0.2),
      };
    case 'boat': {
      const [boatType, make, model, lengthFeet, from, to] = rng.pick(BOATS);
      return {
        kind,
        boatType,
        year: yearOf(rng, clock, { from, ...(to ? { to } : {}) }, 21),
        make,
        model,
        lengthFeet,
        hullMaterial: boatType === 'pontoon' || boatType === 'bass_boat' ? 'aluminum' : 'fiberglass',
        horsepower: boatType === 'sailboat' ? 25 : rng.int(9, 30) * 10,
        engineType: boatType === 'sailboat' ? 'inboard' : boatType === 'jet_ski' ? 'jet' : 'outboard',
        hullValue: r100(rng.int(9_000, 140_000)),
        navigationArea: hh.place.city.coastal ? 'coastal' : 'inland_lakes',
        layUpMonths: ['MN', 'IL', 'NY', 'OH', 'CO', 'WA'].includes(hh.place.city.state) ? rng.int(4, 6) : 0,
        operatorExperienceYears: rng.int(1, 30),
        boatingCourse: rng.chance(0.4),
      };
    }
    case 'flood': {
      const zone = hh.place.city.coastal ? rng.pick(['AE', 'AE', 'VE', 'X', 'A'] as const) : rng.pick(['X', 'X', 'AE', 'B'] as const);
      const ec = zone !== 'X' && zone !== 'B' ? rng.chance(0.7) : rng.chance(0.2);
      return {
        kind,
        program: rng.chance(0.7) ? 'nfip' : 'private',
        floodZone: zone,
        elevationCertificate: ec,
        ...(ec ? { baseFloodElevationFeet: rng.int(4, 14), lowestFloorElevationFeet: rng.int(3, 17) } : {}),
        foundationType: rng.pick(['slab', 'crawlspace', 'elevated_piers'] as const),
        buildingCoverage: rng.int(10, 25) * 10_000,
        contentsCoverage: rng.int(2, 10) * 10_000,
        priorFloodLosses: rng.chance(0.15) ? 1 : 0,
      };
    }
    case 'life': {
      const p = hh.members[0]!;
      const term = rng.chance(0.75);
      return {
        kind,
        productType: term ? 'term' : rng.pick(['whole', 'universal', 'final_expense'] as const),
        faceAmount: rng.pick([100, 250, 500, 750, 1000, 1500]) * 1000,
        ...(term ? { termYears: rng.pick([10, 15, 20, 30]) } : {}),
        healthClass: rng.pick(['preferred_plus', 'preferred', 'standard_plus', 'standard'] as const),
        tobacco: rng.chance(0.12),
        dateOfBirth: p.dob,
        heightInches: rng.int(60, 76),
        weightLbs: rng.int(120, 260),
        beneficiary: hh.members[1] ? `${hh.members[1].firstName} ${hh.members[1].lastName} (spouse)` : 'Estate',
      };
    }
  }
}

function commercial(rng: Rng, clock: BookClock, b: Business, line: string): Record<string, unknown> {
  const k = b.kind;
  const payroll = Math.round((b.employees * rng.int(34_000, 62_000)) / 1000) * 1000;
  const location = (p: Place, i: number) => {
    const owned = k.industry === 'Real estate' || (i === 0 && rng.chance(0.35));
    const sqft = rng.int(12, 160) * 100;
    return {
      address: { line1: p.line1, ...(p.line2 ? { line2: p.line2 } : {}), city: p.city.city, state: p.city.state, postalCode: p.postalCode },
      occupancy: i === 0 ? k.occupancy : rng.pick([k.occupancy, 'storage warehouse', 'satellite office']),
      construction: rng.weighted([
        ['joisted_masonry', 4],
        ['frame', 2],
        ['masonry_non_combustible', 2],
        ['non_combustible', 2],
        ['fire_resistive', 0.5],
      ] as const),
      yearBuilt: rng.int(clock.year - 66, clock.year - 4),
      squareFeet: sqft,
      stories: rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
      buildingValue: owned ? Math.round((sqft * rng.int(110, 240)) / 1000) * 1000 : 0,
      contentsValue: rng.int(2, 60) * 5000,
      ...(rng.chance(0.6) ? { businessIncome: rng.int(5, 40) * 10_000 } : {}),
      sprinklered: rng.chance(0.3),
      protectionClass: rng.int(1, 6),
      ownership: owned ? 'owned' : 'leased',
    };
  };
  return {
    business: { entityType: b.entityType, yearsInBusiness: clock.year - b.yearEstablished, description: k.description, naicsCode: k.naics },
    classCodes: [
      { system: 'iso_gl', code: k.gl[0], description: k.gl[1], exposure: b.revenue },
      { system: 'ncci', code: k.wc[0], description: k.wc[1], payroll: Math.round(payroll * 0.85) },
      { system: 'ncci', code: '8810', description: 'Clerical office employees', payroll: Math.round(payroll * 0.15) },
    ],
    annualRevenue: b.revenue,
    annualPayroll: payroll,
    employees: { fullTime: Math.ceil(b.employees * 0.8), partTime: Math.floor(b.employees * 0.2) },
    ...(line === 'workers_comp' || rng.chance(0.4) ? { experienceMod: Math.round(rng.float(0.72, 1.35) * 100) / 100 } : {}),
    ...(k.contractor
      ? { subcontractorCost: rng.int(2, 60) * 5000, certificatesRequired: true }
      : { certificatesRequired: rng.chance(0.2) }),
    locations: b.places.map(location),
    ...(line === 'commercial_auto' || k.vehicles
      ? {
          fleet: {
            powerUnits: rng.int(1, 14),
            radiusMiles: rng.pick([50, 100, 200, 500]),
            hiredNonOwned: true,
            ...(k.industry === 'Transportation' ? { cargo: 'general freight' } : {}),
          },
        }
      : {}),
    priorLosses: rng.chance(0.3)
      ? [
          {
            date: pastDate(rng, clock, 30, 1800),
            type: rng.pick(['liability', 'workers_injury', 'theft', 'water', 'auto'] as const),
            amountPaid: r100(rng.int(1500, 60000)),
          },
        ]
      : [],
    priorCarrier: rng.pick(['The Hartford', 'Travelers', 'Hanover', 'Employers', 'Cincinnati', 'biBERK']),
  };
}

/**
 * The payload of a lead of line `code`, validated through validateLeadData (so every seeded
 * current-version payload passes it). `legacy` gives an auto lead the v1 shape instead.
 */
export function payloadFor(rng: Rng, clock: BookClock, code: string, hh: Household | null, b: Business | null, legacy = false): Payload {
  if (b) return { field: 'commercialData', ...validateLeadData('commercialData', commercial(rng, clock, b, code)) };
  if (!hh) throw new Error(`line ${code} needs a household`);
  switch (code) {
    case 'auto':
    case 'motorcycle':
      if (legacy && code === 'auto') return { field: 'autoData', data: autoV1(rng, clock, hh), version: 1 };
      return { field: 'autoData', ...validateLeadData('autoData', auto(rng, clock, hh, code === 'motorcycle')) };
    case 'home':
      return { field: 'homeData', ...validateLeadData('homeData', home(rng, clock, hh, rng.chance(0.8) ? 'HO3' : 'HO5')) };
    case 'renters':
      return { field: 'homeData', ...validateLeadData('homeData', home(rng, clock, hh, 'HO4')) };
    case 'condo':
      return { field: 'homeData', ...validateLeadData('homeData', home(rng, clock, hh, 'HO6')) };
    case 'umbrella':
    case 'boat':
    case 'flood':
    case 'life':
      return { field: 'specialtyData', ...validateLeadData('specialtyData', specialty(rng, clock, hh, code)) };
    default:
      throw new Error(`unknown personal line ${code}`);
  }
}
