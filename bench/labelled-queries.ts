/**
 * The labelled retrieval set over the demo book (see bench/retrieval-quality.ts): paraphrase
 * queries of the seeder's stories (src/seed/text-themes.ts, text-tickets.ts), each with the
 * signature regex of the records that tell that story.
 */
/** [query, signature regex (Postgres, case-insensitive) of the relevant records] */
export const LABELLED: ReadonlyArray<readonly [string, string]> = [
  ['my kid just got a license, put them on the car insurance', 'teen|young driver|good student|road test|driver ed'],
  ['drunk driving conviction shows on his record', '\\mDUI\\M|\\mDWI\\M|under-the-influence|SR-22'],
  ['rear ended at a stoplight, who pays for repairs', 'rear-ended|fender bender|hit a deer|accident claim|collision and the rental'],
  ['old shingles must be replaced before the carrier renews the house', '\\mroof'],
  [
    'pipe burst and soaked the kitchen floor',
    'water damage|water claim|supply line|water heater|toilet overflowed|slow leak|the leak and the adjuster|pipe burst',
  ],
  ['storm dented the gutters and tore off siding', 'hail|wind took|storm'],
  ['discount for keeping house and car with one company', 'bundl|multi-policy|home and auto together'],
  ['policy terminated because they stopped paying', 'non-?payment|past-due|nonpayment'],
  [
    'renewal price jumped, look for something cheaper elsewhere',
    'renewal from .* came in|renewal increase|remarket|shopping (it|the .* renewal)|going up again|rate increase',
  ],
  [
    'they picked another agency that was less expensive',
    'went with (a captive|a direct|a cheaper|their brother)|lost on price|thanks for (the chance|considering)|staying with the current carrier|their decision',
  ],
  ['builder on the job site wants proof of coverage naming them', 'certificate|\\mCOI\\M'],
  ['auditor checking employee wages for the comp policy', 'audit'],
  ['excess liability protection above home and auto limits', 'umbrella|excess liability'],
  ['insuring a vessel kept at the lake', 'boat|watercraft'],
  ['rising water is excluded from the standard house policy', 'flood|elevation certificate|NFIP'],
  ['medical checkup for the term policy application', 'paramedical|life (application|insurance)|examiner|underwriting offered'],
  ['bank changed after refinancing the home loan', 'mortgagee|refinanc|loan was sold'],
  ['relocating to a different city next month', 'moving to|the move\\M|address change|closing on a new house|moving checklist'],
  [
    'annoyed that nobody from claims returns calls',
    'frustrat|escalat|upset about the claim|claim delay|nobody (from .* )?(has called|gets back)',
  ],
  ['a neighbor recommended our agency', 'referr'],
  ['pay monthly straight from the checking account', '\\mEFT\\M|autopay|installment|payment (plan|options)|pay in full'],
  ['card was billed two times', 'charged twice|duplicate draft'],
  ['is the engagement ring protected', 'ring\\M|jewelry'],
  ['drivers of the company trucks and their records', 'MVRs on all drivers|driver list|fleet|box truck'],
];
