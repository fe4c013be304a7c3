/** The slot values a prose template can use, and small helpers for varied wording. */
import type { Rng } from './prng.js';

export const AGENCY = 'Northstar Insurance Group';

export interface Ctx {
  /** Person we deal with (named insured, or the business contact). */
  first: string;
  last: string;
  /** Client display name (person or business). */
  client: string;
  business: string | null;
  spouse: string | null;
  teen: string | null;
  producer: string;
  line: string;
  lineName: string;
  carrier: string;
  newCarrier: string;
  premium: number;
  quoted: number;
  xDate: string;
  city: string;
  state: string;
  vehicle: string;
  lender: string;
  roofYear: number;
  gc: string;
  project: string;
}

/** One of the arguments, chosen by the generator. */
export const one = (r: Rng, ...xs: string[]): string => r.pick(xs);
export const money = (n: number): string => `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export const vehicleWord = (r: Rng) => one(r, 'vehicle', 'car', 'truck', 'SUV', 'auto', 'ride');
/** Verb: "will ___ your policy". */
export const cancelVerb = (r: Rng) => one(r, 'cancel', 'terminate', 'end');
/** Noun: "a notice of ___". */
export const cancelNoun = (r: Rng) => one(r, 'cancellation', 'cancelation', 'termination', 'intent to cancel');
export const priceWord = (r: Rng) => one(r, 'premium', 'rate', 'price', 'cost');
export const quoteWord = (r: Rng) => one(r, 'quote', 'proposal', 'pricing', 'comparison');
export const homeWord = (r: Rng) => one(r, 'home', 'house', 'homeowners', 'property');

const NEXT_STEPS: readonly ((c: Ctx, r: Rng) => string)[] = [
  (c) => `Follow up before the x-date (${c.xDate}).`,
  (c, r) => `Will call ${c.first} back ${one(r, 'tomorrow morning', 'Thursday afternoon', 'early next week', 'after the weekend')}.`,
  () => 'Set a task to check on it in a week.',
  (c) => `Sent a recap email to ${c.first}.`,
  (_c, r) => one(r, 'Updated the file.', 'Documents saved to the client folder.', 'No action needed for now.', 'Noted on the account.'),
  (c, r) =>
    `${c.first} ${one(r, 'prefers texts', 'prefers email', 'is easiest to reach after 5 pm', 'asked us not to call during work hours')}.`,
  (c) => `Compare against ${c.carrier} renewal once it arrives.`,
];

/** A next-step sentence to end notes with, sometimes none. */
export function tail(c: Ctx, r: Rng): string {
  return r.chance(0.7) ? ` ${r.pick(NEXT_STEPS)(c, r)}` : '';
}
