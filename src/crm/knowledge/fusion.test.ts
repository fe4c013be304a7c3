/** Pure parts of knowledge search: tsquery splitting, coverage tiers, score fusion, near-duplicate collapsing. */
import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates } from './collapse.js';
import { coverageTiers, splitTopLevelAnd } from './fulltext.js';
import { DEFAULT_FUSION, fuse, isLowConfidence, type Candidate } from './fusion.js';
import { estimateRows } from './term-frequency.js';

const cand = (key: string, o: Partial<Candidate>): Candidate => ({
  key,
  hit: { sourceType: 'note', sourceId: key },
  fulltext: null,
  coverage: null,
  similarity: null,
  fulltextRank: null,
  vectorRank: null,
  ...o,
});

describe('knowledge search units', () => {
  it('splits a tsquery at its top-level & only', () => {
    expect(splitTopLevelAnd("( 'a' | 'b' <-> 'c' ) & 'it''s' & !'boat'")).toEqual(["( 'a' | 'b' <-> 'c' )", "'it''s'", "!'boat'"]);
  });

  it('builds tiers: all terms, then any one, keeping negations', () => {
    const tiers = coverageTiers({ whole: '', terms: ["'a'", "'b'", "'c'"], filters: ["!'x'"] });
    expect(tiers).toEqual([
      { find: "(('a') & ('b') & ('c')) & !'x'", also: null, widen: 1 },
      { find: "(('a') | ('b') | ('c')) & !'x'", also: null, widen: 4 },
    ]);
  });

  it('keeps common terms out of the index scans: found by the rare terms, checked on their rows, left out of the fallback', () => {
    const tiers = coverageTiers({ whole: '', terms: ["'a'", "'common'", "'b'"], filters: [] }, [true, false, true]);
    expect(tiers).toEqual([
      { find: "(('a') & ('b'))", also: "('common')", widen: 1 },
      { find: "(('a') | ('b'))", also: null, widen: 4 },
    ]);
    // Only common terms: the all-terms tier is all there is.
    expect(coverageTiers({ whole: '', terms: ["'x'", "'y'"], filters: [] }, [false, false])).toEqual([
      { find: "(('x') & ('y'))", also: null, widen: 1 },
    ]);
  });

  it("estimates a term's texts from the statistics: alternatives add up, a phrase counts its rarest word, unlisted words the bound", () => {
    const stats = {
      rows: new Map([
        ['insur', 9000],
        ['compani', 3000],
        ['car', 500],
      ]),
      unlisted: 40,
      known: true,
    };
    expect(estimateRows("'car'", stats)).toBe(500);
    expect(estimateRows("( 'insur' | 'insur' <-> 'compani' | 'aseguradora' )", stats)).toBe(9000 + 3000 + 40);
    expect(estimateRows("'kid'", stats)).toBe(40);
    // Without statistics every term is rare (the unbounded behaviour).
    expect(estimateRows("'insur'", { rows: new Map(), unlisted: 0, known: false })).toBe(0);
  });

  it('convex fusion ranks a strong meaning match above one shared word; RRF (ranks only) does not', () => {
    // The case: the right note has cosine 0.41 and no shared word; the winner under RRF shares one word of four, cosine 0.15.
    const cs = [
      cand('word', { fulltext: 0.25, coverage: 0.25, similarity: 0.15, fulltextRank: 1, vectorRank: 3 }),
      cand('meaning', { similarity: 0.41, vectorRank: 1 }),
      cand('other', { similarity: 0.2, vectorRank: 2 }),
    ];
    expect(fuse(cs, DEFAULT_FUSION)[0]!.key).toBe('meaning');
    expect(fuse(cs, { ...DEFAULT_FUSION, method: 'rrf' }, [0.8, 1])[0]!.key).toBe('word');
  });

  it('is low-confidence only when nothing covers the question or means it', () => {
    expect(isLowConfidence([cand('a', { coverage: 0.5, similarity: 0.2 })], DEFAULT_FUSION)).toBe(true);
    expect(isLowConfidence([cand('a', { coverage: 1 })], DEFAULT_FUSION)).toBe(false);
    expect(isLowConfidence([cand('a', { similarity: 0.45 })], DEFAULT_FUSION)).toBe(false);
  });

  it('collapses long near-identical texts but never short ones', () => {
    const letter = (n: string) =>
      `Dear ${n}, your renewal is coming up next month; please review the enclosed declarations and tell us about any changes to your home or cars.`;
    const items = [
      letter('Ann'),
      letter('Bob'),
      'left voicemail',
      'left voicemail',
      letter('Cy'),
      'Roof replaced in May, receipt sent to the carrier.',
    ];
    const r = collapseNearDuplicates(items, (t) => t, 10);
    expect(r.kept).toEqual([letter('Ann'), 'left voicemail', 'left voicemail', 'Roof replaced in May, receipt sent to the carrier.']);
    expect(r.collapsed).toBe(2);
  });
});
