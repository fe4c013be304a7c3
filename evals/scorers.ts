/**
 * Judges a finished dialog on state: the expected changes against the normalised diff, the facts
 * the replies must carry, what must not happen (tools, writes, leaks), writes made without an
 * approval, and the optional trajectory. Each check passes or says why not.
 */
import { findTool } from '../tools/index.js';
import type { Change, Dialog } from './dialog-schema.js';
import { compactRow, type RowChange } from './diff.js';
import { interpolate } from './interpolate.js';
import { matches, mismatches, pattern } from './matchers.js';
import type { Symbols } from './symbols.js';
import { checkTrajectory, type ProposedCall } from './trajectory.js';

export interface Check {
  name: string;
  ok: boolean;
  message?: string;
}

export interface DialogOutcome {
  /** Everything the agent said in each turn (replies, and text shown with approval requests). */
  replies: string[];
  statuses: string[];
  changes: RowChange[];
  /** Tool calls the model proposed, in order, arguments symbolised. */
  calls: ProposedCall[];
  /** Tool calls that ran (from the audit trail), with the tool-call id of the agent's call. */
  executed: { tool: string; ok: boolean; toolCallId: string | null }[];
  decisions: { toolCallId: string; decision: 'approve' | 'reject' | 'edit' }[];
  /** Problems of the drive itself: script steps left or missing, approvals not asked for. */
  problems: string[];
}

function changeLabel(c: Change): string {
  if ('insert' in c) return `insert into ${c.insert} ${JSON.stringify(c.row)}`;
  if ('update' in c) return `update of ${c.update} ${JSON.stringify(c.where)} set ${JSON.stringify(c.set)}`;
  return `delete from ${c.delete} ${JSON.stringify(c.where)}`;
}

function rowIs(where: string | Record<string, unknown>, rc: RowChange): boolean {
  return typeof where === 'string' ? rc.name === where : matches(where, rc.row);
}

/** Why a diff entry does not satisfy an expected change, or null when it does. */
function misfit(c: Change, rc: RowChange): string | null {
  if ('insert' in c) {
    if (rc.op !== 'insert' || rc.table !== c.insert) return 'other row';
    const bad = mismatches(c.row, rc.row);
    return bad.length ? bad.join('; ') : null;
  }
  if ('delete' in c) return rc.op === 'delete' && rc.table === c.delete && rowIs(c.where, rc) ? null : 'other row';
  if (rc.op !== 'update' || rc.table !== c.update || !rowIs(c.where, rc)) return 'other row';
  const bad = mismatches(c.set, rc.row);
  // Timestamps, the AI's annotations and machine metadata may change along with what was asked.
  const unexpected = Object.keys(rc.changed ?? {}).filter((k) => !(k in c.set) && !/_at$/.test(k) && !/^ai_/.test(k) && k !== 'metadata');
  if (unexpected.length) bad.push(`also changed ${unexpected.map((k) => `${k} -> ${JSON.stringify(rc.changed![k]!.to)}`).join(', ')}`);
  return bad.length ? bad.join('; ') : null;
}

function checkChanges(expected: Change[], diff: RowChange[]): Check[] {
  const left = [...diff];
  const checks: Check[] = [];
  for (const c of expected) {
    const n = 'insert' in c ? c.count : 1;
    for (let k = 0; k < n; k++) {
      const i = left.findIndex((rc) => misfit(c, rc) === null);
      if (i >= 0) {
        left.splice(i, 1);
        checks.push({ name: `change: ${changeLabel(c)}`, ok: true });
        continue;
      }
      const near = left.map((rc) => misfit(c, rc)).filter((m): m is string => !!m && m !== 'other row');
      checks.push({
        name: `change: ${changeLabel(c)}`,
        ok: false,
        message: near.length ? `closest row: ${near[0]}` : 'no such row changed',
      });
    }
  }
  for (const rc of left)
    checks.push({
      name: `unexpected ${rc.op} ${rc.op === 'insert' ? 'into' : 'of'} ${rc.table}`,
      ok: false,
      message: rc.changed
        ? `${rc.name} ${JSON.stringify(Object.fromEntries(Object.entries(rc.changed).map(([k, v]) => [k, v.to])))}`
        : compactRow(rc.row),
    });
  return checks;
}

function checkApprovals(o: DialogOutcome, diff: RowChange[]): Check {
  const approved = new Set(o.decisions.filter((d) => d.decision !== 'reject').map((d) => d.toolCallId));
  const unapproved = o.executed.filter(
    (e) => e.ok && findTool(e.tool)?.annotations.readOnlyHint === false && (!e.toolCallId || !approved.has(e.toolCallId)),
  );
  if (unapproved.length)
    return { name: 'writes approved', ok: false, message: `ran without approval: ${unapproved.map((e) => e.tool).join(', ')}` };
  const approvedWrites = o.executed.filter((e) => e.ok && e.toolCallId && approved.has(e.toolCallId));
  if (diff.length && !approvedWrites.length)
    return { name: 'writes approved', ok: false, message: `the data changed (${diff.length} rows) but no write was approved` };
  return { name: 'writes approved', ok: true };
}

export function score(d: Dialog, o: DialogOutcome, symbols: Symbols): Check[] {
  const checks: Check[] = [];
  const x = (s: string) => String(interpolate(s, { symbols }));
  for (const p of o.problems) checks.push({ name: 'drive', ok: false, message: p });
  d.turns.forEach((t, i) => {
    const got = o.statuses[i] ?? 'not reached';
    checks.push({
      name: `turn ${i + 1} ends ${t.status}`,
      ok: got === t.status,
      ...(got === t.status ? {} : { message: `ended ${got}: ${o.replies[i] ?? ''}` }),
    });
    for (const p of t.say) {
      const ok = pattern(x(p)).test(o.replies[i] ?? '');
      checks.push({ name: `turn ${i + 1} says /${p}/`, ok, ...(ok ? {} : { message: `reply: ${JSON.stringify(o.replies[i] ?? '')}` }) });
    }
  });
  const all = o.replies.join('\n');
  for (const p of d.expect.say) {
    const ok = pattern(x(p)).test(all);
    checks.push({ name: `says /${p}/`, ok, ...(ok ? {} : { message: `replies: ${JSON.stringify(all.slice(0, 600))}` }) });
  }
  for (const p of d.expect.mustNotSay) {
    const re = pattern(x(p));
    const ok = !re.test(all);
    checks.push({ name: `never says /${p}/`, ok, ...(ok ? {} : { message: `said: ${JSON.stringify(all.match(re)?.[0])}` }) });
  }
  for (const t of d.expect.forbidTools) {
    const used = o.calls.filter((c) => c.name === t);
    checks.push({ name: `never calls ${t}`, ok: !used.length, ...(used.length ? { message: JSON.stringify(used[0]!.args) } : {}) });
  }
  for (const t of d.expect.forbidWrites) {
    const hit = o.changes.filter((c) => c.table === t);
    checks.push({ name: `never writes ${t}`, ok: !hit.length, ...(hit.length ? { message: `${hit[0]!.op} ${hit[0]!.name}` } : {}) });
  }
  checks.push(...checkChanges(d.expect.changes, o.changes));
  checks.push(checkApprovals(o, o.changes));
  if (d.expect.trajectory) {
    const why = checkTrajectory(d.expect.trajectory, o.calls);
    checks.push({ name: `trajectory (${d.expect.trajectory.mode})`, ok: !why, ...(why ? { message: why } : {}) });
  }
  return checks;
}
