import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, MAX_MESSAGE_CHARS, splitMessage, toMrkdwn, TRUNCATED_NOTE } from './format.js';

describe('toMrkdwn', () => {
  it('turns Markdown styling into Slack mrkdwn', () => {
    expect(toMrkdwn('**bold** and *italic* and ~~gone~~')).toBe('*bold* and _italic_ and ~gone~');
    expect(toMrkdwn('## Next steps')).toBe('*Next steps*');
    expect(toMrkdwn('- one\n* two')).toBe('• one\n• two');
    expect(toMrkdwn('see [the lead](https://crm.example.com/l/1)')).toBe('see <https://crm.example.com/l/1|the lead>');
    expect(toMrkdwn('> quoted')).toBe('>quoted');
  });

  it('escapes control characters so quoted text cannot ping or link', () => {
    expect(toMrkdwn('<!channel> hi <@U123> a&b <https://evil.example|bank>')).toBe(
      '&lt;!channel&gt; hi &lt;@U123&gt; a&amp;b &lt;https://evil.example|bank&gt;',
    );
    expect(escapeMrkdwn('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('leaves code alone except for escaping, and drops the language tag', () => {
    expect(toMrkdwn('run `a **b**` now')).toBe('run `a **b**` now');
    expect(toMrkdwn('```ts\nconst x = a < b && **c**;\n```')).toBe('```\nconst x = a &lt; b &amp;&amp; **c**;\n```');
    expect(toMrkdwn('```\nunclosed')).toBe('```\nunclosed\n```');
  });
});

describe('splitMessage', () => {
  it('keeps short text whole', () => {
    expect(splitMessage('hello')).toEqual(['hello']);
  });

  it('splits at lines, every part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const parts = splitMessage(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('wraps one very long line at spaces', () => {
    const text = 'word '.repeat(2000).trim();
    const parts = splitMessage(text, 500, Infinity);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500);
    expect(parts.join(' ')).toBe(text);
  });

  it('closes and reopens a code block cut in two', () => {
    const code = ['```', ...Array.from({ length: 100 }, (_, i) => `code line ${i}`), '```'].join('\n');
    const parts = splitMessage(code, 400);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.startsWith('```')).toBe(true);
      expect(p.endsWith('```')).toBe(true);
      expect(p.length).toBeLessThanOrEqual(400);
    }
  });

  it('stops after the part limit with a note saying so', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const parts = splitMessage(text, 200, 3);
    expect(parts).toHaveLength(3);
    expect(parts[2]!.endsWith(TRUNCATED_NOTE)).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(200);
  });
});
