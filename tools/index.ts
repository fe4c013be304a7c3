/**
 * The registry: every tool, in the order clients list them. The MCP server, the agent and the
 * docs are all built from this array.
 */
import type { AnyTool } from './define.js';
import { addNoteTool } from './add-note.js';

export const tools: readonly AnyTool[] = [
  // leads & clients
  // communications & notes
  addNoteTool,
  // follow-ups
  // tickets
  // knowledge
];

export function findTool(name: string): AnyTool | undefined {
  return tools.find((t) => t.name === name);
}
