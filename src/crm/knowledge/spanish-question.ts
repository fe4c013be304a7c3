/**
 * Spanish search questions over mostly English records: tells a Spanish question from an English
 * one, and renders it word by word into English with the glossary (spanish-glossary.ts), phrases
 * first. The local embedder knows English words only, and English records share no word with a
 * Spanish question, so both arms search the rendering (`questionToEmbed` for the vector arm, `questionTerms` in
 * fulltext.ts for full text);
 * full text keeps each Spanish word beside its translation so Spanish records still match.
 *
 * Pure and synchronous. Deliberately simple: no word-sense choice (the first English sense is
 * embedded, all senses are searched by full text), plural and verb endings reduced by a short
 * list of rules, and a word it does not know is kept as written.
 */
import { GLOSSARY_TOPICS } from './spanish-glossary.js';

/** One piece of a rendered question. */
export interface SpanishSegment {
  /** The question's words, as written (one word or a glossary phrase). */
  spanish: string;
  /** English alternatives, first the one to embed; empty when the piece carries no search meaning; null when unknown (kept as written). */
  english: string[] | null;
  /** From the function-word list (question words, pronouns, numbers): embedded, not a full-text term. */
  functionWord: boolean;
}

interface Entry {
  english: string[];
  functionWord: boolean;
}

/** Lower case, accents and ñ stripped (people often type Spanish without them). */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const GLOSSARY = new Map<string, Entry>();
for (const [topic, text] of Object.entries(GLOSSARY_TOPICS)) {
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = fold(pair.slice(0, eq).trim()).replace(/\s+/g, ' ');
    if (!key || GLOSSARY.has(key)) continue;
    const english = pair
      .slice(eq + 1)
      .split('|')
      .map((e) => e.trim())
      .filter(Boolean);
    GLOSSARY.set(key, { english, functionWord: topic === 'function' });
  }
}
const MAX_PHRASE = Math.max(...[...GLOSSARY.keys()].map((k) => k.split(' ').length));

/**
 * Glossary words that are English words too (or common in English text): they are translated in
 * a Spanish question but are no evidence that a question is Spanish.
 */
const SHARED_WITH_ENGLISH = new Set(
  (
    'a al alto amigo anterior arriba auto barrio bodega boiler cables caldera capo cargo cheque con conductor contra culpable da de del dice dos ' +
    'e el era explosion exclusion foto gratis grande ha han hay he hombre la las le les lesion lo local mal mama mayor medico mi mil moto motor ' +
    'mucho nada no o once padre papa para pared paso patio patron persona poco primer primo pronto reunion rota saber se si sin solo son ' +
    'suspender su taller tele television titular todo trailer tu u un uno va valor van vision ya jefe'
  ).split(' '),
);

/** English function words: evidence that a question is English. */
const ENGLISH_WORDS = new Set(
  (
    'the of and to is was were are be been being for on with who whom whose what when where which why how did does do done has had have ' +
    'having an it its his her hers him she he they them their theirs we our you your my mine this that these those there here from by at ' +
    'about any some all not but or if then than so into over under after before while will would should could can may might must shall ' +
    'just only also very more most much many out up down off again ever never yet still get got gets need needs want wants said says ' +
    'anyone someone somebody anybody everyone nobody one ones last next new old client clients customer customers policy claim claims'
  ).split(' '),
);

/** Verb and plural endings -> the endings of the glossary's base forms (longest first). */
const ENDINGS: Array<[string, string[]]> = [
  ['ieron', ['er', 'ir']],
  ['aron', ['ar']],
  ['iendo', ['er', 'ir']],
  ['yendo', ['er', 'ir']],
  ['ando', ['ar']],
  ['aban', ['ar']],
  ['aste', ['ar']],
  ['iste', ['er', 'ir']],
  ['amos', ['ar']],
  ['imos', ['er', 'ir']],
  ['emos', ['er']],
  ['aran', ['ar']],
  ['eran', ['er']],
  ['iran', ['ir']],
  ['aria', ['ar']],
  ['eria', ['er']],
  ['iria', ['ir']],
  ['ados', ['ar', 'ado']],
  ['adas', ['ar', 'ado', 'ada']],
  ['idos', ['er', 'ir', 'ido']],
  ['idas', ['er', 'ir', 'ido', 'ida']],
  ['aba', ['ar']],
  ['ado', ['ar']],
  ['ada', ['ar', 'ado']],
  ['ido', ['er', 'ir']],
  ['ida', ['er', 'ir', 'ido']],
  ['ian', ['er', 'ir']],
  ['ara', ['ar']],
  ['era', ['er']],
  ['ira', ['ir']],
  ['an', ['ar']],
  ['en', ['er', 'ir', 'ar']],
  ['as', ['ar', 'a', 'o']],
  ['es', ['er', 'ir', 'e', '']],
  ['os', ['o', '']],
  ['ia', ['er', 'ir']],
  ['io', ['er', 'ir']],
  ['o', ['ar', 'er', 'ir']],
  ['a', ['ar', 'er', 'ir', 'o']],
  ['e', ['ar', 'er', 'ir']],
  ['s', ['']],
];

