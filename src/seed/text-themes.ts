/**
 * Story themes for notes and communications. Each theme is a situation an agency meets every
 * week, written in several variants with slot values and synonyms, so full-text and semantic
 * search have varied, realistic prose to find.
 */
import type { Rng } from './prng.js';
import { cancelNoun, cancelVerb, homeWord, money, one, priceWord, quoteWord, vehicleWord, type Ctx } from './text-kit.js';

type T = (c: Ctx, r: Rng) => string;

export interface Theme {
  key: string;
  /** Insurance type codes it fits, or 'any'. */
  lines: readonly string[] | 'any';
  noteType: 'general' | 'underwriting' | 'claim_history' | 'coverage' | 'call_summary';
  tags: readonly string[];
  notes: readonly T[];
  /** Email subject and body. */
  emails: readonly (readonly [T, T])[];
  /** A short phrase: "about <gist>", for texts, voicemails and call outcomes. */
  gist: readonly T[];
}

const AUTO = ['auto', 'motorcycle'];
const HOME = ['home', 'condo', 'renters'];
const OWNED_HOME = ['home', 'condo'];
const COMMERCIAL = ['bop', 'general_liability', 'commercial_auto', 'workers_comp', 'commercial_property'];
const CONTRACTOR_LINES = ['general_liability', 'bop', 'workers_comp'];

