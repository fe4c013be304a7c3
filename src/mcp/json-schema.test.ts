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
    expect(s.properties.c).toMatchObject({ type: ['string', 'null'], enum: ['x', 'y', null] });
  });

  it('keeps defaults optional on input and rejects unknown keys of strict objects', () => {
    const s = inputJsonSchema(z.strictObject({ q: z.string(), limit: z.number().default(20) })) as { required: string[]; additionalProperties: boolean };
    expect(s.required).toEqual(['q']);
    expect(s.additionalProperties).toBe(false);
  });

  it('drops regexes a format already states, and keeps output schemas to the top level', () => {
    const s = inputJsonSchema(z.strictObject({ id: z.uuid().describe('Id.'), on: z.iso.date().describe('Day.') }));
    expect(JSON.stringify(s)).not.toContain('pattern');
    expect(s).toMatchObject({ properties: { id: { format: 'uuid' }, on: { format: 'date' } } });
    const o = outputJsonSchema(z.object({ n: z.number().describe('N.'), rows: z.array(z.object({ a: z.string().describe('A.') })).describe('Rows.') }));
    expect(o).toEqual({ type: 'object', properties: { n: { type: 'number' }, rows: { type: 'array', description: 'Rows.' } } });
  });

  it('detects a union that could not be folded', () => {
    expect(hasUnion(outputJsonSchema(z.object({ u: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) })))).toBe(true);
  });
});
