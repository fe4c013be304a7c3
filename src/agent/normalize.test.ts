import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { INVALID_ARGS, normalizeReply } from './normalize.js';
import { messagesToDrop } from './trim.js';

const names = new Set(['get_lead', 'add_note']);

describe('normalizeReply', () => {
  it('gives every tool call a unique id and a fresh message id', () => {
    const msg = new AIMessage({
      id: 'chatcmpl-1',
      content: '',
      tool_calls: [
        { id: 'call_0', name: 'get_lead', args: {} },
        { id: 'call_0', name: 'get_lead', args: {} },
        { id: '', name: 'add_note', args: {} },
      ],
    });
    const out = normalizeReply(msg, names);
    const ids = out.tool_calls!.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('call_0');
    expect(out.id).not.toBe('chatcmpl-1');
  });

  it('turns empty arguments into {}, double-encoded ones into objects, bad ones into a marker', () => {
    const chunk = new AIMessage({
      content: '',
      invalid_tool_calls: [
        { id: 'a', name: 'get_lead', args: '', type: 'invalid_tool_call', error: 'x' },
        { id: 'b', name: 'get_lead', args: '{nope', type: 'invalid_tool_call', error: 'x' },
      ],
      tool_calls: [{ id: 'c', name: 'get_lead', args: '{"leadId":"1"}' as unknown as Record<string, unknown> }],
    });
    const out = normalizeReply(chunk, names);
    expect(out.tool_calls!.map((c) => c.args)).toEqual([{ leadId: '1' }, {}, { [INVALID_ARGS]: '{nope' }]);
  });

  it('finds tool calls written into the text, only for known tools', () => {
    const out = normalizeReply(new AIMessage('Sure. <tool_call>{"name":"get_lead","arguments":{"leadId":"x"}}</tool_call>'), names);
    expect(out.tool_calls).toMatchObject([{ name: 'get_lead', args: { leadId: 'x' } }]);
    expect(out.content).toBe('Sure.');
    expect(normalizeReply(new AIMessage('{"name":"drop_tables","arguments":{}}'), names).tool_calls).toEqual([]);
    expect(normalizeReply(new AIMessage({ content: null as unknown as string }), names).content).toBe('');
  });
});

describe('messagesToDrop', () => {
  const turn = (i: number, size: number) => [
    new HumanMessage({ id: `h${i}`, content: `q${i}` }),
    new AIMessage({ id: `a${i}`, content: '', tool_calls: [{ id: `c${i}`, name: 'get_lead', args: {} }] }),
    new ToolMessage({ id: `t${i}`, tool_call_id: `c${i}`, content: 'x'.repeat(size) }),
    new AIMessage({ id: `r${i}`, content: 'ok' }),
  ];
  it('drops whole old turns, oldest first, and never the current turn', () => {
    const msgs = [...turn(0, 4000), ...turn(1, 4000), ...turn(2, 100), new HumanMessage({ id: 'now', content: 'x'.repeat(40_000) })];
    expect(messagesToDrop(msgs, 500).map((m) => m.id)).toEqual(msgs.slice(0, 12).map((m) => m.id));
    expect(messagesToDrop(msgs, 11_500).map((m) => m.id)).toEqual(msgs.slice(0, 4).map((m) => m.id));
    expect(messagesToDrop(msgs, 1_000_000)).toEqual([]);
  });
});
