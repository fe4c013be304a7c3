/**
 * Support ticket prose by category: subject, description (the customer's words) and resolution,
 * each for the lines of business it fits (a pipe burst in the basement is a home ticket, never a
 * boat's).
 */
import type { Rng } from './prng.js';
import { cancelNoun, money, one, type Ctx } from './text-kit.js';

type T = (c: Ctx, r: Rng) => string;

export interface TicketTemplate {
  /** Insurance type codes it fits, or 'any'. */
  lines: readonly string[] | 'any';
  subject: T;
  description: T;
  resolution: T;
}

const AUTO = ['auto', 'motorcycle'];
const OWNED_HOME = ['home', 'condo'];
const HOME = ['home', 'condo', 'renters'];
const STOREFRONT = ['bop', 'general_liability', 'commercial_property'];
const COMMERCIAL = ['bop', 'general_liability', 'workers_comp', 'commercial_auto', 'commercial_property'];
const LIENED = ['auto', 'motorcycle', 'boat'];

const t = (lines: TicketTemplate['lines'], subject: T, description: T, resolution: T): TicketTemplate => ({
  lines,
  subject,
  description,
  resolution,
});
const insuredThing: Record<string, string> = { auto: 'car', motorcycle: 'motorcycle', boat: 'boat', home: 'house', condo: 'condo' };

