/**
 * Splits long texts into overlapping chunks for embedding: by paragraph, then sentence, then
 * word, packed up to `maxChars`, with the last sentences of a chunk repeated at the start of the
 * next (`overlapChars`) so a fact that straddles a boundary is still found.
 */

export interface ChunkOptions {
  maxChars?: number;
  overlapChars?: number;
  /** Stop after this many chunks (embedding cost); the rest of a huge text is not indexed. */
  maxChunks?: number;
}

/** Sentences (or word-split pieces of over-long ones), each at most `max` characters. */
function units(text: string, max: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    for (const sentence of para.split(/(?<=[.!?])\s+/)) {
      const s = sentence.replace(/\s+/g, ' ').trim();
      if (!s) continue;
      if (s.length <= max) {
        out.push(s);
        continue;
      }
      let piece = '';
      for (const word of s.split(' ')) {
        // A single "word" longer than max (a URL, base64) is cut hard.
        for (let i = 0; i < word.length; i += max) {
          const w = word.slice(i, i + max);
          if (piece && piece.length + 1 + w.length > max) {
            out.push(piece);
            piece = '';
          }
          piece = piece ? `${piece} ${w}` : w;
        }
      }
      if (piece) out.push(piece);
    }
  }
  return out;
}

/** The chunks of `text`, in order; `[]` for blank text; one chunk when it fits. */
export function chunkText(text: string, opts: ChunkOptions = {}): string[] {
  const max = opts.maxChars ?? 800;
  const overlap = Math.min(opts.overlapChars ?? 120, Math.floor(max / 2));
  const maxChunks = opts.maxChunks ?? 100;
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.length <= max) return [trimmed];
  const chunks: string[] = [];
  let current: string[] = [];
  const size = (parts: string[]) => parts.reduce((acc, p) => acc + p.length, 0) + Math.max(0, parts.length - 1);
  for (const u of units(trimmed, max)) {
    if (current.length && size(current) + 1 + u.length > max) {
      chunks.push(current.join(' '));
      if (chunks.length >= maxChunks) return chunks;
      // Carry the trailing sentences that fit in the overlap (leaving room for u).
      const carry: string[] = [];
      for (let i = current.length - 1; i >= 0; i--) {
        const next = [current[i]!, ...carry];
        if (size(next) > overlap || size(next) + 1 + u.length > max) break;
        carry.unshift(current[i]!);
      }
      current = carry;
    }
    current.push(u);
  }
  if (current.length) chunks.push(current.join(' '));
  return chunks.slice(0, maxChunks);
}
