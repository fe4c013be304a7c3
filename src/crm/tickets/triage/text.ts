/**
 * Text helpers shared by the deterministic classifiers: normalisation, tokens, stopwords,
 * negation scope, key terms and an extractive summary. Pure.
 */

/** Lower case, accents stripped, typographic apostrophes made plain, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of normalised text (letters, digits, inner apostrophes). */
export function tokens(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** Stopword profiles (normalised: no accents), used for language detection and key terms. */
export const STOPWORDS: Readonly<Record<'en' | 'es' | 'fr' | 'de' | 'pt', ReadonlySet<string>>> = {
  en: new Set(
    "the and of to a in is it you that he was for on are with as i his they be at one have this from or had by but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first been call who its now find long down day did get come made may part i'm don't can't we're it's please thanks hi hello our me am just need".split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las y de del que en un una por para con no es se lo al mi mis su sus como pero mas muy esta estoy este esto ya tengo quiero necesito hola gracias porque cuando donde tambien nos le les me yo usted ustedes fue ser hay sin sobre entre hasta desde buenas buenos tardes dias quisiera voy vamos puedo pueden favor necesitan'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les et de des du que en un une pour avec ne pas est se ce mon ma mes son sa ses comme mais plus tres je vous nous il elle ils sont suis ai avons bonjour merci parce quand ou aussi sur dans au aux cette qui'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und zu den von mit nicht ist sich ein eine einen auf fur im dem des ich sie wir es mein meine ihr ihre aber auch noch wie bei oder wenn hallo danke bitte habe haben bin sind wurde kann war nach uber'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o a os as e de do da dos das que em um uma por para com nao se meu minha seu sua como mas mais muito esta estou eu voce nos ja tenho quero preciso ola obrigado obrigada porque quando onde tambem no na ao foi ser ha sem sobre ate'.split(
      ' ',
    ),
  ),
};

/** Words that negate what follows within a short window ("not a claim", "no quiero cancelar"). */
const NEGATORS = new Set([
  'not',
  'no',
  "don't",
  'dont',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  'never',
  'without',
  'nobody',
  'none',
  'nothing',
  "doesn't",
  'doesnt',
  "won't",
  'wont',
  'nunca',
  'sin',
  'nadie',
  'ningun',
  'ninguna',
  'tampoco',
  'ne',
  'nicht',
  'kein',
  'keine',
  'nao',
]);
/** Negator followed by one of these is hedging, not negation ("not sure if I'm covered"). */
const HEDGES = new Set(['sure', 'certain', 'clear', 'know', 'seguro', 'segura', 'idea']);
/** Clause boundaries stop a negation's scope. */
const BOUNDARY = /[.,;:!?]|\b(?:but|however|pero|sino|aber|mais|mas)\b/;

/**
 * Whether the match starting at `index` in normalised `text` is negated: a negator among the
 * three words before it, in the same clause, not used as a hedge.
 */
export function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  const lastBoundary = Math.max(...[...before.matchAll(new RegExp(BOUNDARY, 'g'))].map((m) => (m.index ?? -1) + m[0].length), 0);
  const clause = tokens(before.slice(lastBoundary)).slice(-3);
  return clause.some((w, i) => NEGATORS.has(w) && !HEDGES.has(clause[i + 1] ?? ''));
}

/** Sentences of raw text (keeps the original wording). */
export function sentences(text: string): string[] {
  return (text.replace(/\s+/g, ' ').match(/[^.!?\n]+[.!?]*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

function isStopword(w: string): boolean {
  return Object.values(STOPWORDS).some((set) => set.has(w));
}

/**
 * The most telling words of a ticket: non-stopwords of 3+ letters ranked by frequency, subject
 * words counting double, first occurrence breaking ties. Plain [a-z0-9] words, safe to join
 * into a tsquery.
 */
export function keyTerms(subject: string, description: string, max = 8): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  let pos = 0;
  const add = (text: string, weight: number) => {
    for (const raw of tokens(normalize(text))) {
      const w = raw.replace(/'.*$/, '');
      if (w.length < 3 || /^\d+$/.test(w) || isStopword(w)) continue;
      const c = counts.get(w) ?? { n: 0, first: pos++ };
      c.n += weight;
      counts.set(w, c);
    }
  };
  add(subject, 2);
  add(description, 1);
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, max)
    .map(([w]) => w);
}

/**
 * A compact extractive summary: the subject, then up to two description sentences that share the
 * most key terms, in their original order, capped at `maxChars`.
 */
export function extractiveSummary(subject: string, description: string, maxChars = 300): string {
  const terms = new Set(keyTerms(subject, description, 12));
  const all = sentences(description);
  const scored = all.map((s, i) => ({ s, i, score: tokens(normalize(s)).filter((w) => terms.has(w)).length }));
  const picked = scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
  const body = (picked.length ? picked : all.slice(0, 1)).join(' ');
  const out = `${subject.trim()}${body ? ` — ${body}` : ''}`;
  return out.length <= maxChars ? out : `${out.slice(0, maxChars - 1).trimEnd()}…`;
}
