import { z } from 'zod';
import { addNote } from '../src/crm/activity/notes.js';
import { defineTool, WRITE } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const addNoteInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  body: z.string().trim().min(1).max(10_000).describe('Plain prose.'),
  noteType: z
    .enum(['general', 'underwriting', 'call_summary', 'claim_history', 'coverage', 'ai_generated'])
    .default('general')
    .describe('ai_generated for your own summaries.'),
  isPinned: z.boolean().default(false).describe('Pin to the top.'),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]).describe('Free tags.'),
});

export const addNoteOutput = z.object({
  noteId: z.uuid().describe('Id of the new note.'),
  leadId: z.uuid().describe('The lead the note was added to.'),
  clientId: z.uuid().describe(FIELD.clientOfLead),
  createdAt: z.string().describe('When the note was saved (ISO 8601).'),
});

export const addNoteTool = defineTool({
  name: 'add_note',
  title: 'Add a note',
  description: 'Saves a searchable note on a lead. Returns its id.',
  input: addNoteInput,
  output: addNoteOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const note = await addNote(ctx.db, { ...input, authorUserId: ctx.actor.userId });
    return { noteId: note.id, leadId: note.leadId, clientId: note.clientId, createdAt: note.createdAt.toISOString() };
  },
  summarize: (o) => `note ${o.noteId} on lead ${o.leadId}`,
});
