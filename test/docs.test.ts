/** The README is a newcomer's path: it must document every tool the registry serves, and no other. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { tools } from '../tools/index.js';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const envExample = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');

describe('documentation', () => {
  it('README lists every tool with an example, and no tool that does not exist', () => {
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` \|.*\| `(\{.*\})` \|$/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(tools.map((t) => t.name).sort());
    for (const [, , example] of rows) expect(() => JSON.parse(example!.replace(/"…"/g, '"x"'))).not.toThrow();
  });

  it('.env.example names every configuration key', () => {
    for (const key of Object.keys(configSchema.shape)) expect(envExample, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });
});
