/** Notes on a lead. */
import type { DbOrTx } from '../../db/client.js';
import { leadNotes } from '../../db/schema/index.js';
import { requireLead } from '../leads/lookup.js';

export interface NewNote {
  leadId: string;
  body: string;
  noteType?: string;
  isPinned?: boolean;
  tags?: string[];
  authorUserId: string;
}

/** Adds a note to a lead. The embedding job is queued by a trigger in the same transaction. */
export async function addNote(db: DbOrTx, note: NewNote) {
  const lead = await requireLead(db, note.leadId);
  const [row] = await db
    .insert(leadNotes)
    .values({
      leadId: lead.id,
      clientId: lead.clientId,
      authorUserId: note.authorUserId,
      body: note.body,
      noteType: note.noteType ?? 'general',
      isPinned: note.isPinned ?? false,
      tags: note.tags ?? [],
    })
    .returning();
  return row!;
}