export const TICKET_TEXT: Record<string, readonly TicketTemplate[]> = {
  billing: [
    t(
      'any',
      () => 'Charged twice this month',
      (c, r) => `Hi, I was charged ${money(r.int(90, 400))} twice on my card for the ${c.lineName} policy. Please refund one. - ${c.first}`,
      () => 'Carrier confirmed a duplicate draft; refund issued to the card in 5-7 business days.',
    ),
    t(
      'any',
      () => 'Autopay failed',
      () => "My autopay didn't go through and I got a late notice. I updated my bank. Can you make sure the policy won't cancel?",
      () => 'Took payment by phone; carrier reversed the late fee. EFT updated.',
    ),
    t(
      'any',
      () => 'Why did my bill go up?',
      (_c, r) => `My installment went from ${money(r.int(80, 150))} to ${money(r.int(160, 260))}. Nothing changed on my end.`,
      () => 'Explained renewal rate increase and removed an expired discount; re-marketing offered.',
    ),
    t(
      ['workers_comp', 'general_liability'],
      () => 'Audit bill is too high',
      (_c, r) => `The premium audit came back with a ${money(r.int(2000, 14000))} bill. They counted our subcontractors as employees.`,
      () => 'Sent subcontractor certificates to the auditor; audit revised and the bill reduced.',
    ),
  ],
  claim: [
    t(
      ['home'],
      () => 'Need to file a claim',
      (_c, r) =>
        `${one(r, 'Pipe burst in the basement', 'A tree fell on the fence', 'Hail dented the gutters and siding')} last night. How do I file?`,
      () => 'Claim filed with the carrier; claim number sent to the client with adjuster contact.',
    ),
    t(
      ['condo'],
      () => 'Need to file a claim',
      () => 'Water is leaking into my unit from the condo above. Who pays for this, me or the HOA?',
      () => 'Claim filed under the unit owners policy; HOA master carrier notified for the common ceiling.',
    ),
    t(
      ['renters'],
      () => 'Apartment broken into',
      (_c, r) =>
        `Someone broke into my apartment and took ${one(r, 'my laptop and TV', 'a bike and some jewelry', 'my camera gear')}. I have the police report.`,
      () => 'Personal property claim filed with the police report; adjuster assigned.',
    ),
    t(
      AUTO,
      () => 'Need to file a claim',
      (c, r) =>
        `${one(r, 'Someone broke into my car', 'I was rear-ended at a light', 'A deer ran into me on the highway')} last night. The ${c.vehicle} needs repairs. How do I file?`,
      () => 'Claim filed with the carrier; claim number sent to the client with adjuster contact.',
    ),
    t(
      ['boat'],
      () => 'Boat damaged at the dock',
      (_c, r) =>
        `The storm pushed my boat into the dock; ${one(r, 'the hull is cracked', 'the outboard got swamped', 'the canvas top is torn')}. How do I start a claim?`,
      () => 'Marine claim filed; surveyor scheduled at the marina.',
    ),
    t(
      ['flood'],
      () => 'Flood water in the house',
      () => 'After the storm we had water up to the baseboards on the first floor. Do I file with flood or homeowners?',
      () => 'Flood claim filed with the NFIP carrier; adjuster visit set; told the client to photograph everything before removal.',
    ),
    t(
      ['umbrella'],
      () => 'We are being sued',
      () => "A neighbor's kid was hurt on our trampoline and their lawyer sent a letter. Does the umbrella cover this?",
      () => 'Notified the home carrier (primary) and the umbrella carrier; defense counsel assigned.',
    ),
    t(
      ['life'],
      () => 'Death claim',
      () => 'My father passed away last week. He had a life policy through you. What do we need to file?',
      () => 'Sent the claimant statement; death certificate received; claim submitted to the carrier.',
    ),
    t(
      STOREFRONT,
      () => 'Customer fell in the store',
      () => 'A customer slipped on a wet floor near the entrance and says she hurt her wrist. What do we do?',
      () => 'General liability claim reported; adjuster contacted the customer; incident report on file.',
    ),
    t(
      ['workers_comp'],
      () => 'Employee hurt on the job',
      (_c, r) =>
        `One of our guys ${one(r, 'fell off a ladder', 'cut his hand on a saw', 'hurt his back lifting')} today. He is at urgent care.`,
      () => 'First report of injury filed with the carrier; nurse case manager assigned.',
    ),
    t(
      ['commercial_auto'],
      () => 'Truck accident',
      () => 'Our driver backed into a parked car at a delivery stop. Nobody was hurt. How do we report it?',
      () => 'Commercial auto claim filed; driver statement and photos sent to the adjuster.',
    ),
    t(
      'any',
      () => 'Claim status?',
      (c, r) => `It's been ${r.int(2, 4)} weeks and nobody from ${c.carrier} has called me about my claim.`,
      () => 'Escalated to the claims supervisor; adjuster called the client the next day.',
    ),
  ],
  policy_change: [
    t(
      AUTO,
      () => 'Add a vehicle',
      (c) => `Just bought a ${c.vehicle}. Please add it and send ID cards.`,
      () => 'Vehicle added, ID cards emailed, lienholder notified.',
    ),
    t(
      ['auto'],
      () => 'Remove a driver',
      () => 'My son moved out of state with his own policy. Please take him off mine.',
      () => 'Driver excluded/removed with proof of other insurance; premium reduced.',
    ),
    t(
      OWNED_HOME,
      () => 'Change of mortgage company',
      (c) => `Our loan was sold to ${c.lender}. Please update.`,
      () => 'Mortgagee updated and evidence of insurance sent to the new lender.',
    ),
    t(
      ['renters'],
      () => 'Moving to a new apartment',
      () => 'I am moving across town on the 1st. Can the renters policy move with me?',
      () => 'Address updated effective the move date; new declarations sent.',
    ),
    t(
      ['boat'],
      () => 'Add the trailer',
      () => 'I bought a new trailer for the boat. Can you add it to the policy?',
      () => 'Trailer added to the boat policy; updated declarations emailed.',
    ),
    t(
      ['life'],
      () => 'Change beneficiary',
      () => 'I want to add my daughter as a beneficiary on my life policy.',
      () => 'Beneficiary change form sent and signed; carrier confirmed the change.',
    ),
    t(
      COMMERCIAL,
      () => 'Add a new location',
      (c) => `We are opening a second location in ${c.city} next month. What do you need from us?`,
      () => 'Location added with building and contents limits; endorsement issued.',
    ),
    t(
      ['commercial_auto'],
      () => 'Add a truck to the fleet',
      () => 'We bought another box truck. Please add it before Monday.',
      () => 'Unit added to the schedule; auto ID card sent.',
    ),
  ],
  certificate: [
    t(
      ['general_liability', 'bop', 'workers_comp'],
      (c) => `COI needed for ${c.gc}`,
      (c) => `We start the ${c.project} job Monday. ${c.gc} needs a certificate with them as additional insured and waiver of subrogation.`,
      () => 'Certificate issued with AI and waiver endorsements; emailed to the GC and the client.',
    ),
    t(
      COMMERCIAL,
      () => 'Certificate for new landlord',
      () => 'Our new landlord needs a certificate showing $2M general liability and them as additional insured.',
      () => 'COI issued naming the landlord as additional insured.',
    ),
    t(
      [...OWNED_HOME, 'flood'],
      () => 'Evidence of insurance for the lender',
      (c) => `We are refinancing with ${c.lender}. They need evidence of insurance by Friday.`,
      () => 'Evidence of property insurance sent to the lender.',
    ),
    t(
      LIENED,
      () => 'Proof of insurance for the lender',
      (c) => `${c.lender} says they have no proof of insurance on file. Can you send it?`,
      () => 'Proof of insurance with the lienholder listed sent to the lender.',
    ),
  ],
  cancellation: [
    t(
      ['auto', 'motorcycle', 'boat', 'home', 'condo'],
      () => 'Cancel my policy',
      (c, r) => `I sold the ${insuredThing[c.line] ?? 'property'} - please ${one(r, 'cancel', 'end')} the coverage effective today.`,
      () => 'Signed cancellation request received; pro-rata refund requested.',
    ),
    t(
      COMMERCIAL,
      () => 'Closing the business',
      () => 'We are closing the shop at the end of the month. How do we cancel?',
      () => 'Cancellation request signed; return premium requested from the carrier.',
    ),
    t(
      'any',
      (_c, r) => `Notice of ${cancelNoun(r)} received`,
      (c) => `Got a letter saying my policy will be cancelled for non-payment. I thought I paid. Help! - ${c.first}`,
      () => 'Payment located and applied; carrier rescinded the cancellation notice.',
    ),
  ],
  coverage_question: [
    t(
      HOME,
      () => 'Is my jewelry covered?',
      (_c, r) => `I got engaged! Is the ring (about ${money(r.int(4000, 15000))}) covered on my policy?`,
      () => 'Explained the $1,500 theft sublimit; scheduled the ring on a personal articles floater.',
    ),
    t(
      ['auto'],
      () => 'Rental car coverage?',
      () => 'Renting a car on vacation next week. Does my policy cover it or should I buy theirs?',
      () => 'Confirmed liability and physical damage extend to the rental; no rental reimbursement for personal trips.',
    ),
    t(
      HOME,
      () => 'Does my policy cover a home business?',
      () => 'I started selling baked goods from home. Am I covered?',
      () => 'Home business excluded; quoted an in-home business endorsement.',
    ),
    t(
      ['motorcycle'],
      () => 'Passenger coverage?',
      () => 'My wife is going to ride with me this summer. Is she covered if we crash?',
      () => 'Confirmed guest passenger liability; medical payments limit explained.',
    ),
    t(
      ['boat'],
      () => 'Covered while towing?',
      () => 'Am I covered while towing the boat to the lake, or is that my car policy?',
      () => 'Explained the split: auto liability while towing, boat policy for the boat and trailer.',
    ),
    t(
      ['flood'],
      () => 'What does flood cover?',
      () => 'Does my flood policy cover the finished basement and the furniture down there?',
      () => 'Explained NFIP basement limits: only listed items; quoted excess flood.',
    ),
    t(
      ['umbrella'],
      () => 'Rental property on the umbrella?',
      () => 'We bought a rental house. Does the umbrella cover it?',
      () => 'Added the rental to the underlying schedule; umbrella extended.',
    ),
    t(
      ['life'],
      () => 'Can I convert my term policy?',
      () => 'Can I convert my term life to permanent without another exam?',
      () => 'Confirmed the conversion option until age 70; sent illustrations.',
    ),
    t(
      COMMERCIAL,
      () => 'Are we covered for a data breach?',
      () => 'A competitor got hacked. Does our policy cover a data breach?',
      () => 'No cyber coverage on the BOP; quoted a standalone cyber policy.',
    ),
    t(
      ['workers_comp'],
      () => 'Are subcontractors covered?',
      () => 'Do our subs need their own workers comp, or are they covered under ours?',
      () => 'Explained uninsured subcontractor charges at audit; asked for subs certificates.',
    ),
  ],
  complaint: [
    t(
      'any',
      () => 'Unhappy with service',
      (c, r) => `I've called ${r.int(3, 5)} times and nobody gets back to me. Very frustrated. - ${c.first} ${c.last}`,
      () => 'Manager called the client, apologised, assigned a dedicated CSR.',
    ),
    t(
      'any',
      () => 'Claim denied unfairly',
      () => 'My claim was denied and I think it is wrong. I want someone to review it.',
      () => 'Requested the denial letter; explained the exclusion and the appeal process.',
    ),
  ],
  other: [
    t(
      'any',
      () => 'Update email address',
      (c) => `Please update my email to ${c.first.toLowerCase()}@example.org.`,
      () => 'Email updated in the CRM and with the carrier.',
    ),
    t(
      'any',
      () => 'Need a copy of my dec page',
      () => 'Someone asked for my declarations page. Can you send it?',
      () => 'Dec page emailed.',
    ),
  ],
};

const fits = (tpl: TicketTemplate, line: string) => tpl.lines === 'any' || tpl.lines.includes(line);

/** Ticket templates of a category that fit a line. */
export function ticketTemplates(category: string, line: string): TicketTemplate[] {
  return (TICKET_TEXT[category] ?? []).filter((tpl) => fits(tpl, line));
}

/** Categories with at least one template for the line (every line has billing, complaint, other). */
export function ticketCategoriesFor(line: string): string[] {
  return Object.keys(TICKET_TEXT).filter((cat) => ticketTemplates(cat, line).length > 0);
}