/**
 * The glossary entry of a folded word: as written, else through its ending (luces -> luz,
 * pagaron -> pagar, devuelven -> devolver). `weak`: weak evidence that the word is Spanish.
 */
function lookupWord(w: string): (Entry & { key: string; weak: boolean }) | undefined {
  const direct = GLOSSARY.get(w);
  if (direct) return { ...direct, key: w, weak: false };
  const candidates: Array<[string, boolean]> = w.endsWith('ces') && w.length > 4 ? [[`${w.slice(0, -3)}z`, false]] : [];
  for (const [end, bases] of ENDINGS) {
    if (!w.endsWith(end) || w.length - end.length < (end.length > 1 ? 2 : 3)) continue;
    const stem = w.slice(0, -end.length);
    // One letter dropped is weak evidence (value -> valuar), except -o on a long stem (recomendo).
    const weak = end.length === 1 && !(end === 'o' && stem.length >= 5);
    for (const b of bases) candidates.push([stem + b, weak]);
    // Spelling kept before e (subjunctive, preterite): pague -> pagar, busque -> buscar, crucen -> cruzar.
    if (end.startsWith('e')) {
      const respelled = stem
        .replace(/gu$/, 'g')
        .replace(/qu$/, 'c')
        .replace(/(?<=[aeiou])c$/, 'z');
      if (respelled !== stem) candidates.push([`${respelled}ar`, weak]);
    }
  }
  // Stem-changing verbs: devuelven -> devolver, pierde -> perder, pide -> pedir.
  const changed = candidates.flatMap(([c, weak]): Array<[string, boolean]> => [
    [c.replace(/ue(?=[^aeiou]+[aei]r$)/, 'o'), weak],
    [c.replace(/ie(?=[^aeiou]+[aei]r$)/, 'e'), weak],
    [c.replace(/i(?=[^aeiou]+ir$)/, 'e'), weak],
  ]);
  for (const [key, weak] of [...candidates, ...changed]) {
    const e = GLOSSARY.get(key);
    if (e) return { ...e, key, weak };
  }
  return undefined;
}

interface Token {
  raw: string;
  folded: string;
  /** Capitalised inside the question (not its first word): likely a name. */
  name: boolean;
}

function tokenize(question: string): Token[] {
  const out: Token[] = [];
  for (const m of question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) {
    const raw = m[0];
    const first = out.length === 0;
    out.push({ raw, folded: fold(raw), name: !first && /^\p{Lu}/u.test(raw) });
  }
  return out;
}

/**
 * True when the question reads as Spanish: at least two Spanish words (glossary words, their
 * inflections, words with Spanish accents or ñ; words that are also English and capitalised
 * words inside the question, which are usually names, do not count) and more of them than
 * English function words; or one such word, no English one, and either a word Spanish shares
 * with English (su, lo, con) or at most two words in all.
 */
export function isSpanish(question: string): boolean {
  const tokens = tokenize(question);
  let es = /[¿¡]/.test(question) ? 1 : 0;
  let en = 0;
  let shared = 0;
  for (const t of tokens) {
    if (t.name) continue;
    if (ENGLISH_WORDS.has(t.folded)) {
      en++;
      continue;
    }
    if (SHARED_WITH_ENGLISH.has(t.folded)) {
      shared++;
      continue;
    }
    const e = lookupWord(t.folded);
    // An entry that translates to itself (hospital, error) is English as much as Spanish.
    const known = e && !SHARED_WITH_ENGLISH.has(e.key) && fold(e.english[0] ?? '') !== e.key;
    if (/[áéíóúñü]/i.test(t.raw)) es++;
    else if (known) es += e.weak ? 0.5 : 1;
  }
  if (es >= 2) return es > en;
  return es >= 1 && en === 0 && (tokens.length <= 2 || shared >= 1);
}

/** The question cut into glossary phrases and words, each with its English (see SpanishSegment). */
export function spanishSegments(question: string): SpanishSegment[] {
  const tokens = tokenize(question);
  const out: SpanishSegment[] = [];
  for (let i = 0; i < tokens.length;) {
    let taken = 0;
    // Longest glossary phrase first; a capitalised word inside the question starts no phrase.
    if (!tokens[i]!.name) {
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 2 && !taken; n--) {
        const words = tokens.slice(i, i + n);
        const e = GLOSSARY.get(words.map((t) => t.folded).join(' '));
        if (e) {
          out.push({ spanish: words.map((t) => t.raw).join(' '), english: e.english, functionWord: e.functionWord });
          taken = n;
        }
      }
    }
    if (!taken) {
      const t = tokens[i]!;
      const e = t.name && !GLOSSARY.has(t.folded) ? undefined : lookupWord(t.folded);
      out.push({ spanish: t.raw, english: e ? e.english : null, functionWord: e?.functionWord ?? false });
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** The English rendering the embedder sees: each piece's first English sense; unknown words as written. */
export function englishRendering(segments: SpanishSegment[]): string {
  return segments
    .map((s) => (s.english === null ? s.spanish : (s.english[0] ?? '')))
    .filter(Boolean)
    .join(' ');
}

/** What the vector arm embeds for a question: the English rendering of a Spanish question, else the question. */
export function questionToEmbed(question: string): string {
  return isSpanish(question) ? englishRendering(spanishSegments(question)) || question : question;
}
