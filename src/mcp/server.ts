/**
 * The MCP server, built from the tool registry. Every surface (stdio, Streamable HTTP, in-memory
 * for tests) gets the same server; only the channel and how the actor is found differ.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Actor } from '../crm/access/actor.js';
import { prompt } from '../prompts.js';
import type { ToolAnnotations } from '../../tools/define.js';
import { findTool, tools } from '../../tools/index.js';
import { recordUnknownTool, runTool, type CallInfo, type ToolDeps, type ToolResult } from '../../tools/run-tool.js';
import { inputJsonSchema, outputJsonSchema } from '../../tools/json-schema.js';
import { MCP_PROMPTS, renderMcpPrompt } from './prompts.js';
import { listResources, listResourceTemplates, readResource } from './resources.js';

export const SERVER_INFO = { name: 'crm-agent', title: 'Insurance agency CRM', version: '0.1.0' } as const;

export interface McpServerOptions {
  deps: ToolDeps;
  channel: CallInfo['channel'];
  /** The actor of a request: fixed for stdio, from the bearer token (authInfo) over HTTP. */
  actorFor(authInfo: AuthInfo | undefined): Actor;
}

/**
 * Tool result -> MCP result: structured content plus a compact (unindented) JSON text copy for
 * clients that only show text; errors as `isError` with code and hint.
 */
export function toCallToolResult(result: ToolResult): CallToolResult {
  if (result.ok) {
    return { content: [{ type: 'text', text: JSON.stringify(result.output) }], structuredContent: result.output };
  }
  const { code, message, hint, details } = result.error;
  const error = { code, message, ...(hint ? { hint } : {}), ...(details.length ? { details } : {}), interactionId: result.interactionId };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error }) }] };
}

/** Actor carried in AuthInfo.extra by the HTTP auth middleware. */
export function actorFromAuthInfo(authInfo: AuthInfo | undefined): Actor {
  const actor = authInfo?.extra?.actor as Actor | undefined;
  if (!actor) throw new McpError(ErrorCode.InvalidRequest, 'Not authenticated.');
  return actor;
}

type ListedTool = {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object' };
  outputSchema: { type: 'object' };
  annotations: object;
};
let listed: readonly ListedTool[] | undefined;

/** MCP's defaults for the hints: a client reads a missing hint as this value. */
const HINT_DEFAULTS: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };

/**
 * readOnlyHint always (clients sort tools by it), the other hints only where they differ from
 * MCP's defaults; destructiveHint and idempotentHint mean something only for tools that write.
 */
function compactAnnotations(a: ToolAnnotations): Partial<ToolAnnotations> {
  const out: Partial<ToolAnnotations> = {};
  for (const k of Object.keys(HINT_DEFAULTS) as (keyof ToolAnnotations)[]) {
    if (a.readOnlyHint && (k === 'destructiveHint' || k === 'idempotentHint')) continue;
    if (k === 'readOnlyHint' || a[k] !== HINT_DEFAULTS[k]) out[k] = a[k];
  }
  return out;
}

/**
 * The `tools/list` entries, built once per process and shared (frozen) by every server and
 * session: the registry does not change while the process runs.
 */
export function listedTools(): readonly ListedTool[] {
  listed ??= Object.freeze(
    tools.map((t) =>
      Object.freeze({
        name: t.name,
        title: t.title,
        description: t.description,
        inputSchema: inputJsonSchema(t.input) as { type: 'object' },
        outputSchema: outputJsonSchema(t.output) as { type: 'object' },
        annotations: compactAnnotations(t.annotations),
      }),
    ),
  );
  return listed;
}

/** The `tools/list` result as JSON text: what a client downloads (and a model may read) per session. */
export function toolListJson(): string {
  return JSON.stringify({ tools: listedTools() });
}

export function createMcpServer(opts: McpServerOptions): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false }, resources: { listChanged: false }, prompts: { listChanged: false }, logging: {} },
    instructions: prompt('mcpInstructions'),
  });
  const list = { tools: listedTools() as ListedTool[] };
  const callInfo = (authInfo: AuthInfo | undefined, sessionId: string | undefined): CallInfo => {
    const client = server.getClientVersion();
    return { actor: opts.actorFor(authInfo), channel: opts.channel, sessionId, clientName: client?.name, clientVersion: client?.version };
  };

  server.setRequestHandler(ListToolsRequestSchema, () => list);
  server.setRequestHandler(CallToolRequestSchema, async (req, extra) => {
    const tool = findTool(req.params.name);
    if (!tool) {
      await recordUnknownTool(opts.deps, req.params.name, req.params.arguments ?? {}, callInfo(extra.authInfo, extra.sessionId));
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${req.params.name}". Call tools/list for the available tools.`);
    }
    const result = await runTool(opts.deps, tool, req.params.arguments ?? {}, callInfo(extra.authInfo, extra.sessionId));
    return toCallToolResult(result);
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listResources() }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: listResourceTemplates() }));
  server.setRequestHandler(ReadResourceRequestSchema, async (req, extra) =>
    readResource(opts.deps, req.params.uri, callInfo(extra.authInfo, extra.sessionId)),
  );

  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: MCP_PROMPTS }));
  server.setRequestHandler(GetPromptRequestSchema, async (req, extra) =>
    renderMcpPrompt(opts.deps, req.params.name, req.params.arguments ?? {}, callInfo(extra.authInfo, extra.sessionId)),
  );
  return server;
}
