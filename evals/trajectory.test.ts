import { describe, expect, it } from 'vitest';
import { matches } from './matchers.js';
import { checkTrajectory } from './trajectory.js';

const calls = [
  { name: 'search_leads', args: { query: 'Rivera' } },
  { name: 'add_note', args: { leadId: 'lead:rivera', body: 'Left voicemail' } },
];

describe('field matchers', () => {
  it('match exactly, by regex, $any and $set, objects by the keys they name', () => {
    expect(matches('quoted', 'quoted')).toBe(true);
    expect(matches('quoted', 'quoting')).toBe(false);
    expect(matches(2100, '2100.00')).toBe(true);
    expect(matches({ re: '^2026-11-03T16' }, '2026-11-03T16:00:00+00:00')).toBe(true);
    expect(matches({ re: 'voicemail' }, null)).toBe(false);
    expect(matches('$any', null)).toBe(true);
    expect(matches('$set', null)).toBe(false);
    expect(matches({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(matches(['x'], ['x', 'y'])).toBe(false);
    expect(matches(null, undefined)).toBe(true);
  });
});

describe('trajectory modes', () => {
  it('strict needs the same calls in the same order', () => {
    expect(
      checkTrajectory({ mode: 'strict', calls: [{ tool: 'search_leads' }, { tool: 'add_note', args: { leadId: 'lead:rivera' } }] }, calls),
    ).toBeNull();
    expect(checkTrajectory({ mode: 'strict', calls: [{ tool: 'add_note' }, { tool: 'search_leads' }] }, calls)).toMatch(
      /call 1 is search_leads/,
    );
    expect(checkTrajectory({ mode: 'strict', calls: [{ tool: 'add_note', args: { leadId: 'lead:other' } }] }, calls)).toMatch(
      /expected 1 calls/,
    );
  });

  it('unordered needs the same calls in any order', () => {
    expect(checkTrajectory({ mode: 'unordered', calls: [{ tool: 'add_note' }, { tool: 'search_leads' }] }, calls)).toBeNull();
    expect(checkTrajectory({ mode: 'unordered', calls: [{ tool: 'add_note' }] }, calls)).not.toBeNull();
  });

  it('superset needs at least the expected calls, each matched once', () => {
    expect(checkTrajectory({ mode: 'superset', calls: [{ tool: 'add_note', args: { body: { re: 'voicemail' } } }] }, calls)).toBeNull();
    expect(checkTrajectory({ mode: 'superset', calls: [{ tool: 'add_note' }, { tool: 'add_note' }] }, calls)).toMatch(/at least/);
  });

  it('subset allows only the expected calls', () => {
    expect(
      checkTrajectory({ mode: 'subset', calls: [{ tool: 'search_leads' }, { tool: 'add_note' }, { tool: 'get_lead' }] }, calls),
    ).toBeNull();
    expect(checkTrajectory({ mode: 'subset', calls: [{ tool: 'search_leads' }] }, calls)).toMatch(/outside the allowed set: add_note/);
  });
});
