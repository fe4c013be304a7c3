import { z } from 'zod';
import { CLIENT_TYPES } from '../src/db/schema/index.js';
import { createdLeadView, createLead } from '../src/crm/leads/create.js';
import { resolveUserRef } from '../src/crm/access/user-ref.js';
import { defineTool, WRITE } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const addressInput = z.strictObject({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'two-letter state code')
    .transform((s) => s.toUpperCase())
    .describe('State, e.g. TX.'),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, 'postal code'),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .describe('Country; default US.'),
});

const newClientInput = z.strictObject({
  clientType: z.enum(CLIENT_TYPES).describe('individual (firstName, lastName) or business (businessName).'),
  firstName: text(80).optional(),
  lastName: text(80).optional(),
  businessName: text(200).optional(),
  dbaName: text(200).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ().-]{7,25}$/, 'phone number')
    .optional(),
  address: addressInput.optional().describe('Residence or business location.'),
  allowDuplicateEmail: z.boolean().default(false).describe('Create even if a client has this email (e.g. a spouse).'),
});

const money = (what: string) => z.number().min(0).max(100_000_000).optional().describe(`${what}, USD.`);

export const createLeadInput = z.strictObject({
  clientId: z.uuid().optional().describe('Existing client, or give newClient.'),
  newClient: newClientInput.optional().describe('New client to create, or give clientId.'),
  line: z.string().trim().toLowerCase().min(1).max(40).describe('Line code, e.g. auto, home, umbrella, bop.'),
  status: z.string().trim().toLowerCase().min(1).max(40).default('new').describe('Open status to start in.'),
  source: text(80).optional().describe('E.g. referral, website.'),
  currentCarrier: text(120).optional().describe(FIELD.currentCarrier),
  currentPremium: money('Current premium'),
  targetPremium: money('Hoped-for premium'),
  xDate: z.iso.date().optional().describe('X-date: when the current policy expires.'),
  umbrellaRequested: z.boolean().default(false).describe('Wants umbrella coverage too.'),
  umbrellaLimit: money('Umbrella limit'),
  tags: z.array(text(40)).max(20).default([]).describe(FIELD.leadTags),
  assignedTo: z.string().trim().min(1).max(64).default('me').describe(FIELD.userRef),
  lineData: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      "The line's payload: autoData (drivers, vehicles, limits), homeData, specialtyData or commercialData; errors name the field.",
    ),
});

export const createLeadTool = defineTool({
  name: 'create_lead',
  title: 'Create a lead',
  description: 'Creates a lead for clientId or a newClient; invalid lineData or a known email is refused naming it.',
  input: createLeadInput,
  output: createdLeadView,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const { assignedTo, ...rest } = input;
    const assignee = await resolveUserRef(ctx.db, assignedTo, ctx.actor.userId, 'assignedTo');
    return createLead(ctx.db, { ...rest, assignedUserId: assignee.id }, ctx.now);
  },
  summarize: (o) => `lead ${o.leadId} (${o.line}, ${o.status}) for ${o.clientCreated ? 'new' : 'existing'} client ${o.clientId}`,
});
