/**
 * Model answers (Markdown) as Slack mrkdwn, split into messages Slack shows whole. `&`, `<` and
 * `>` are escaped everywhere, so nothing the model (or CRM text it quotes) writes can become a
 * mention, an @channel ping or a disguised link; only Markdown links become Slack links.
 */

/** Slack shows at most ~4,000 characters of a message before folding it; stay well under. */
export const MAX_MESSAGE_CHARS = 3500;
/** More parts than this is spam in a thread; the rest is cut with a note. */
export const MAX_MESSAGE_PARTS = 8;

export const TRUNCATED_NOTE = '_…the answer was cut here. Ask for a shorter answer or one part at a time._';

/** Escapes Slack's control characters (the only escaping mrkdwn needs). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

function inlineText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out += styled(text.slice(last, m.index));
    out += `<${m[2]!.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(m[1]!).replace(/\|/g, '¦')}>`;
    last = m.index + m[0].length;
  }
  return out + styled(text.slice(last));
}

const BOLD = '\u0001';

function styled(raw: string): string {
  return escapeMrkdwn(raw)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])/g, '_$1_')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~')
    .replaceAll(BOLD, '*');
}

function line(text: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
  if (heading) return `*${inline(heading[1]!.replace(/\*\*/g, ''))}*`;
  const quote = /^\s{0,3}>\s?(.*)$/.exec(text);
  if (quote) return `>${inline(quote[1]!)}`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(text);
  if (bullet) return `${bullet[1]}• ${inline(bullet[2]!)}`;
  return inline(text);
}

/** Inline code spans stay verbatim (escaped); the rest is styled. */
function inline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? escapeMrkdwn(part) : inlineText(part)))
    .join('');
}

/** Markdown (as models write it) to Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*```/.test(raw)) {
      // Slack shows a language tag as code text; drop it.
      out.push('```');
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? escapeMrkdwn(raw) : line(raw));
  }
  if (inFence) out.push('```');
  return out.join('\n');
}

function hardWrap(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never cut an escape like &amp; in half.
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 6 && rest.indexOf(';', amp) >= cut) cut = amp;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

/**
 * Splits mrkdwn into messages of at most `max` characters at line boundaries (long lines at
 * spaces); a code block cut in two is closed and reopened. After `maxParts` the rest is dropped
 * with a note saying so.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_CHARS, maxParts = MAX_MESSAGE_PARTS): string[] {
  if (text.length <= max) return [text];
  const budget = max - 8; // room to close and reopen a code fence
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  let inFence = false;
  let fenceAtStart = false;
  const flush = () => {
    if (!current.length) return;
    let body = current.join('\n');
    if (fenceAtStart) body = '```\n' + body;
    if (inFence) body += '\n```';
    parts.push(body);
    fenceAtStart = inFence;
    current = [];
    size = 0;
  };
  for (const ln of text.split('\n')) {
    for (const piece of ln.length > budget ? hardWrap(ln, budget) : [ln]) {
      if (size + piece.length + 1 > budget) flush();
      current.push(piece);
      size += piece.length + 1;
    }
    if (ln.startsWith('```')) inFence = !inFence;
  }
  flush();
  if (parts.length <= maxParts) return parts;
  // Split again a little shorter, so the note fits after the last part kept.
  const kept = splitMessage(text, max - TRUNCATED_NOTE.length - 1, Infinity).slice(0, maxParts);
  kept[maxParts - 1] += `\n${TRUNCATED_NOTE}`;
  return kept;
}
