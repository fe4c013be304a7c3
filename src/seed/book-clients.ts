/** Client, contact and address rows for households and businesses. */
import type { BookClock } from './clock.js';
import type { Rng } from './prng.js';
import { makeBusiness, makeHousehold, type Place } from './people.js';
import type { Row } from './bulk.js';
import { push, type Batch, type ClientCtx, type SeedUser } from './book-types.js';

function addressRow(p: Place, created: string) {
  return {
    id: p.id,
    line1: p.line1,
    line2: p.line2,
    city: p.city.city,
    state: p.city.state,
    postal_code: p.postalCode,
    county: p.city.county,
    latitude: p.lat,
    longitude: p.lon,
    geocode_source: 'demo',
    is_verified: true,
    timezone: p.city.timezone,
    created_at: created,
    updated_at: created,
  };
}

/** Generates one client with its contacts and addresses into `batch`; returns what leads need. */
export function makeClient(
  rng: Rng,
  clock: BookClock,
  batch: Batch,
  kind: 'individual' | 'business',
  producer: SeedUser,
  createdDays: number,
): ClientCtx {
  const id = rng.uuid();
  const created = clock.at(createdDays);
  const contactRows = new Map<string, Row>();
  const method = rng.weighted([
    ['call', 4],
    ['email', 4],
    ['sms', 2],
    ['any', 1],
  ] as const);
  if (kind === 'individual') {
    const hh = makeHousehold(rng, clock.year);
    const p = hh.members[0]!;
    const tz = hh.place.city.timezone;
    push(batch, 'addresses', addressRow(hh.place, created));
    const client = {
      id,
      client_type: 'individual',
      first_name: p.firstName,
      last_name: p.lastName,
      date_of_birth: p.dob,
      email: p.email,
      phone: p.phone,
      address_id: hh.place.id,
      preferred_contact_method: method,
      timezone: tz,
      status: 'prospect',
      assigned_user_id: producer.id,
      tags: [] as string[],
      custom_fields: { householdSize: hh.members.length },
      metadata: { seed: true },
      ai_risk_score: rng.chance(0.4) ? rng.int(5, 90) : null,
      created_at: created,
      updated_at: created,
    };
    push(batch, 'clients', client);
    hh.members.forEach((m, i) => {
      const row: Row = {
        id: m.id,
        client_id: id,
        first_name: m.firstName,
        last_name: m.lastName,
        title: null,
        roles: m.roles,
        is_primary_contact: i === 0,
        email: m.email,
        phone: i === 0 ? p.phone : null,
        mobile_phone: m.phone,
        preferred_contact_method: i === 0 ? method : null,
        timezone: tz,
        tags: [],
        custom_fields: { dateOfBirth: m.dob },
        metadata: {},
        created_at: created,
        updated_at: created,
      };
      contactRows.set(m.id, row);
      push(batch, 'contacts', row);
    });
    return {
      id,
      kind,
      household: hh,
      business: null,
      displayName: `${p.firstName} ${p.lastName}`,
      timezone: tz,
      city: hh.place.city.city,
      state: hh.place.city.state,
      contacts: hh.members.map((m) => ({ id: m.id, first: m.firstName, last: m.lastName })),
      producer,
      row: client,
      contactRows,
    };
  }
  const b = makeBusiness(rng, clock.year);
  const main = b.places[0]!;
  const tz = main.city.timezone;
  for (const p of b.places) push(batch, 'addresses', addressRow(p, created));
  const owner = b.contacts[0]!;
  const client: Row = {
    id,
    client_type: 'business',
    business_name: b.name,
    dba_name: rng.chance(0.2) ? b.name.replace(/ (LLC|Inc\.|Co\.)$/, '') : null,
    fein: b.fein,
    industry: b.kind.industry,
    naics_code: b.kind.naics,
    year_established: b.yearEstablished,
    annual_revenue: b.revenue,
    employee_count: b.employees,
    email: `info@${b.domain}`,
    phone: owner.phone,
    website: `https://${b.domain}`,
    address_id: main.id,
    mailing_address_id: b.places.length > 1 && rng.chance(0.3) ? b.places[1]!.id : null,
    preferred_contact_method: method,
    timezone: tz,
    status: 'prospect',
    assigned_user_id: producer.id,
    tags: [b.kind.industry.toLowerCase().replace(/ /g, '-')],
    custom_fields: { locations: b.places.length },
    metadata: { seed: true },
    ai_risk_score: rng.chance(0.5) ? rng.int(10, 85) : null,
    created_at: created,
    updated_at: created,
  };
  push(batch, 'clients', client);
  for (const c of b.contacts) {
    const row: Row = {
      id: c.id,
      client_id: id,
      first_name: c.firstName,
      last_name: c.lastName,
      title: c.title,
      roles: c.roles,
      is_primary_contact: c.primary,
      email: c.email,
      phone: c.phone,
      mobile_phone: rng.chance(0.6) ? c.phone : null,
      preferred_contact_method: rng.pick(['call', 'email', 'sms'] as const),
      timezone: tz,
      tags: [],
      custom_fields: {},
      metadata: {},
      created_at: created,
      updated_at: created,
    };
    contactRows.set(c.id, row);
    push(batch, 'contacts', row);
  }
  return {
    id,
    kind,
    household: null,
    business: b,
    displayName: b.name,
    timezone: tz,
    city: main.city.city,
    state: main.city.state,
    contacts: b.contacts.map((c) => ({ id: c.id, first: c.firstName, last: c.lastName })),
    producer,
    row: client,
    contactRows,
  };
}
