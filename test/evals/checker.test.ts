/**
 * Checks of the checker: the eval suite must be able to fail. A wrong expectation fails its
 * dialog; a tool that silently writes nothing fails every dialog that uses it (and only those);
 * a write made without approval fails the dialog; the reset really restores the demo book; a
 * bad dialog file is refused naming the file and the field; every registry tool is exercised.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tools } from '../../tools/index.js';
import { READ_ONLY, type AnyTool } from '../../tools/define.js';
import { openEvalDb, type EvalDb } from '../../evals/eval-db.js';
import { loadDialogs, parseDialog } from '../../evals/load-dialogs.js';
import { runDialog } from '../../evals/run-dialog.js';
import { diffSnapshots, snapshot } from '../../evals/diff.js';
import { Symbols } from '../../evals/symbols.js';
import type { Dialog } from '../../evals/dialog-schema.js';

const all = loadDialogs();
const byName = (n: string) => all.find((d) => d.name === n)!;
const usesTool = (d: Dialog, tool: string) => d.turns.some((t) => t.model.some((s) => s.calls?.some((c) => c.tool === tool)));
const failedNames = (r: { checks: { name: string; ok: boolean }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.name);

/** The registry with add_note replaced. */
const withAddNote = (patch: Partial<AnyTool>): AnyTool[] => tools.map((t) => (t.name === 'add_note' ? { ...t, ...patch } : t));

let data: EvalDb;
beforeAll(async () => {
  data = await openEvalDb();
});
afterAll(async () => {
  await data?.close();
});

describe('the eval checker can fail', () => {
  it('a dialog with a wrong expectation fails, naming the expectation and showing the diff', async () => {
    const d = byName('note-after-voicemail');
    const wrongBody: Dialog = structuredClone(d);
    wrongBody.expect.changes = [
      { insert: 'lead_notes', row: { lead_id: 'lead:rivera-auto', body: { re: 'sent the quote by email' } }, count: 1 },
    ];
    const r = await runDialog(wrongBody, { data });
    expect(r.passed).toBe(false);
    expect(failedNames(r)).toEqual([
      'change: insert into lead_notes {"lead_id":"lead:rivera-auto","body":{"re":"sent the quote by email"}}',
      'unexpected insert into lead_notes',
    ]);
    expect(r.checks.find((c) => !c.ok)!.message).toMatch(/closest row: body: expected .*got "Left voicemail/);
    expect(r.diff).toMatch(/\+ lead_notes: .*"lead_id":"lead:rivera-auto"/);

    const wrongFacts: Dialog = structuredClone(d);
    wrongFacts.expect.say = ['premium of \\$\\d+'];
    wrongFacts.expect.trajectory = { mode: 'strict', calls: [{ tool: 'add_note' }] };
    const r2 = await runDialog(wrongFacts, { data });
    expect(failedNames(r2)).toEqual(['says /premium of \\$\\d+/', 'trajectory (strict)']);

    // The unchanged dialog passes on the same data: the failures come from the expectations.
    expect((await runDialog(d, { data })).passed).toBe(true);
  });

  it('a tool that silently writes nothing fails every dialog that uses it, and only those', async () => {
    const silent = withAddNote({
      handler: async (input: Record<string, unknown>) => ({
        noteId: randomUUID(),
        leadId: input.leadId as string,
        clientId: randomUUID(),
        createdAt: new Date().toISOString(),
      }),
    });
    // The dialogs whose outcome rests on add_note writing; rejected-note proposes it but rejects it.
    const using = all.filter((d) => d.expect.changes.some((c) => 'insert' in c && c.insert === 'lead_notes'));
    expect(using.length).toBeGreaterThanOrEqual(3);
    for (const d of using) {
      const r = await runDialog(d, { data, tools: silent });
      expect(r.passed, d.name).toBe(false);
      expect(
        failedNames(r).some((n) => n.startsWith('change: insert into lead_notes')) || failedNames(r).includes('says /note is saved/'),
        d.name,
      ).toBe(true);
    }
    for (const name of ['log-call-connected', 'quoted-with-premium', 'rejected-note']) {
      expect((await runDialog(byName(name), { data, tools: silent })).passed, name).toBe(true);
    }
  });

  it('a write made without approval fails the dialog even when the data is as expected', async () => {
    // add_note declared read-only: the graph runs it at once, no person asked.
    const unguarded = withAddNote({ annotations: READ_ONLY });
    const d = structuredClone(byName('note-after-voicemail'));
    d.turns[0]!.approvals = [];
    const r = await runDialog(d, { data, tools: unguarded });
    expect(r.changes.map((c) => `${c.op} ${c.table}`)).toEqual(['insert lead_notes']);
    expect(r.checks.filter((c) => c.name.startsWith('change:')).every((c) => c.ok)).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.checks.find((c) => c.name === 'writes approved')).toMatchObject({ ok: false, message: 'ran without approval: add_note' });
  });

  it('the reset puts every table back as seeded, audit rows and checkpoints included', async () => {
    await data.reset();
    const before = await snapshot(data.database.pool);
    const count = async () =>
      (
        await data.database.pool.query<{ n: number }>(
          'select ((select count(*) from ai_interactions) + (select count(*) from agent_checkpoints.checkpoints))::int as n',
        )
      ).rows[0]!.n;
    const audit = await count();
    const r = await runDialog(byName('multi-turn-quote-to-proposal'), { data });
    expect(r.passed).toBe(true);
    expect(await count()).toBeGreaterThan(audit);
    await data.reset();
    const symbols = new Symbols();
    await symbols.loadWorld(data.database.pool);
    expect(diffSnapshots(before, await snapshot(data.database.pool), symbols)).toEqual([]);
    expect(await count()).toBe(audit);
  });
});

describe('dialog files', () => {
  it('a bad file is refused, naming the file and the field', () => {
    const base = 'description: x\nturns:\n  - user: hi\n';
    expect(() => parseDialog(`${base}    approvals: [maybe]\n`, 'evals/dialogs/bad.yaml')).toThrow(
      /evals\/dialogs\/bad\.yaml: invalid dialog:\n {2}turns\.0\.approvals\.0/,
    );
    expect(() => parseDialog(`${base}fixtures:\n  - lead: x\n    colour: red\n`, 'bad2.yaml')).toThrow(
      /bad2\.yaml: invalid dialog:\n {2}fixtures\.0\.colour: not a column/,
    );
    expect(() => parseDialog(`${base}expect:\n  changes:\n    - insert: lead_note\n`, 'bad3.yaml')).toThrow(
      /bad3\.yaml: .*expect\.changes\.0/s,
    );
    expect(() => parseDialog('description: [', 'bad4.yaml')).toThrow(/bad4\.yaml: not valid YAML/);
  });

  it('the dialogs exercise every tool of the registry', () => {
    const missing = tools.map((t) => t.name).filter((name) => !all.some((d) => usesTool(d, name)));
    expect(missing).toEqual([]);
  });
});
