/** Generators for people, households, businesses and addresses of the demo book. */
import type { Rng } from './prng.js';
import {
  BUSINESS_KINDS,
  CITIES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  STREET_NAMES,
  STREET_SUFFIXES,
  TEEN_NAMES,
  type BusinessKind,
  type City,
} from './reference.js';

const AREA_CODES: Record<string, readonly string[]> = {
  TX: ['512', '713', '737', '972'],
  FL: ['813', '941', '850'],
  CO: ['303', '719'],
  AZ: ['602', '480'],
  IL: ['312', '630', '773'],
  GA: ['404', '912'],
  NC: ['704', '910'],
  OH: ['614'],
  TN: ['615'],
  LA: ['504'],
  CA: ['916', '619'],
  WA: ['206'],
  MN: ['612'],
  NY: ['716'],
};
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export interface Place {
  id: string;
  line1: string;
  line2: string | null;
  city: City;
  postalCode: string;
  lat: number;
  lon: number;
}

export function makePlace(rng: Rng, city = rng.pick(CITIES), commercial = false): Place {
  const number = commercial ? rng.int(100, 9800) : rng.int(12, 18999);
  const street = commercial
    ? `${rng.pick(['Commerce', 'Industrial', 'Main', 'Market', 'Enterprise', 'Center', 'Airport', 'Technology'])} ${rng.pick(['Blvd', 'Pkwy', 'St', 'Dr', 'Way'])}`
    : `${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`;
  const line2 =
    commercial && rng.chance(0.4)
      ? `Suite ${rng.int(1, 4)}${rng.digits(2)}`
      : !commercial && rng.chance(0.08)
        ? `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C'])}`
        : null;
  return {
    id: rng.uuid(),
    line1: `${number} ${street}`,
    line2,
    city,
    postalCode: `${city.zip3}${rng.digits(2)}`,
    lat: Math.round((city.lat + rng.float(-0.15, 0.15)) * 1e6) / 1e6,
    lon: Math.round((city.lon + rng.float(-0.15, 0.15)) * 1e6) / 1e6,
  };
}

export function phone(rng: Rng, state: string): string {
  const area = rng.pick(AREA_CODES[state] ?? ['555']);
  return `+1${area}555${rng.digits(4)}`;
}

export function email(rng: Rng, first: string, last: string, domain?: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const style = rng.int(0, 2);
  const local =
    style === 0
      ? `${clean(first)}.${clean(last)}`
      : style === 1
        ? `${clean(first)[0]}${clean(last)}${rng.int(1, 99)}`
        : `${clean(first)}${clean(last)}`;
  return `${local}@${domain ?? rng.pick(EMAIL_DOMAINS)}`;
}

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  dob: string;
  gender: 'f' | 'm';
  email: string;
  phone: string;
  roles: string[];
  relationship: 'named_insured' | 'spouse' | 'child';
}

function adult(
  rng: Rng,
  year: number,
  lastName: string,
  state: string,
  relationship: 'named_insured' | 'spouse',
  ageRange: [number, number],
): Person {
  const gender = rng.chance(0.5) ? 'f' : 'm';
  const firstName = rng.pick(gender === 'f' ? FIRST_NAMES_F : FIRST_NAMES_M);
  const age = rng.int(ageRange[0], ageRange[1]);
  return {
    id: rng.uuid(),
    firstName,
    lastName,
    dob: `${year - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    gender,
    email: email(rng, firstName, lastName),
    phone: phone(rng, state),
    roles: relationship === 'named_insured' ? ['named_insured', 'driver'] : ['spouse', 'driver'],
    relationship,
  };
}

export interface Household {
  lastName: string;
  place: Place;
  members: Person[];
}

/** A named insured, maybe a spouse, maybe a teen driver; ages as of `year`. */
export function makeHousehold(rng: Rng, year: number): Household {
  const lastName = rng.pick(LAST_NAMES);
  const place = makePlace(rng);
  const primary = adult(rng, year, lastName, place.city.state, 'named_insured', [22, 78]);
  const members = [primary];
  const age = year - Number(primary.dob.slice(0, 4));
  if (age > 26 && rng.chance(0.55))
    members.push(adult(rng, year, lastName, place.city.state, 'spouse', [Math.max(21, age - 6), Math.min(85, age + 6)]));
  if (age >= 38 && age <= 60 && rng.chance(0.3)) {
    const firstName = rng.pick(TEEN_NAMES);
    members.push({
      id: rng.uuid(),
      firstName,
      lastName,
      dob: `${rng.int(year - 18, year - 16)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      gender: rng.chance(0.5) ? 'f' : 'm',
      email: email(rng, firstName, lastName),
      phone: phone(rng, place.city.state),
      roles: ['driver'],
      relationship: 'child',
    });
  }
  return { lastName, place, members };
}

