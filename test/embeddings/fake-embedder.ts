/** A deterministic bag-of-words embedder for tests that need a model but not a good one. */
import { createHash } from 'node:crypto';
import type { Embedder } from '../../src/crm/ports.js';

export interface FakeEmbedder extends Embedder {
  /** Every text passed to embed, in order. */
  calls: string[][];
  /** Replace to script failures or delays. */
  before?: (texts: string[]) => Promise<void> | void;
}

export function fakeEmbedder(model = 'fake-bow-16', dimensions = 16): FakeEmbedder {
  const e: FakeEmbedder = {
    model,
    dimensions,
    calls: [],
    async embed(texts) {
      e.calls.push([...texts]);
      await e.before?.(texts);
      return texts.map((t) => {
        const v = new Array<number>(dimensions).fill(0);
        for (const w of t.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
          const h = createHash('md5').update(w).digest();
          v[h[0]! % dimensions]! += h[1]! % 2 ? 1 : -1;
        }
        const n = Math.hypot(...v);
        return n === 0 ? v : v.map((x) => x / n);
      });
    },
  };
  return e;
}
