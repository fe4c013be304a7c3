/** A migrated, seeded in-memory runtime (the product as `start` builds it), one per test file. */
import { afterAll, beforeAll } from 'vitest';
import { testConfig, type Config } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';

export function useRuntime(overrides: Partial<Record<keyof Config, string>> = {}): () => Runtime {
  let rt: Runtime | undefined;
  beforeAll(async () => {
    rt = await openRuntime(testConfig({ PORT: '0', ...overrides }), { seedIfEmpty: true });
  });
  afterAll(async () => {
    await rt?.close();
  });
  return () => {
    if (!rt) throw new Error('runtime not ready');
    return rt;
  };
}
