/** The lookup lists (statuses, lines of business, communication types, campaigns) for clients and prompts. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { campaigns, communicationTypes, insuranceTypes, leadStatuses } from '../db/schema/index.js';

export const LOOKUP_NAMES = ['lead-statuses', 'insurance-types', 'communication-types', 'campaigns'] as const;
export type LookupName = (typeof LOOKUP_NAMES)[number];

/** Active rows of one lookup list, in display order. */
export async function listLookup(db: DbOrTx, name: LookupName): Promise<Record<string, unknown>[]> {
  switch (name) {
    case 'lead-statuses':
      return db
        .select({
          code: leadStatuses.code,
          name: leadStatuses.name,
          description: leadStatuses.description,
          isTerminal: leadStatuses.isTerminal,
          allowedNext: leadStatuses.allowedNext,
        })
        .from(leadStatuses)
        .where(eq(leadStatuses.isActive, true))
        .orderBy(asc(leadStatuses.sortOrder));
    case 'insurance-types':
      return db
        .select({
          code: insuranceTypes.code,
          name: insuranceTypes.name,
          category: insuranceTypes.category,
          dataField: insuranceTypes.dataField,
          description: insuranceTypes.aiPromptTemplate,
        })
        .from(insuranceTypes)
        .where(eq(insuranceTypes.isActive, true))
        .orderBy(asc(insuranceTypes.sortOrder));
    case 'communication-types':
      return db
        .select({
          code: communicationTypes.code,
          name: communicationTypes.name,
          requiresConsent: communicationTypes.requiresConsent,
          consentChannel: communicationTypes.consentChannel,
        })
        .from(communicationTypes)
        .where(eq(communicationTypes.isActive, true))
        .orderBy(asc(communicationTypes.sortOrder));
    case 'campaigns':
      return db
        .select({ code: campaigns.code, name: campaigns.name, description: campaigns.description, channel: campaigns.channel })
        .from(campaigns)
        .where(eq(campaigns.isActive, true))
        .orderBy(asc(campaigns.sortOrder));
  }
}
