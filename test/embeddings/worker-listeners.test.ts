/**
 * The background worker `start` runs sleeps between drains; each sleep must not leave an abort
 * listener behind (they piled up, one per cycle, into MaxListenersExceededWarning ~20 s after
 * every start).
 */
import { describe, expect, it } from 'vitest';
import { startEmbeddingWorker } from '../../src/crm/knowledge/embedding-worker.js';
import { useDatabase } from '../helpers/db.js';
import { fakeEmbedder } from './fake-embedder.js';

const getDb = useDatabase();

describe('embedding worker loop', () => {
  it('runs many idle cycles without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const stop = startEmbeddingWorker(getDb(), fakeEmbedder(), { intervalMs: 1 });
      // An idle cycle is one claim query plus a 1 ms sleep: well over 11 cycles in this time.
      await new Promise((r) => setTimeout(r, 1500));
      await stop();
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('MaxListenersExceeded'))).toEqual([]);
  });
});
