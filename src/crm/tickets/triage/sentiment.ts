/**
 * Lexicon sentiment for customer messages (English and Spanish), -1 (angry) to 1 (happy). Pure.
 * Negation flips a word ("not happy"), intensifiers scale it ("very upset", "muy molesto").
 */
import { isNegated, normalize, tokens } from './text.js';

/** `word=valence` pairs (-3..3), normalised; `_` joins the words of a phrase. Phrases are matched before words. */
const LEXICON_SOURCE = [
  // English, negative
  'angry=-3 furious=-3 outraged=-3 unacceptable=-3 ridiculous=-2.5 terrible=-3 horrible=-3 awful=-3 worst=-3',
  'disgusted=-3 scam=-3 rip_off=-3 frustrated=-2 frustrating=-2 upset=-2 annoyed=-2 disappointed=-2 unhappy=-2',
  'rude=-2.5 incompetent=-3 useless=-2.5 fed_up=-2.5 complaint=-1.5 worried=-1.5 concerned=-1 confused=-1',
  'problem=-1 issue=-0.5 wrong=-1.5 mistake=-1.5 error=-1 late=-1 delay=-1 delayed=-1.5 ignored=-2 no_response=-2',
  'never_called=-2 still_waiting=-2 overcharged=-2 charged_twice=-2 denied=-1.5 stressed=-2 scared=-2 damage=-1',
  'damaged=-1 stolen=-1.5 accident=-1 injured=-1.5 hurt=-1.5 cancel=-0.5 lawsuit=-2 attorney=-1 urgent=-0.5',
  'unfortunately=-1',
  // English, positive
  'thanks=1.5 thank=1.5 thank_you=2 appreciate=2 appreciated=2 great=2.5 excellent=3 amazing=3 wonderful=3',
  'happy=2 glad=2 helpful=2 pleased=2 love=2.5 perfect=2.5 good=1.5 awesome=3 quick=1 easy=1 resolved=1.5',
  'fantastic=3 kind=1.5',
  // Spanish, negative
  'enojado=-3 enojada=-3 furioso=-3 molesto=-2 molesta=-2 inaceptable=-3 pesimo=-3 pesima=-3 queja=-1.5',
  'frustrado=-2 frustrada=-2 decepcionado=-2 decepcionada=-2 preocupado=-1.5 preocupada=-1.5 problema=-1',
  'nadie_me_llama=-2 sin_respuesta=-2 robo=-1.5 accidente=-1 abogado=-1 demanda=-2 mal=-1.5 malo=-2 grosero=-2.5',
  'estafa=-3 urgente=-0.5',
  // Spanish, positive
  'gracias=1.5 muchas_gracias=2 excelente=3 contento=2 contenta=2 feliz=2 genial=2.5 amable=1.5 agradezco=2',
  'bueno=1.5 buena=1.5 perfecto=2.5 rapido=1',
];

const INTENSIFIER_SOURCE =
  'very=1.5 really=1.4 extremely=1.8 so=1.3 totally=1.5 completely=1.5 absolutely=1.6 muy=1.5 super=1.5 totalmente=1.5 realmente=1.4 bastante=1.3';

function parsePairs(source: string): Readonly<Record<string, number>> {
  return Object.fromEntries(
    source
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [word, value] = pair.split('=');
        return [word!.replace(/_/g, ' '), Number(value)];
      }),
  );
}

const LEXICON = parsePairs(LEXICON_SOURCE.join(' '));
const INTENSIFIERS = parsePairs(INTENSIFIER_SOURCE);

// Alpha in the VADER-style normalisation x / sqrt(x^2 + alpha): how fast the score saturates.
const ALPHA = 8;

const PHRASES = Object.keys(LEXICON).filter((k) => k.includes(' '));

/** Sentiment score of a text, -1..1, rounded to 3 decimals; 0 when nothing in it carries valence. */
export function sentimentScore(text: string): number {
  let norm = normalize(text);
  let sum = 0;
  for (const phrase of PHRASES) {
    for (const m of norm.matchAll(new RegExp(`\\b${phrase}\\b`, 'g'))) {
      sum += LEXICON[phrase]! * (isNegated(norm, m.index) ? -0.5 : 1);
    }
    // Blank matched phrases so their words are not counted twice ("thank you" vs "thank").
    norm = norm.replace(new RegExp(`\\b${phrase}\\b`, 'g'), (m) => ' '.repeat(m.length));
  }
  let offset = 0;
  const words = tokens(norm);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const at = norm.indexOf(w, offset);
    offset = at + w.length;
    const v = LEXICON[w];
    if (v === undefined || v === 0) continue;
    const boost = INTENSIFIERS[words[i - 1] ?? ''] ?? 1;
    // A negated word flips and weakens: "not happy" is negative but milder than "unhappy".
    sum += v * boost * (isNegated(norm, at) ? -0.5 : 1);
  }
  if (/!{2,}/.test(text)) sum += sum < 0 ? -0.5 : sum > 0 ? 0.5 : 0;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  return Math.round(Math.max(-1, Math.min(1, score)) * 1000) / 1000;
}