export const THEMES: readonly Theme[] = [
  {
    key: 'teen_driver',
    lines: ['auto'],
    noteType: 'underwriting',
    tags: ['teen-driver', 'add-driver'],
    notes: [
      (c, r) =>
        `${c.first} called to add ${c.teen ?? 'their teenager'} to the auto policy; ${one(r, 'just passed the road test', 'got a license last week', 'finished driver ed')}. Discussed the good student discount (needs a B average, send a report card) and the driver training credit. Estimated ${priceWord(r)} increase about ${money(r.int(900, 2400))}/yr.`,
      (c, r) =>
        `Teen driver added: ${c.teen ?? 'son'} will mostly drive the older ${vehicleWord(r)}. Recommended assigning the teen to the ${c.vehicle} only if it's the cheaper vehicle to rate. Mentioned telematics program for young drivers.`,
      (c, r) =>
        `New young driver in the household (${c.teen ?? 'daughter'}, 16). ${c.carrier} quoted ${money(r.int(1100, 2600))} more per year; shopping it. Asked about raising deductibles to offset.`,
    ],
    emails: [
      [
        (c) => `Adding ${c.teen ?? 'your new driver'} to your auto policy`,
        (c, r) =>
          `Thanks for letting us know ${c.teen ?? 'your teen'} is licensed. To finish the change we need the license number and a recent report card for the good student discount. The added ${priceWord(r)} is about ${money(r.int(70, 200))} a month.`,
      ],
      [
        () => 'Good student discount - report card needed',
        (c) =>
          `Could you send a copy of ${c.teen ?? 'the'}'s latest report card? A B average or better takes up to 15% off the young driver's rate.`,
      ],
    ],
    gist: [(c) => `adding ${c.teen ?? 'the new teen driver'} to the policy`, () => 'the teen driver and the good student discount'],
  },
  {
    key: 'dui',
    lines: AUTO,
    noteType: 'underwriting',
    tags: ['violation', 'dui', 'sr22'],
    notes: [
      (c, r) =>
        `MVR came back with a DUI for ${c.first} from ${one(r, 'last spring', '2024', 'two years ago', '18 months ago')}. Preferred carriers decline; ${c.state} requires an SR-22 for 3 years. Will place with a nonstandard carrier and re-shop once the violation ages off.`,
      (c, r) =>
        `Underwriting flagged a driving-under-the-influence conviction on the ${one(r, 'motor vehicle report', 'MVR', 'driving record')}. ${c.first} says it was reduced to reckless driving; asked for the court disposition to dispute the surcharge.`,
      (c) =>
        `${c.first} disclosed a DWI arrest. Explained the SR-22 filing and that the ${c.carrier} renewal will likely non-renew. Quoting nonstandard markets before the x-date.`,
    ],
    emails: [
      [
        () => 'SR-22 filing and your auto coverage',
        (c) =>
          `Hi ${c.first}, because of the DUI on your record the state needs an SR-22 certificate from your insurer. We filed it today; keep the policy active without a lapse for three years.`,
      ],
    ],
    gist: [() => 'the SR-22 filing', () => 'the violation on the driving record'],
  },
  {
    key: 'new_vehicle',
    lines: AUTO,
    noteType: 'general',
    tags: ['add-vehicle'],
    notes: [
      (c, r) =>
        `${c.first} bought a new ${vehicleWord(r)} (${c.vehicle}) ${one(r, 'today', 'over the weekend', 'yesterday')}; dealership needs proof of insurance before delivery. Added it with $500 comp / $1,000 collision, ${c.lender} as lienholder. Emailed ID cards.`,
      (c, r) =>
        `Swapping the old ${vehicleWord(r)} for a ${c.vehicle}. Financed, so full coverage and gap are required by the lender. ${priceWord(r)} goes up about ${money(r.int(20, 60))}/month.`,
      (c, r) =>
        `Adding a ${one(r, 'truck', 'pickup', 'work truck')} for ${c.spouse ?? c.first}: ${c.vehicle}, used for commuting ~${r.int(8, 16)}k miles a year. Needs the VIN to finish; asked ${c.first} to text a photo of the window sticker.`,
    ],
    emails: [
      [
        (c) => `ID cards for your ${c.vehicle}`,
        (c, r) =>
          `Your new ${vehicleWord(r)} is added as of today. Attached are your ID cards and the evidence of insurance for ${c.lender}. Drive safe!`,
      ],
    ],
    gist: [(c) => `adding the ${c.vehicle}`, (_c, r) => `the new ${vehicleWord(r)}`],
  },
  {
    key: 'accident',
    lines: AUTO,
    noteType: 'claim_history',
    tags: ['claim', 'accident'],
    notes: [
      (c, r) =>
        `${c.first} was rear-ended at a light; ${one(r, 'no injuries', 'neck soreness, going to urgent care', 'airbags deployed but everyone is OK')}. The other driver's carrier accepted liability. Gave claim number and rental options.`,
      (c, r) =>
        `At-fault fender bender in a parking lot, about ${money(r.int(1800, 6500))} damage to the ${vehicleWord(r)}. Explained the accident surcharge and that paying out of pocket may be cheaper under ${money(2000)}.`,
      (c, r) =>
        `Hit a deer on the highway; comprehensive claim, not at fault. Glass and front bumper on the ${c.vehicle}. ${one(r, 'Tow arranged.', 'Drivable.', 'Shop estimate pending.')}`,
    ],
    emails: [
      [
        () => 'Your claim: next steps',
        (c) =>
          `Sorry to hear about the accident, ${c.first}. Your claim is open with ${c.carrier}. An adjuster will call within one business day; keep receipts for the rental and towing.`,
      ],
    ],
    gist: [() => 'the accident claim', () => 'the collision and the rental car'],
  },
  {
    key: 'roof',
    lines: OWNED_HOME,
    noteType: 'underwriting',
    tags: ['roof', 'inspection'],
    notes: [
      (c, r) =>
        `Roof is from ${c.roofYear} (${one(r, 'three-tab shingles', 'architectural shingles', 'original roof')}). ${c.carrier} requires a roof replacement or an ACV roof endorsement at renewal. ${c.first} got a bid of ${money(r.int(9000, 24000))} and plans to re-roof ${one(r, 'this fall', 'before spring', 'next month')}; send the new roof year to underwriting.`,
      (c, r) =>
        `Inspection photos show ${one(r, 'granule loss and curling shingles', 'missing shingles on the north slope', 'a worn roof with some hail bruising')}. Underwriter wants a roofer's certification of remaining life (5+ years) or a replacement.`,
      (c, r) =>
        `Good news: ${c.first} replaced the roof (${one(r, 'impact-resistant class 4 shingles', 'new metal roof', 'architectural shingles')}) in ${c.roofYear}. Should earn a roof credit and wind mitigation discount; requesting the invoice and permit.`,
    ],
    emails: [
      [
        () => 'Roof update needed for your homeowners renewal',
        (c, r) =>
          `Hi ${c.first}, the carrier asked for the roof's age and condition before renewing your ${homeWord(r)} policy. If you replaced it, please send the invoice; a newer roof usually lowers the ${priceWord(r)}.`,
      ],
    ],
    gist: [() => 'the roof replacement', () => 'the roof inspection'],
  },
  {
    key: 'water_claim',
    lines: HOME,
    noteType: 'claim_history',
    tags: ['claim', 'water-damage'],
    notes: [
      (c, r) =>
        `Water damage claim: ${one(r, 'supply line under the kitchen sink burst', 'the water heater leaked into the garage and laundry room', 'upstairs toilet overflowed into the ceiling below')}. Mitigation company (${one(r, 'ServPro', 'a local restoration company')}) is drying it out. ${money(1000)} deductible; adjuster visit ${one(r, 'Friday', 'Monday', 'this week')}.`,
      (c, r) =>
        `Prior loss disclosed: ${r.int(2019, 2025)} water claim, paid ${money(r.int(6000, 32000))}. Some carriers surcharge a water loss for 3-5 years; mentioned water leak sensors for a credit.`,
      (c) =>
        `${c.first} asked whether mold from the slow leak behind the shower is covered. Explained sudden and accidental vs. long-term seepage; mold limited to ${money(10000)}.`,
    ],
    emails: [
      [
        () => 'Water damage claim - what to expect',
        (c) =>
          `Hi ${c.first}, your water claim is filed. Take photos, keep damaged materials until the adjuster sees them, and save receipts for the drying company and any hotel stay.`,
      ],
    ],
    gist: [() => 'the water damage claim', () => 'the leak and the adjuster visit'],
  },
  {
    key: 'hail_wind',
    lines: [...OWNED_HOME, 'commercial_property', 'bop'],
    noteType: 'claim_history',
    tags: ['claim', 'hail', 'wind'],
    notes: [
      (c, r) =>
        `Hail storm went through ${c.city} ${one(r, 'last night', 'on Tuesday', 'over the weekend')}; ${c.first} reports dented gutters and possible roof damage. Wind/hail deductible is a percentage of coverage A; explained the out-of-pocket before filing.`,
      (c, r) =>
        `Wind took down a fence and part of the ${one(r, 'shingles', 'siding', 'carport')}. Filed the claim; contractor estimate ${money(r.int(4000, 18000))}.`,
    ],
    emails: [
      [
        () => 'Storm damage: filing a claim',
        (c) =>
          `Hi ${c.first}, after the storm in ${c.city} we can file a claim for you. Your wind/hail deductible applies, so please get a contractor estimate first.`,
      ],
    ],
    gist: [() => 'the hail damage', () => 'the storm claim'],
  },
  {
    key: 'bundle',
    lines: ['auto', 'home', 'condo', 'renters', 'umbrella'],
    noteType: 'coverage',
    tags: ['bundle', 'cross-sell', 'discount'],
    notes: [
      (c, r) =>
        `Offered a home and auto bundle with ${c.newCarrier}: multi-policy discount about ${r.int(12, 25)}%, total ${money(c.quoted)} vs ${money(c.premium)} today. ${c.first} likes having everything in one place.`,
      (c, r) =>
        `${c.first} has ${homeWord(r)} with us but auto with ${c.carrier}. Bundling would save roughly ${money(r.int(300, 900))}/yr; asked for the auto declarations page to quote.`,
      () => `Cross-sell: quoted an umbrella along with the package. With the bundle discount the umbrella is nearly free. Sent comparison.`,
    ],
    emails: [
      [
        (c) => `Bundle proposal for ${c.client}`,
        (c, r) =>
          `Hi ${c.first}, putting your ${homeWord(r)} and auto together with ${c.newCarrier} brings the total to ${money(c.quoted)} a year, with the multi-policy discount included. Happy to walk through it.`,
      ],
    ],
    gist: [() => 'the bundling discount', () => 'putting home and auto together'],
  },
  {
    key: 'nonpay_cancel',
    lines: 'any',
    noteType: 'general',
    tags: ['billing', 'cancellation', 'non-payment'],
    notes: [
      (c, r) =>
        `Carrier sent a notice of ${cancelNoun(r)} for non-payment, effective in 10 days. ${c.first} says the autopay card expired. Took a payment of ${money(r.int(120, 900))} by phone and asked ${c.carrier} to rescind the cancellation with no lapse.`,
      (c, r) =>
        `Policy ${one(r, 'cancelled', 'canceled', 'lapsed')} for non-payment on the ${r.int(2, 28)}th. Reinstatement requires a no-loss statement and the past-due ${priceWord(r)}. ${c.first} promised to pay today.`,
      () => `Pending cancellation for nonpayment: two missed installments. Set up EFT so it does not happen again.`,
    ],
    emails: [
      [
        () => 'Action needed: payment past due',
        (c, r) =>
          `Hi ${c.first}, ${c.carrier} will ${cancelVerb(r)} your policy for non-payment unless the past-due balance is paid. You can pay online or call us and we'll take it over the phone.`,
      ],
    ],
    gist: [() => 'the past-due payment', (_c, r) => `the ${cancelNoun(r)} notice for non-payment`],
  },
  {
    key: 'rate_increase',
    lines: 'any',
    noteType: 'general',
    tags: ['renewal', 'remarket', 'rate-increase'],
    notes: [
      (c, r) =>
        `Renewal from ${c.carrier} came in ${r.int(12, 38)}% higher (${money(c.premium)}). ${c.first} wants us to shop it before the x-date ${c.xDate}.`,
      (c, r) =>
        `${c.first} is unhappy with the ${priceWord(r)} going up again with no claims. Remarketing with ${c.newCarrier} and two others.`,
      (c, r) =>
        `Shopping the ${c.lineName} renewal. Current ${priceWord(r)} ${money(c.premium)}; best ${quoteWord(r)} so far ${money(c.quoted)} with ${c.newCarrier}, similar coverage.`,
    ],
    emails: [
      [
        (c) => `Your ${c.lineName} renewal: we're shopping it`,
        (c) =>
          `Hi ${c.first}, we saw the renewal from ${c.carrier}. We're getting quotes from other carriers and will have options before ${c.xDate}.`,
      ],
    ],
    gist: [() => 'the renewal increase', (c) => `shopping the ${c.lineName} renewal`],
  },
  {
    key: 'quote_presented',
    lines: 'any',
    noteType: 'general',
    tags: ['quote'],
    notes: [
      (c, r) =>
        `Presented the ${quoteWord(r)}: ${c.newCarrier} at ${money(c.quoted)} vs ${money(c.premium)} with ${c.carrier}. ${c.first} ${one(r, 'wants to think it over', 'liked the higher liability limits', 'asked to lower the deductible and re-run', 'is ready to move forward')}.`,
      (c) =>
        `Ran ${c.lineName} rates with four carriers; ${c.newCarrier} best at ${money(c.quoted)}. Emailed side-by-side comparison to ${c.first}.`,
    ],
    emails: [
      [
        (c) => `Your ${c.lineName} quote from ${c.newCarrier}`,
        (c, r) =>
          `Hi ${c.first}, attached is your ${quoteWord(r)}. ${c.newCarrier} comes in at ${money(c.quoted)} per year. Let us know if you'd like to adjust limits or deductibles.`,
      ],
    ],
    gist: [() => 'the quote', (c) => `the ${c.newCarrier} quote`],
  },
  {
    key: 'lost_price',
    lines: 'any',
    noteType: 'general',
    tags: ['lost', 'competitor'],
    notes: [
      (c, r) =>
        `${c.first} went with ${one(r, 'a captive agent', 'a direct writer online', 'a cheaper carrier', "their brother-in-law's agency")} - beat our ${quoteWord(r)} by about ${money(r.int(80, 600))}. Revisit before next x-date.`,
      (c) => `Lost on price. ${c.carrier} matched at renewal. Left the door open; ${c.first} was friendly.`,
    ],
    emails: [
      [
        () => 'Thanks for considering us',
        (c) => `Hi ${c.first}, thanks for the chance to quote. If anything changes before next renewal, we're here.`,
      ],
    ],
    gist: [() => 'their decision', () => 'staying with the current carrier'],
  },
  {
    key: 'coi_gc',
    lines: CONTRACTOR_LINES,
    noteType: 'general',
    tags: ['certificate', 'coi', 'additional-insured'],
    notes: [
      (c, r) =>
        `${c.first} needs a certificate of insurance for ${c.gc} on the ${c.project} job: additional insured, primary & non-contributory, waiver of subrogation. ${one(r, 'Issued the COI same day.', 'Checked the endorsements on the GL first.', 'GC wants $2M aggregate; we have it.')}`,
      (c) => `COI request from ${c.gc}'s office for ${c.business ?? c.client}. Sent certificate with blanket AI endorsement attached.`,
      (c, r) =>
        `General contractor (${c.gc}) rejected the certificate: needs per-project aggregate and ${one(r, 'ongoing and completed operations AI', 'a 30-day notice of cancellation', 'umbrella listed')}. Asked ${c.carrier} for the endorsement.`,
    ],
    emails: [
      [
        (c) => `Certificate of insurance - ${c.gc}`,
        (c) =>
          `Hi ${c.first}, attached is the certificate for ${c.gc} (${c.project}). It lists them as additional insured with waiver of subrogation.`,
      ],
    ],
    gist: [(c) => `the certificate for ${c.gc}`, () => 'the COI request'],
  },
  {
    key: 'wc_audit',
    lines: ['workers_comp', 'general_liability', 'bop'],
    noteType: 'underwriting',
    tags: ['audit', 'payroll', 'workers-comp'],
    notes: [
      (c, r) =>
        `Workers comp premium audit for last term: auditor found ${money(r.int(40000, 220000))} paid to subcontractors without certificates, counted as payroll. Additional premium of ${money(r.int(2000, 14000))} due. Reminded ${c.first} to collect COIs from every sub.`,
      (c, r) =>
        `Audit came back in their favor - payroll was lower than estimated; return premium of ${money(r.int(600, 5000))}. Adjusted estimated payroll for renewal.`,
      (c) => `Payroll audit scheduled; ${c.first} to send quarterly 941s, payroll by class code and subcontractor certificates.`,
    ],
    emails: [
      [
        () => 'Workers comp audit - documents needed',
        (c) =>
          `Hi ${c.first}, the carrier's auditor will review last year's payroll. Please gather payroll reports by class, 941s and certificates of insurance for any subcontractors.`,
      ],
    ],
    gist: [() => 'the workers comp audit', () => 'the payroll audit'],
  },
  {
    key: 'commercial_growth',
    lines: COMMERCIAL,
    noteType: 'underwriting',
    tags: ['exposure-change'],
    notes: [
      (c, r) =>
        `${c.business ?? c.client} is ${one(r, 'opening a second location', 'adding three employees', 'buying two more trucks', 'taking on a large commercial contract')}. Updating revenue and payroll estimates; may need higher limits.`,
      (c, r) =>
        `Renovation at the main location: adding a sprinkler system and new electrical. Should improve the property ${priceWord(r)}. Asked for completion date.`,
      (c) => `Reviewed class codes with ${c.first}; part of the work is commercial now. Reclassifying to avoid an audit surprise.`,
    ],
    emails: [
      [
        () => 'Updating your business exposures',
        (c) =>
          `Hi ${c.first}, with the changes at ${c.business ?? 'the business'} we should update revenue, payroll and locations on the policy. Could you confirm the new figures?`,
      ],
    ],
    gist: [() => 'the business changes', () => 'updating payroll and revenue'],
  },
  {
    key: 'fleet_mvr',
    lines: ['commercial_auto'],
    noteType: 'underwriting',
    tags: ['fleet', 'mvr', 'drivers'],
    notes: [
      (c, r) =>
        `Underwriter ran MVRs on all drivers; one driver has ${one(r, 'two speeding tickets', 'a preventable accident', 'a suspended license')} and must be excluded. Asked ${c.first} for an updated driver list.`,
      (c, r) => `Adding a box truck to the fleet; radius ${r.int(50, 300)} miles. Hired and non-owned auto stays on.`,
    ],
    emails: [
      [
        () => 'Driver list for your commercial auto',
        (c) => `Hi ${c.first}, please send names, dates of birth and license numbers for every employee who drives for the business.`,
      ],
    ],
    gist: [() => 'the driver list', () => 'the fleet update'],
  },
  {
    key: 'umbrella_rec',
    lines: ['umbrella', 'auto', 'home'],
    noteType: 'coverage',
    tags: ['umbrella', 'liability'],
    notes: [
      (c, r) =>
        `Recommended a ${r.pick(['$1M', '$2M'])} personal umbrella: ${one(r, 'teen driver in the house', 'pool in the backyard', 'rental property', 'high net worth')}. Underlying auto needs 250/500 and home 300k liability.`,
      (c) =>
        `${c.first} asked what an umbrella covers; explained excess liability over auto and home, plus some coverages they don't have (libel, slander).`,
    ],
    emails: [
      [
        () => 'Umbrella coverage',
        (c) =>
          `Hi ${c.first}, a personal umbrella adds a million or more of liability above your auto and home for a few hundred dollars a year.`,
      ],
    ],
    gist: [() => 'the umbrella policy', () => 'extra liability coverage'],
  },
  {
    key: 'boat',
    lines: ['boat'],
    noteType: 'coverage',
    tags: ['watercraft'],
    notes: [
      (c, r) =>
        `Boat is stored ${one(r, 'on a lift at the lake house', 'in a marina slip', 'on a trailer in the driveway')}; lay-up period over the winter lowers the ${priceWord(r)}. Agreed value vs ACV explained.`,
      (c) => `${c.first} completed a boating safety course - sent the certificate for the discount. Navigation limited to inland lakes.`,
    ],
    emails: [
      [
        () => 'Your boat insurance quote',
        (c) => `Hi ${c.first}, attached is the watercraft quote with agreed hull value, liability and on-water towing.`,
      ],
    ],
    gist: [() => 'the boat policy', () => 'watercraft coverage'],
  },
  {
    key: 'flood',
    lines: ['flood', 'home'],
    noteType: 'underwriting',
    tags: ['flood', 'elevation-certificate'],
    notes: [
      (c, r) =>
        `Property is in flood zone ${one(r, 'AE', 'VE', 'X')}; lender ${one(r, 'requires', 'does not require but recommends')} flood. Ordered an elevation certificate to rate NFIP; private flood may be cheaper.`,
      (c) =>
        `${c.first} asked if homeowners covers flood - it does not. Explained the 30-day NFIP waiting period; quoting before hurricane season.`,
    ],
    emails: [
      [
        () => 'Flood insurance options',
        (c) =>
          `Hi ${c.first}, standard homeowners excludes flood. NFIP has a 30-day wait; a private flood policy may start sooner. Quotes attached.`,
      ],
    ],
    gist: [() => 'flood coverage', () => 'the elevation certificate'],
  },
  {
    key: 'life_exam',
    lines: ['life'],
    noteType: 'underwriting',
    tags: ['life', 'paramedical-exam'],
    notes: [
      (c, r) =>
        `Life application submitted; paramedical exam scheduled ${one(r, 'Tuesday morning', 'next week', 'at home on Saturday')}. Fasting required. ${c.first} asked about accelerated underwriting.`,
      (c, r) =>
        `Underwriting offered ${one(r, 'standard', 'standard plus', 'table 2')} instead of preferred due to ${one(r, 'blood pressure', 'build', 'cholesterol')}. Discussing reconsideration after doctor's note.`,
    ],
    emails: [
      [
        () => 'Your life insurance application',
        (c) => `Hi ${c.first}, the examiner will contact you to schedule. Please avoid caffeine and fast for 8 hours before.`,
      ],
    ],
    gist: [() => 'the life insurance exam', () => 'the life application'],
  },
  {
    key: 'mortgagee',
    lines: OWNED_HOME,
    noteType: 'general',
    tags: ['mortgagee', 'escrow'],
    notes: [
      (c, r) =>
        `${c.first} refinanced with ${c.lender}; need to change the mortgagee clause and send the new declarations page. ${one(r, 'Escrow will pay renewal.', 'They pay the premium directly now.')}`,
      (c) => `Lender called for evidence of insurance for the closing. Sent the binder with ${c.lender} as mortgagee.`,
    ],
    emails: [
      [
        () => 'Mortgagee change confirmed',
        (c) => `Hi ${c.first}, we updated the mortgagee to ${c.lender} and sent them proof of insurance.`,
      ],
    ],
    gist: [() => 'the mortgagee change', () => 'the refinance paperwork'],
  },
  {
    key: 'moving',
    lines: [...HOME, 'auto'],
    noteType: 'general',
    tags: ['address-change'],
    notes: [
      (c, r) =>
        `${c.first} is moving to ${c.city} ${one(r, 'next month', 'on the 15th', 'after closing')}; garaging address change affects the auto ${priceWord(r)}. Quoting the new ${homeWord(r)}.`,
      () => `Closing on a new house; needs homeowners bound before closing and renters cancelled after the move.`,
    ],
    emails: [
      [
        () => 'Moving checklist for your insurance',
        (c, r) =>
          `Hi ${c.first}, congrats on the move! We'll need the new address, the closing date and the ${homeWord(r)} details to quote.`,
      ],
    ],
    gist: [() => 'the move', () => 'the address change'],
  },
  {
    key: 'claim_complaint',
    lines: 'any',
    noteType: 'general',
    tags: ['complaint', 'claim-service'],
    notes: [
      (c, r) =>
        `${c.first} is frustrated: adjuster hasn't returned calls in ${r.int(5, 14)} days. Escalated to the ${c.carrier} claims supervisor.`,
      () =>
        `Upset about the claim settlement being lower than the contractor's estimate. Explained depreciation and recoverable depreciation; requested a re-inspection.`,
    ],
    emails: [
      [
        () => "We've escalated your claim",
        (c) =>
          `Hi ${c.first}, I'm sorry about the delays. I escalated to the claims manager at ${c.carrier} and will update you by Friday.`,
      ],
    ],
    gist: [() => 'the claim delay', () => 'the slow claim'],
  },
  {
    key: 'referral',
    lines: 'any',
    noteType: 'general',
    tags: ['referral'],
    notes: [
      (c, r) =>
        `Referred by ${one(r, 'a current client', 'their realtor', 'their mortgage broker', 'a neighbor')}. ${c.first} is shopping ${c.lineName}; currently with ${c.carrier} at ${money(c.premium)}.`,
      (c) => `Warm referral - ${c.first} wants a quick ${c.lineName} comparison before ${c.xDate}.`,
    ],
    emails: [
      [
        () => 'Nice to meet you',
        (c) => `Hi ${c.first}, thanks for reaching out. To quote your ${c.lineName}, please send your current declarations page.`,
      ],
    ],
    gist: [() => 'getting a quote', () => 'the referral'],
  },
  {
    key: 'payment_plan',
    lines: 'any',
    noteType: 'general',
    tags: ['billing', 'payment-plan'],
    notes: [
      (c, r) =>
        `${c.first} prefers ${one(r, 'monthly EFT', 'paying in full for the discount', 'quarterly installments')}. Explained installment fees.`,
      () => `Switched billing to autopay from checking; first draft on the 1st.`,
    ],
    emails: [
      [
        () => 'Payment options',
        (c) => `Hi ${c.first}, you can pay in full (with a discount), in installments, or with autopay. Let us know which you'd like.`,
      ],
    ],
    gist: [() => 'the payment plan', () => 'billing options'],
  },
];

/** Themes that fit a line, generic ones included. */
export function themesFor(line: string): Theme[] {
  return THEMES.filter((t) => t.lines === 'any' || t.lines.includes(line));
}
