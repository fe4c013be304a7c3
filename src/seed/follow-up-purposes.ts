/** What a producer follows up on, by line of business: no VIN check on a homeowners lead. */

const OPEN_ANY = [
  'Review the quote',
  'Collect the declarations page',
  'Send the proposal',
  'Check in before the x-date',
  'Get signed application',
];
const COMMERCIAL_ANY = [
  'Request loss runs from the current carrier',
  'Review the quote',
  'Send the proposal',
  'Check in before the x-date',
  'Get signed application',
];

const OPEN_BY_LINE: Record<string, readonly string[]> = {
  auto: ['Confirm vehicle VINs and drivers', 'Get driver license numbers', 'Ask for proof of prior insurance'],
  motorcycle: ['Confirm the bike VIN and riding experience', 'Ask about the motorcycle safety course'],
  home: ['Ask for roof year and updates', 'Get the mortgagee clause', 'Ask for the wind mitigation inspection'],
  condo: ['Get the HOA master policy', 'Ask about unit improvements'],
  renters: ['Confirm the personal property estimate', "Ask for the landlord's insurance requirements"],
  umbrella: ['Confirm underlying auto and home limits', 'Ask about rental properties and watercraft'],
  boat: ['Confirm hull value and lay-up months', 'Get the marine survey'],
  flood: ['Get the elevation certificate', 'Confirm the flood zone'],
  life: ['Schedule the paramedical exam', 'Confirm beneficiaries'],
  bop: ['Confirm building values and sprinklers', 'Confirm annual revenue'],
  general_liability: ['Get subcontractor certificates', 'Confirm annual revenue by class code'],
  workers_comp: ['Confirm payroll by class code', 'Request the experience mod worksheet'],
  commercial_auto: ['Get the driver list and MVRs', 'Confirm fleet VINs and garaging addresses'],
  commercial_property: ['Confirm building values and sprinklers', 'Ask for roof year and updates'],
};

const WON_BY_LINE: Record<string, readonly string[]> = {
  auto: ['Send ID cards', 'Cross-sell umbrella', 'Quote the home to bundle'],
  motorcycle: ['Send ID cards', 'Quote the car to bundle'],
  home: ['Cross-sell umbrella', 'Confirm the mortgagee got the evidence of insurance'],
  condo: ['Cross-sell umbrella', 'Send the HOA evidence of insurance'],
  renters: ['Quote the car to bundle'],
  umbrella: ['Confirm underlying policies renewed'],
  boat: ['Send the boat ID card'],
  flood: ['Confirm the lender got the flood declarations'],
  life: ['Deliver the policy and confirm beneficiaries'],
  commercial_auto: ['Send auto ID cards for the fleet'],
};
const WON_ANY = ['Annual review', 'Welcome call'];
const WON_COMMERCIAL = ['Annual review', 'Welcome call', 'Set up certificate requests', 'Cross-sell commercial umbrella'];

/** Open follow-up purposes that fit a line (`commercial` for commercial lines). */
export function openPurposes(line: string, commercial: boolean): readonly string[] {
  return [...(commercial ? COMMERCIAL_ANY : OPEN_ANY), ...(OPEN_BY_LINE[line] ?? [])];
}

/** Follow-ups after a sale that fit a line. */
export function wonPurposes(line: string, commercial: boolean): readonly string[] {
  return [...(commercial ? WON_COMMERCIAL : WON_ANY), ...(WON_BY_LINE[line] ?? [])];
}
