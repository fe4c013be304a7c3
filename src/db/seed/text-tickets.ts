/** Support ticket prose by category: subject, description (the customer's words) and resolution. */
import type { Rng } from './prng.js';
import { cancelNoun, money, one, type Ctx } from './text-kit.js';

type T = (c: Ctx, r: Rng) => string;
export const TICKET_TEXT: Record<string, readonly (readonly [T, T, T])[]> = {
  billing: [
    [() => 'Charged twice this month', (c, r) => `Hi, I was charged ${money(r.int(90, 400))} twice on my card for the ${c.lineName} policy. Please refund one. - ${c.first}`, () => 'Carrier confirmed a duplicate draft; refund issued to the card in 5-7 business days.'],
    [() => 'Autopay failed', () => "My autopay didn't go through and I got a late notice. I updated my bank. Can you make sure the policy won't cancel?", () => 'Took payment by phone; carrier reversed the late fee. EFT updated.'],
    [() => 'Why did my bill go up?', (c, r) => `My installment went from ${money(r.int(80, 150))} to ${money(r.int(160, 260))}. Nothing changed on my end.`, () => 'Explained renewal rate increase and removed an expired discount; re-marketing offered.'],
  ],
  claim: [
    [() => 'Need to file a claim', (c, r) => `${one(r, 'A tree fell on the fence', 'Someone broke into my car', 'Pipe burst in the basement', 'A customer slipped in the store')} last night. How do I file?`, () => 'Claim filed with the carrier; claim number sent to the client with adjuster contact.'],
    [() => 'Claim status?', (c, r) => `It's been ${r.int(2, 4)} weeks and nobody from ${c.carrier} has called me about my claim.`, () => 'Escalated to the claims supervisor; adjuster called the client the next day.'],
  ],
  policy_change: [
    [() => 'Add a vehicle', (c) => `Just bought a ${c.vehicle}. Please add it and send ID cards.`, () => 'Vehicle added, ID cards emailed, lienholder notified.'],
    [() => 'Remove a driver', () => 'My son moved out of state with his own policy. Please take him off mine.', () => 'Driver excluded/removed with proof of other insurance; premium reduced.'],
    [() => 'Change of mortgage company', (c) => `Our loan was sold to ${c.lender}. Please update.`, () => 'Mortgagee updated and evidence of insurance sent to the new lender.'],
  ],
  certificate: [
    [(c) => `COI needed for ${c.gc}`, (c) => `We start the ${c.project} job Monday. ${c.gc} needs a certificate with them as additional insured and waiver of subrogation.`, () => 'Certificate issued with AI and waiver endorsements; emailed to the GC and the client.'],
    [() => 'Certificate for new landlord', () => 'Our new landlord needs a certificate showing $2M general liability and them as additional insured.', () => 'COI issued naming the landlord as additional insured.'],
  ],
  cancellation: [
    [() => 'Cancel my policy', (_c, r) => `I sold the ${one(r, 'car', 'boat', 'house')} - please ${one(r, 'cancel', 'end')} the coverage effective today.`, () => 'Signed cancellation request received; pro-rata refund requested.'],
    [(_c, r) => `Notice of ${cancelNoun(r)} received`, (c) => `Got a letter saying my policy will be cancelled for non-payment. I thought I paid. Help! - ${c.first}`, () => 'Payment located and applied; carrier rescinded the cancellation notice.'],
  ],
  coverage_question: [
    [() => 'Is my jewelry covered?', (c, r) => `I got engaged! Is the ring (about ${money(r.int(4000, 15000))}) covered on my homeowners?`, () => 'Explained the $1,500 theft sublimit; scheduled the ring on a personal articles floater.'],
    [() => 'Rental car coverage?', () => 'Renting a car on vacation next week. Does my policy cover it or should I buy theirs?', () => 'Confirmed liability and physical damage extend to the rental; no rental reimbursement for personal trips.'],
    [() => 'Does my policy cover a home business?', () => 'I started selling baked goods from home. Am I covered?', () => 'Home business excluded; quoted an in-home business endorsement.'],
  ],
  complaint: [
    [() => 'Unhappy with service', (c, r) => `I've called ${r.int(3, 5)} times and nobody gets back to me. Very frustrated. - ${c.first} ${c.last}`, () => 'Manager called the client, apologised, assigned a dedicated CSR.'],
    [() => 'Claim denied unfairly', () => 'My claim was denied and I think it is wrong. I want someone to review it.', () => 'Requested the denial letter; explained the exclusion and the appeal process.'],
  ],
  other: [
    [() => 'Update email address', (c) => `Please update my email to ${c.first.toLowerCase()}@example.org.`, () => 'Email updated in the CRM and with the carrier.'],
    [() => 'Need a copy of my dec page', () => 'My lender asked for my declarations page. Can you send it?', () => 'Dec page emailed.'],
  ],
};
