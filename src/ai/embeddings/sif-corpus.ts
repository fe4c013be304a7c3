/**
 * Fixed inputs of the local embedder's cache. Changing anything here changes the cache key, so
 * the cache is rebuilt and `crm-agent embed --reembed` is needed for consistent vectors.
 */

/**
 * Insurance and CRM words kept in the compact vocabulary even when they are rarer than the
 * frequency cut-off (the source vectors are ordered by corpus frequency).
 */
export const DOMAIN_WORDS = [
  'subrogation', 'adjuster', 'adjusters', 'policyholder', 'policyholders', 'cancelation', 'cancelations', 'underwriter',
  'underwriters', 'deductibles', 'endorsements', 'reinstate', 'reinstated', 'reinstatement', 'nonrenewal', 'nonrenewed',
  'renewals', 'coinsurance', 'copay', 'indemnity', 'insurability', 'insurable', 'insureds', 'insurers', 'geico',
  'allstate', 'nationwide', 'travelers', 'safeco', 'hartford', 'erie', 'chubb', 'liberty', 'usaa', 'metlife', 'farmers',
  'umbrella', 'homeowner', 'homeowners', 'condo', 'renters', 'landlord', 'landlords', 'flood', 'floodplain',
  'windstorm', 'hailstorm', 'hail', 'roofing', 'shingles', 'sump', 'plumbing', 'wiring', 'knob', 'sprinklered',
  'sprinklers', 'dwelling', 'appraisal', 'appraised', 'replacement', 'depreciation', 'payroll', 'subcontractor',
  'subcontractors', 'workers', 'comp', 'liability', 'liabilities', 'premium', 'premiums', 'quote', 'quoted', 'quoting',
  'requote', 'binder', 'bind', 'bound', 'declarations', 'dec', 'vin', 'vins', 'odometer', 'mileage', 'commute',
  'dui', 'duis', 'speeding', 'citation', 'citations', 'accident', 'accidents', 'claim', 'claims', 'lapse', 'lapsed',
  'escrow', 'mortgagee', 'lienholder', 'lienholders', 'certificate', 'certificates', 'coi', 'additional', 'insured',
  'waiver', 'fleet', 'trucking', 'cargo', 'bop', 'rider', 'riders', 'beneficiary', 'beneficiaries', 'term', 'whole',
  'motorcycle', 'boat', 'watercraft', 'jet', 'rv', 'atv', 'snowmobile', 'voicemail', 'callback', 'followup',
  'follow', 'referral', 'referrals', 'prospect', 'prospects', 'xdate', 'carrier', 'carriers', 'agency', 'agent',
  'producer', 'csr', 'billing', 'invoice', 'autopay', 'refund', 'refunds', 'reimbursement', 'totaled', 'collision',
  'comprehensive', 'uninsured', 'underinsured', 'pip', 'medpay', 'towing', 'rental', 'glass', 'windshield',
];

/**
 * Sentences like the ones the product embeds (notes, calls, emails, tickets). Their first
 * principal component is the direction every such text shares; the local embedder removes it
 * so that what distinguishes two texts dominates their similarity (the "SIF" method).
 */
export const CORPUS_SENTENCES = [
  'Called the client about renewing the auto policy; left a voicemail asking for a callback.',
  'Client wants a quote for homeowners insurance on the new house they are buying next month.',
  'Spoke with the prospect about bundling home and auto to lower the premium.',
  'The current carrier raised the premium by twenty percent at renewal.',
  'Sent the proposal by email and scheduled a follow-up call for Thursday.',
  'Customer asked to cancel the policy because they sold the vehicle.',
  'Roof was replaced in 2019 with architectural shingles; no prior claims.',
  'Two drivers in the household, one teenager with a learner permit.',
  'Please send a certificate of insurance to the landlord listing them as additional insured.',
  'The prospect is shopping for a lower rate before the policy expires in June.',
  'Business owner needs general liability and workers compensation for six employees.',
  'Requested loss runs from the prior carrier for the last five years.',
  'The client had a hail claim last spring and the adjuster approved the roof repair.',
  'Discussed umbrella coverage of one million dollars over the auto and home limits.',
  'Billing question: the autopay charged twice this month and the client wants a refund.',
  'The insured reported a fender bender in a parking lot; no injuries.',
  'Mortgage company needs proof of insurance before closing on Friday.',
  'Left a message about the missing driver license numbers needed to finish the quote.',
  'Lead came from a referral by an existing customer who is happy with our service.',
  'They want to add a new car to the policy and remove the old truck.',
  'Flood zone AE; the lender requires a separate flood policy.',
  'Client is unhappy with the claim handling and asked to speak with a manager.',
  'Quoted three carriers; the best option saves about four hundred dollars a year.',
  'Commercial auto fleet of twelve vans used for local deliveries.',
  'Customer moved to a new address and needs the garaging location updated.',
  'The teenage driver got a speeding ticket, which may raise the rate at renewal.',
  'Prospect is not ready to switch until the current policy ends in the fall.',
  'Emailed the application for signature and a link to pay the first installment.',
  'Ticket: the customer cannot log in to the portal to download the ID cards.',
  'Asked whether the policy covers water damage from a burst pipe in the basement.',
  'Life insurance quote for a twenty-year term with a five hundred thousand face amount.',
  'The boat is a twenty-two foot fiberglass hull kept on a trailer in the garage.',
  'Followed up by text; the client replied they will decide next week.',
  'The underwriter needs photos of the property and the age of the electrical panel.',
  'Contractor wants coverage for subcontractors and a waiver of subrogation for a job site.',
  'The client is comparing our quote with a direct writer online.',
  'Payment was late and the policy is in the grace period; reminded the client to pay.',
  'Condo association master policy covers the walls out; the owner needs walls-in coverage.',
  'Meeting at the office to review coverages and sign the renewal paperwork.',
  'Renters policy for a college student living off campus.',
  'The restaurant needs liquor liability and property coverage for kitchen equipment.',
  'The customer disputes the surcharge for an at-fault accident from three years ago.',
  'Need the vehicle identification numbers and annual mileage for both cars.',
  'Called to welcome the new client and explain how to report a claim.',
  'Summary: warm lead, interested in bundling, wants a decision before the x-date.',
  'The prospect asked about discounts for a home security system and good students.',
  'Cancellation request received in writing; processed with a prorated refund.',
  'Agent recommended higher liability limits because the client owns rental property.',
  'Open question about whether the motorcycle is stored indoors during winter.',
  'Service request: change the lienholder on the auto policy after refinancing.',
  'The email bounced; the contact address on file may be out of date.',
  'Customer praised the fast response after the storm damaged the fence.',
  'Workers comp audit shows higher payroll than estimated; additional premium due.',
  'Client asked for a callback in the evening after work hours.',
  'Declined to quote because of multiple losses in the past three years.',
  'Reviewed the declarations page and found the deductible is two thousand dollars.',
  'The tenant caused a kitchen fire and the landlord filed a claim.',
  'Prospect filled out the website form asking about cheaper car insurance.',
  'Lost the deal to a competitor who offered a lower price.',
  'Next step: send the comparison of coverages and call on Monday morning.',
];
