/**
 * Ticket priority from what the customer says (urgency signals, deadlines, "no rush"), the
 * category, the tone, and what the agency knows about the customer (lapse date, open claim).
 * Follows the triage prompt's definitions: urgent for anyone hurt, fire, flood or anything legal;
 * high for a loss to report, a lapse risk, a complaint or a wish to cancel; low for requests
 * with no deadline; normal otherwise. Pure.
 */
import type { PRIORITIES } from '../../../db/schema/index.js';
import type { CustomerState } from './customer-state.js';
import type { TicketCategory, UrgencySignal } from './patterns.js';

export type TicketPriority = (typeof PRIORITIES)[number];

/** What the text says about timing, found by the classifier. */
export interface TimingCues {
  /** Asks for speed ("asap", "urgente") or names a deadline of today or tomorrow. */
  speed: boolean;
  /** Says there is no hurry ("no rush", "just curious", "no es urgente"). */
  noRush: boolean;
  /** The message is thanks, not a request. */
  gratitude: boolean;
}

/** A carrier's notice period for non-payment is commonly 10 days: a lapse this close is a risk now. */
export const LAPSE_RISK_DAYS = 10;
/** A lapse further back than this is history, not an emergency. */
const LAPSED_RECENTLY_DAYS = 60;

const ORDER: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const bump = (p: TicketPriority): TicketPriority => ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(p) + 1)]!;

/** Priority with the reasons that set it. */
export function priorityFor(
  category: TicketCategory,
  signals: readonly UrgencySignal[],
  timing: TimingCues,
  sentiment: number,
  state: CustomerState,
): { priority: TicketPriority; reasons: string[] } {
  const reasons: string[] = [];
  // A thank-you note reports past events; nothing in it waits on us.
  if (timing.gratitude) return { priority: 'low', reasons: ['low: thanks, no request'] };
  const safetyOrLegal = signals.filter((s) => s.startsWith('safety_') || s.startsWith('legal_'));
  if (safetyOrLegal.length) return { priority: 'urgent', reasons: [`urgent: ${safetyOrLegal.join(', ')}`] };
  const lapse = state.lapseInDays;
  if (lapse !== null && lapse < 0 && lapse >= -LAPSED_RECENTLY_DAYS && category !== 'cancellation')
    return { priority: 'urgent', reasons: [`urgent: policy lapsed ${-lapse} day(s) ago`] };
  const high = signals.filter((s) => s === 'loss_event' || s.startsWith('lapse_'));
  if (high.length) reasons.push(`high: ${high.join(', ')}`);
  if (lapse !== null && lapse >= 0 && lapse <= LAPSE_RISK_DAYS) reasons.push(`high: policy lapses in ${lapse} day(s)`);
  if (category === 'complaint' || category === 'cancellation')
    reasons.push(`high: ${category === 'complaint' ? 'complaint' : 'retention risk (cancellation)'}`);
  if (sentiment <= -0.6) reasons.push(`high: very negative sentiment (${sentiment})`);
  if (state.openClaim && sentiment < 0 && (category === 'claim' || category === 'complaint'))
    reasons.push('high: unhappy about an open claim');
  let priority: TicketPriority = reasons.length
    ? 'high'
    : (category === 'other' || category === 'coverage_question') && !signals.length
      ? 'low'
      : 'normal';
  if (timing.speed) {
    priority = bump(priority === 'low' ? 'normal' : priority);
    reasons.push(`raised to ${priority}: customer asks for speed`);
  } else if (timing.noRush && priority === 'normal') {
    priority = 'low';
    reasons.push('low: customer says there is no hurry');
  }
  return { priority, reasons };
}
