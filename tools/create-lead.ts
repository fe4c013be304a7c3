import { z } from 'zod';
import { CLIENT_TYPES } from '../src/db/schema/index.js';
import { createLead } from '../src/crm/leads.js';
import { resolveUserRef } from '../src/crm/user-ref.js';
import { defineTool, WRITE } from './define.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const addressInput = z.strictObject({
  line1: text(200).describe('Street line 1.'),
  line2: text(200).optional().describe('Street line 2 (apartment, suite).'),
  city: text(100).describe('City.'),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'two-letter state code')
    .transform((s) => s.toUpperCase())
    .describe('Two-letter state code, e.g. TX.'),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, 'postal code')
    .describe('ZIP / postal code.'),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .describe('Two-letter country code; default US.'),
});

const newClientInput = z.strictObject({
  clientType: z.enum(CLIENT_TYPES).describe('individual (needs firstName and lastName) or business (needs businessName).'),
  firstName: text(80).optional().describe('First name (individuals).'),
  lastName: text(80).optional().describe('Last name (individuals).'),
  businessName: text(200).optional().describe('Legal business name (businesses).'),
  dbaName: text(200).optional().describe('Doing-business-as name (businesses).'),
  email: z.email().max(254).optional().describe('Email address.'),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ().-]{7,25}$/, 'phone number')
    .optional()
    .describe('Phone number.'),
  address: addressInput.optional().describe('Physical address (residence, or business location).'),
  allowDuplicateEmail: z
    .boolean()
    .default(false)
    .describe('Create even when a client with this email exists (e.g. a spouse). Otherwise that is a CONFLICT naming the existing client.'),
});

const money = (what: string) => z.number().min(0).max(100_000_000).optional().describe(`${what}, USD.`);

export const createLeadInput = z.strictObject({
  clientId: z.uuid().optional().describe('Existing client to add the lead to. Give this OR newClient.'),
  newClient: newClientInput.optional().describe('A new client to create with the lead. Give this OR clientId.'),
  line: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .describe('Line of business code, e.g. auto, home, renters, umbrella, boat, bop, workers_comp.'),
  status: z.string().trim().toLowerCase().min(1).max(40).default('new').describe('Open status code to start in (default new).'),
  source: text(80).optional().describe('Where the lead came from, e.g. referral, website, phone-in.'),
  currentCarrier: text(120).optional().describe('Current insurance carrier.'),
  currentPremium: money('Current annual premium'),
  targetPremium: money('Premium the prospect hopes for'),
  xDate: z.iso.date().optional().describe('X-date: when the current policy expires, YYYY-MM-DD.'),
  umbrellaRequested: z.boolean().default(false).describe('The prospect wants umbrella coverage too.'),
  umbrellaLimit: money('Requested umbrella limit'),
  tags: z.array(text(40)).max(20).default([]).describe('Lead tags.'),
  assignedTo: z.string().trim().min(1).max(64).default('me').describe('Who works the lead: "me" (default), a user id or a handle.'),
  lineData: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      "The line's details as a JSON object, validated against the current schema of the line's payload: autoData for auto/motorcycle (drivers, vehicles, limits), homeData for home/renters/condo, specialtyData for umbrella/boat/flood/life, commercialData for commercial lines. Errors name the field, e.g. autoData.vehicles.0.vin.",
    ),
});

export const createLeadOutput = z.object({
  leadId: z.uuid().describe('Id of the new lead.'),
  clientId: z.uuid().describe('Its client (new or existing).'),
  clientCreated: z.boolean().describe('True when a new client was created.'),
  status: z.string().describe('Status the lead starts in.'),
  line: z.string().describe('Line of business code.'),
  dataField: z.string().describe("Payload field of the line's details."),
  dataVersion: z.number().int().nullable().describe('Schema version the details were stored at; null when none were given.'),
});

export const createLeadTool = defineTool({
  name: 'create_lead',
  title: 'Create a lead',
  description:
    'Creates a lead for clientId, or with a newClient. Invalid lineData is refused naming the field; nothing is saved. A new client whose email exists is a CONFLICT naming it. Returns the ids.',
  input: createLeadInput,
  output: createLeadOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const { assignedTo, ...rest } = input;
    const assignee = await resolveUserRef(ctx.db, assignedTo, ctx.actor.userId, 'assignedTo');
    return createLead(ctx.db, { ...rest, assignedUserId: assignee.id }, ctx.now);
  },
  summarize: (o) => `lead ${o.leadId} (${o.line}, ${o.status}) for ${o.clientCreated ? 'new' : 'existing'} client ${o.clientId}`,
});
