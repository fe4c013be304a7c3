import { describe, expect, it } from 'vitest';
import { findUnsafeText, storableJson, storableText } from './text-hygiene.js';

describe('text hygiene', () => {
  it('finds NUL, other C0/C1 controls, DEL and unpaired surrogates by path', () => {
    const found = findUnsafeText({
      a: 'x\u0000',
      b: [{ c: 'ok\n\t\r' }, { d: 'bell\u0007' }],
      e: 'nel\u0085',
      f: 'del\u007f',
      g: 'half\ud800',
      h: 'pair \ud83d\ude00 ok',
    });
    expect(found.map((d) => d.field)).toEqual(['a', 'b.1.d', 'e', 'f', 'g']);
    expect(found[0]!.message).toMatch(/U\+0000/);
    expect(found[4]!.message).toMatch(/unpaired surrogate/);
  });

  it('checks field names too, and a bare string input', () => {
    expect(findUnsafeText({ 'k\u0001': 1 })).toMatchObject([{ field: 'k\uFFFD', message: expect.stringMatching(/field name/) }]);
    expect(findUnsafeText('\u0000')).toMatchObject([{ field: undefined }]);
  });

  it('makes text storable by replacing what Postgres cannot hold', () => {
    expect(storableText('a\u0000b\ud800c')).toBe('a\uFFFDb\uFFFDc');
    expect(storableJson({ 'k\u0000': ['v\u0000', 1, null] })).toEqual({ 'k\uFFFD': ['v\uFFFD', 1, null] });
  });
});