export interface BusinessContact {
  id: string;
  firstName: string;
  lastName: string;
  title: string;
  roles: string[];
  email: string;
  phone: string;
  primary: boolean;
}

export interface Business {
  name: string;
  kind: BusinessKind;
  domain: string;
  fein: string;
  entityType: 'llc' | 'corporation' | 's_corporation' | 'sole_proprietor' | 'partnership';
  yearEstablished: number;
  revenue: number;
  employees: number;
  places: Place[];
  contacts: BusinessContact[];
}

const BUSINESS_ROLES: readonly (readonly [string, string[]])[] = [
  ['Office Manager', ['billing', 'certificates']],
  ['Controller', ['billing', 'decision_maker']],
  ['Operations Manager', ['safety', 'claims']],
  ['HR Director', ['payroll', 'workers_comp']],
  ['General Manager', ['decision_maker']],
];

/** A business with its places and contacts, established before `year`. */
export function makeBusiness(rng: Rng, year: number): Business {
  const kind = rng.pick(BUSINESS_KINDS);
  const city = rng.pick(CITIES);
  const base = rng.pick(kind.names);
  const name = rng.chance(0.5) ? `${base} ${rng.pick(['LLC', 'Inc.', 'Co.'])}` : `${city.city} ${base}`;
  const domain = `${name
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 24)}.example.com`;
  const places = [makePlace(rng, city, true)];
  const extra = rng.weighted([
    [0, 5],
    [1, 3],
    [2, 2],
  ] as const);
  for (let i = 0; i < extra; i++) places.push(makePlace(rng, rng.chance(0.7) ? city : rng.pick(CITIES), true));
  const owner = { first: rng.pick(rng.chance(0.5) ? FIRST_NAMES_F : FIRST_NAMES_M), last: rng.pick(LAST_NAMES) };
  const contacts: BusinessContact[] = [
    {
      id: rng.uuid(),
      firstName: owner.first,
      lastName: owner.last,
      title: rng.pick(['Owner', 'President', 'Managing Member', 'CEO']),
      roles: ['owner', 'decision_maker'],
      email: email(rng, owner.first, owner.last, domain),
      phone: phone(rng, city.state),
      primary: true,
    },
  ];
  for (const [title, roles] of rng.sample(BUSINESS_ROLES, rng.int(1, 3))) {
    const first = rng.pick(rng.chance(0.5) ? FIRST_NAMES_F : FIRST_NAMES_M);
    const last = rng.pick(LAST_NAMES);
    contacts.push({
      id: rng.uuid(),
      firstName: first,
      lastName: last,
      title,
      roles: [...roles],
      email: email(rng, first, last, domain),
      phone: phone(rng, city.state),
      primary: false,
    });
  }
  return {
    name,
    kind,
    domain,
    fein: `${rng.int(10, 99)}-${rng.digits(7)}`,
    entityType: rng.weighted([
      ['llc', 5],
      ['s_corporation', 3],
      ['corporation', 1],
      ['sole_proprietor', 1],
      ['partnership', 1],
    ] as const),
    yearEstablished: rng.int(year - 48, year - 2),
    revenue: Math.round(rng.int(kind.revenue[0], kind.revenue[1]) / 1000) * 1000,
    employees: rng.int(kind.employees[0], kind.employees[1]),
    places,
    contacts,
  };
}
