import { describe, expect, it } from 'vitest';
import { auditJson, auditResult, idsOf, safeInteraction } from './interactions.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('audit payloads', () => {
  it('names ids by key, or by the object that holds them', () => {
    expect(idsOf({ noteId: A, lead: { id: B, client: { id: C } }, contacts: [{ id: A }, { id: C }], title: 'x' })).toEqual({
      noteId: A,
      leadId: B,
      clientId: C,
      contactId: [A, C],
    });
  });

  it('keeps only ids by default, the whole (masked) answer when full', () => {
    const out = { leadId: A, drivers: [{ firstName: 'Ana', dateOfBirth: '1984-06-02' }] };
    expect(auditResult(out)).toEqual({ ids: { leadId: A } });
    expect(auditJson(auditResult(out, 'full'))).toEqual({ leadId: A, drivers: [{ firstName: 'Ana', dateOfBirth: '1984-**-**' }] });
  });

  it('makes every stored text storable and secret-free', () => {
    const row = safeInteraction({
      type: 'tool_call',
      channel: 'api',
      toolName: 'x\u0000',
      errorMessage: 'key sk-abcdefghijklmnopqrstuv',
      toolArguments: { licenseNumber: 'D12345678', t: 'a\u0000' },
    });
    expect(row).toMatchObject({
      toolName: 'x\uFFFD',
      errorMessage: 'key [redacted]',
      toolArguments: { licenseNumber: '*****5678', t: 'a\uFFFD' },
    });
  });
});
