/** Renders prompts/agent-system.md for the acting user, with today's date in the agency's zone. */
import type { Actor } from '../crm/access/actor.js';
import { FENCE_NOTICE } from '../crm/views/fence.js';
import { prompt } from '../prompts.js';

export interface SystemPromptInput {
  actor: Pick<Actor, 'fullName' | 'handle' | 'role' | 'timezone'>;
  agencyTimezone: string;
  businessHours: readonly [number, number];
  now: Date;
  /** Old messages dropped from the thread to fit the token budget. */
  dropped: number;
}

const hour = (h: number) => (h === 0 ? '12am' : h < 12 ? `${h}am` : h === 12 ? '12pm' : `${h - 12}pm`);

export function systemPrompt(input: SystemPromptInput): string {
  const today = new Intl.DateTimeFormat('en-US', {
    timeZone: input.agencyTimezone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(input.now);
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone: input.agencyTimezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(input.now);
  return prompt('agentSystem', {
    userName: input.actor.fullName,
    userHandle: input.actor.handle,
    userRole: input.actor.role,
    userTimezone: input.actor.timezone,
    today: `${today} (${iso})`,
    agencyTimezone: input.agencyTimezone,
    businessHours: `${hour(input.businessHours[0])} and ${hour(input.businessHours[1])}`,
    fenceNotice: FENCE_NOTICE,
    historyNote: input.dropped
      ? `The oldest ${input.dropped} messages of this conversation were dropped to fit your context; if you need something from them, ask the user.`
      : '',
  });
}
