/**
 * Typed loader for the markdown templates in prompts/. A template names its variables as
 * `{{name}}`; rendering fails loudly when one is missing, so a prompt never ships with a hole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROMPTS_DIR } from './paths.js';

export const PROMPT_FILES = {
  mcpInstructions: 'mcp-instructions.md',
  summarizeLead: 'summarize-lead.md',
  draftFollowUpEmail: 'draft-follow-up-email.md',
  triageTicketMcp: 'mcp-triage-ticket.md',
  agentSystem: 'agent-system.md',
} as const;
export type PromptName = keyof typeof PROMPT_FILES;

const cache = new Map<string, string>();

/** The raw template text (cached after the first read). */
export function loadPrompt(name: PromptName | string): string {
  const file = (PROMPT_FILES as Record<string, string>)[name] ?? name;
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(PROMPTS_DIR, file), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** Fills `{{var}}` placeholders; throws naming any variable the template needs but did not get. */
export function renderPrompt(template: string, vars: Record<string, string>): string {
  const missing = new Set<string>();
  const out = template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_m, key: string) => {
    if (!(key in vars)) {
      missing.add(key);
      return '';
    }
    return vars[key]!;
  });
  if (missing.size) throw new Error(`prompt variables missing: ${[...missing].join(', ')}`);
  return out;
}

export function prompt(name: PromptName, vars: Record<string, string> = {}): string {
  return renderPrompt(loadPrompt(name), vars);
}
