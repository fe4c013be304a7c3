/**
 * MCP resources: a lead's and a client's timeline, and the lookup lists. Reads need `crm:read`.
 * Every resources/read, failed ones included, leaves one `ai_interactions` row of type
 * `tool_call` with tool_name `resource:<resource or template name>` (`resource:unknown` for a
 * URI we do not serve), the URI as its arguments, linked to the lead or client of a timeline;
 * the row keeps a count, never the document.
 */
import type { ReadResourceResult, Resource, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { LOOKUP_NAMES, listLookup, type LookupName } from '../crm/lookups.js';
import { clientTimeline, leadTimeline } from '../crm/views/timeline.js';
import { assertInBook } from '../crm/access/guard.js';
import { ValidationError } from '../errors.js';
import type { AuditedValue } from '../../tools/audited-call.js';
import type { AuditLinks } from '../../tools/audit-rows.js';
import type { ToolContext } from '../../tools/define.js';
import type { CallInfo, ToolDeps } from '../../tools/run-tool.js';
import { auditedRequest } from './audited-request.js';

const JSON_MIME = 'application/json';

export function listResources(): Resource[] {
  return LOOKUP_NAMES.map((name) => ({
    uri: `crm://lookups/${name}`,
    name: `lookup-${name}`,
    title: `Lookup: ${name.replace('-', ' ')}`,
    description: `The agency's ${name.replace('-', ' ')} (codes to use in tool inputs).`,
    mimeType: JSON_MIME,
  }));
}

export function listResourceTemplates(): ResourceTemplate[] {
  return [
    {
      uriTemplate: 'crm://leads/{leadId}/timeline',
      name: 'lead-timeline',
      title: 'Lead timeline',
      description: 'Everything that happened on a lead, newest first: communications, notes, follow-ups, tickets.',
      mimeType: JSON_MIME,
    },
    {
      uriTemplate: 'crm://clients/{clientId}/timeline',
      name: 'client-timeline',
      title: 'Client timeline',
      description: 'Everything that happened with a client across all their leads, newest first.',
      mimeType: JSON_MIME,
    },
  ];
}

const uuid = z.uuid();

type Target = { kind: 'lookup'; name: LookupName } | { kind: 'timeline'; of: 'leads' | 'clients'; id: string } | { kind: 'unknown' };

/** What a URI names; pure, so the audit row's name is known before anything is read. */
function parseUri(uri: string): Target {
  const lookup = /^crm:\/\/lookups\/([a-z-]+)$/.exec(uri);
  if (lookup && (LOOKUP_NAMES as readonly string[]).includes(lookup[1]!)) return { kind: 'lookup', name: lookup[1] as LookupName };
  const timeline = /^crm:\/\/(leads|clients)\/([^/]+)\/timeline$/.exec(uri);
  if (timeline) return { kind: 'timeline', of: timeline[1] as 'leads' | 'clients', id: timeline[2]! };
  return { kind: 'unknown' };
}

const auditName = (t: Target) =>
  t.kind === 'lookup'
    ? `resource:lookup-${t.name}`
    : t.kind === 'timeline'
      ? `resource:${t.of === 'leads' ? 'lead' : 'client'}-timeline`
      : 'resource:unknown';

async function read(ctx: ToolContext, uri: string, t: Target): Promise<AuditedValue<string>> {
  if (t.kind === 'lookup') {
    const rows = await listLookup(ctx.db, t.name);
    return { value: JSON.stringify(rows), summary: `${rows.length} ${t.name}` };
  }
  if (t.kind === 'unknown') {
    throw new ValidationError(
      `Unknown resource ${uri}.`,
      [{ field: 'uri', message: 'not a resource of this server' }],
      'List resources and resource templates for valid URIs.',
    );
  }
  if (!uuid.safeParse(t.id).success) {
    throw new ValidationError(
      `Not a valid id in ${uri}.`,
      [{ field: 'uri', message: 'not a uuid' }],
      'Use a lead or client id from search_leads.',
    );
  }
  await assertInBook(ctx.db, ctx.book, t.of === 'leads' ? { leadId: t.id } : { clientId: t.id }, 'read');
  const events =
    t.of === 'leads'
      ? await leadTimeline(ctx.db, t.id, { limit: 100 })
      : await clientTimeline(ctx.db, t.id, { limit: 100, book: ctx.book });
  // The timeline quotes customers verbatim; the whole document is fenced as untrusted data.
  const text = ctx.fence(JSON.stringify(events), `${t.of}:${t.id}:timeline`)!;
  return { value: text, summary: `${events.length} events`, result: { events: events.length } };
}

/** Reads one resource for `call.actor`; failures are McpErrors (InvalidParams for bad or unknown URIs and ids). */
export async function readResource(deps: ToolDeps, uri: string, call: CallInfo): Promise<ReadResourceResult> {
  const target = parseUri(uri);
  const links: AuditLinks =
    target.kind === 'timeline' && uuid.safeParse(target.id).success
      ? target.of === 'leads'
        ? { leadId: target.id }
        : { crmClientId: target.id }
      : {};
  const text = await auditedRequest(deps, call, { name: auditName(target), scope: 'crm:read', arguments: { uri }, links }, (ctx) =>
    read(ctx, uri, target),
  );
  return { contents: [{ uri, mimeType: JSON_MIME, text }] };
}
