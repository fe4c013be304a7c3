import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasUnion, inputJsonSchema, outputJsonSchema } from './json-schema.js';

describe('tool JSON schemas', () => {
  const output = z.object({
    a: z.object({ b: z.string() }).nullable(),
    c: z.enum(['x', 'y']).nullable(),
    d: z.array(z.object({ e: z.number().nullable() })),
  });

  it('folds nullable objects and enums into type arrays, leaving no anyOf', () => {
    const s = outputJsonSchema(output) as { properties: Record<string, { type: unknown; enum?: unknown[] }> };
    expect(hasUnion(s)).toBe(false);
    expect(s.properties.a!.type).toEqual(['object', 'null']);
    // An enum lists every value (null included): no `type` beside it.
    expect(s.properties.c).toEqual({ enum: ['x', 'y', null] });
  });

  it('keeps defaults optional on input, and leaves out what the server enforces anyway', () => {
    const s = inputJsonSchema(
      z.strictObject({
        q: z.string(),
        limit: z.number().default(20),
        premium: z.number().min(0).max(100_000_000),
        kind: z.enum(['a', 'b']),
      }),
    ) as { required: string[]; properties: Record<string, object> };
    expect(s.required).toEqual(['q', 'premium', 'kind']);
    expect(s).not.toHaveProperty('additionalProperties');
    expect(s.properties.premium).toEqual({ type: 'number', minimum: 0 });
    expect(s.properties.kind).toEqual({ enum: ['a', 'b'] });
  });

  it('drops regexes a format already states, and keeps output schemas to the top level', () => {
    const s = inputJsonSchema(z.strictObject({ id: z.uuid().describe('Id.'), on: z.iso.date().describe('Day.') }));
    expect(JSON.stringify(s)).not.toContain('pattern');
    expect(s).toMatchObject({ properties: { id: { format: 'uuid' }, on: { format: 'date' } } });
    const o = outputJsonSchema(
      z.object({ n: z.number().describe('N.'), rows: z.array(z.object({ a: z.string().describe('A.') })).describe('Rows.') }),
    );
    // Scalars by name; nested shapes by type and description.
    expect(o).toEqual({ type: 'object', properties: { n: {}, rows: { type: 'array', description: 'Rows.' } } });
  });

  it('detects a union that could not be folded', () => {
    expect(hasUnion(outputJsonSchema(z.object({ u: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) })))).toBe(true);
  });
});
