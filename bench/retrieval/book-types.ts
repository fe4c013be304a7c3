/** The labelled book's record and story shapes, shared by book.ts and its second half book-more.ts. */

export type Kind = 'note' | 'communication' | 'ticket' | 'ai_interaction';

export interface BookRecord {
  id: string;
  /** Index into LEADS. */
  lead: number;
  kind: Kind;
  text: string;
}

/** [id, lead, kind, text, questions, related record ids (grade 1)] */
export type Story = [string, number, Kind, string, string[], string[]?];

/** A lead's line of business (an insurance_types code; commercial_gl is general_liability). */
export type LeadLine = 'auto' | 'home' | 'commercial_gl' | 'umbrella' | 'life' | 'workers_comp' | 'commercial_auto' | 'bop';
