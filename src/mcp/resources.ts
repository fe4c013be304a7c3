/**
 * MCP resources: a lead's and a client's timeline, and the lookup lists. Reads need `crm:read`
 * and are audited like tool calls.
 */
import { McpError, ErrorCode, type ReadResourceResult, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { hasScope } from '../crm/actor.js';
import { makeFence } from '../crm/fence.js';
import { recordInteraction } from '../crm/interactions.js';
import { LOOKUP_NAMES, listLookup, type LookupName } from '../crm/lookups.js';
import { clientTimeline, leadTimeline } from '../crm/timeline.js';
import type { CallInfo, ToolDeps } from '../../tools/run-tool.js';

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

async function read(deps: ToolDeps, uri: string): Promise<{ text: string; leadId?: string; clientId?: string }> {
  const lookup = /^crm:\/\/lookups\/([a-z-]+)$/.exec(uri);
  if (lookup && (LOOKUP_NAMES as readonly string[]).includes(lookup[1]!)) {
    return { text: JSON.stringify(await listLookup(deps.db, lookup[1] as LookupName), null, 2) };
  }
  const timeline = /^crm:\/\/(leads|clients)\/([^/]+)\/timeline$/.exec(uri);
  if (timeline) {
    const id = timeline[2]!;
    if (!uuid.safeParse(id).success) throw new McpError(ErrorCode.InvalidParams, `Not a valid id in ${uri}. Use a lead or client id from search_leads.`);
    const events = timeline[1] === 'leads' ? await leadTimeline(deps.db, id, { limit: 100 }) : await clientTimeline(deps.db, id, { limit: 100 });
    // The timeline quotes customers verbatim; the whole document is fenced as untrusted data.
    const fenced = makeFence()(JSON.stringify(events, null, 2), `${timeline[1]}:${id}:timeline`)!;
    return timeline[1] === 'leads' ? { text: fenced, leadId: id } : { text: fenced, clientId: id };
  }
  throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${uri}. List resources and resource templates for valid URIs.`);
}

export async function readResource(deps: ToolDeps, uri: string, call: CallInfo): Promise<ReadResourceResult> {
  const started = performance.now();
  let error: unknown;
  let result: Awaited<ReturnType<typeof read>> | undefined;
  try {
    if (!hasScope(call.actor, 'crm:read')) throw new McpError(ErrorCode.InvalidRequest, 'Reading resources needs the crm:read scope.');
    result = await read(deps, uri);
    return { contents: [{ uri, mimeType: JSON_MIME, text: result.text }] };
  } catch (err) {
    error = err;
    if (err instanceof McpError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'NOT_FOUND') throw new McpError(ErrorCode.InvalidParams, (err as Error).message);
    throw new McpError(ErrorCode.InternalError, 'Could not read the resource. Try again.');
  } finally {
    await recordInteraction(deps.db, {
      type: 'tool_call',
      channel: call.channel,
      sessionId: call.sessionId,
      userId: call.actor.userId,
      clientName: call.clientName,
      clientVersion: call.clientVersion,
      toolName: 'resources/read',
      toolArguments: { uri },
      resultSummary: error ? null : `${result?.text.length ?? 0} chars`,
      errorCode: error ? 'RESOURCE_ERROR' : null,
      errorMessage: error ? String((error as Error).message ?? error) : null,
      latencyMs: Math.round(performance.now() - started),
    }).catch(() => undefined);
  }
}
