/**
 * The labelled book of bench/retrieval: an agency's notes, calls and emails, service tickets and
 * past AI answers over 34 leads, with questions written the way producers and service staff ask
 * (paraphrases sharing no word with the answer, abbreviations, misspellings, Spanish, questions
 * answered by a ticket or a past AI answer) and questions with no good answer in the book.
 *
 * Each story is one record that answers its questions (grade 2) and optionally records that help
 * (grade 1). Stories alternate between the dev and test splits, so no question's record is
 * tuned on and scored on. Independent of the demo seeder on purpose (its texts change).
 * The second half of the book (10 leads, 60 stories, 24 no-answer questions) is in book-more.ts.
 */
import { EXTRA_RELATED, MORE_LEADS, MORE_NO_ANSWER, MORE_ROUTINE, MORE_STORIES, SUPPORT } from './book-more.js';
import type { BookRecord, Kind, LeadLine, Story } from './book-types.js';

export type { BookRecord, Kind, LeadLine, Story } from './book-types.js';

const FIRST_LEADS: ReadonlyArray<readonly [name: string, line: LeadLine]> = [
  ['Maria Gonzalez', 'auto'],
  ['Tom Becker', 'home'],
  ['Priya Shah', 'auto'],
  ['Luis Herrera', 'home'],
  ['Okafor Plumbing LLC', 'commercial_gl'],
  ['Jenny Walsh', 'umbrella'],
  ['Dan Kowalski', 'auto'],
  ['Rosa Martinez', 'home'],
  ['Blue Ridge Bakery', 'commercial_gl'],
  ['Kevin Nguyen', 'life'],
  ['Sarah Cohen', 'home'],
  ['Mike Brennan', 'auto'],
  ['Ana Lucia Reyes', 'auto'],
  ['Peak Roofing Co', 'commercial_gl'],
  ['Greg Olson', 'home'],
  ['Fatima Hassan', 'life'],
  ['Carlos Mendoza', 'auto'],
  ['Linda Park', 'umbrella'],
  ['Summit Dental Group', 'commercial_gl'],
  ['Bill Turner', 'home'],
  ['Elena Petrova', 'auto'],
  ['Jorge Castillo', 'home'],
  ['Hannah Lee', 'auto'],
  ['Riverside Auto Body', 'commercial_gl'],
];

export const LEADS: ReadonlyArray<readonly [name: string, line: LeadLine]> = [...FIRST_LEADS, ...MORE_LEADS];

const STORIES: Story[] = [
  [
    'basement',
    1,
    'ticket',
    'Pipe burst in the finished lower level overnight; carpet and drywall soaked. Mitigation company on site, claim opened with the carrier.',
    ['who had water in the basement?', 'flooded basment claim', 'quién tuvo agua en el sótano?'],
  ],
  [
    'roof-age',
    3,
    'note',
    'Roof is 22 years old; underwriting wants the shingles replaced before binding the homeowners policy.',
    ['which house needs a new top before coverage starts?', 'old roof holding up the HO bind', 'techo viejo antes de asegurar la casa'],
  ],
  [
    'teen-driver',
    0,
    'note',
    'Her 16-year-old son passed the road test Friday; add him as an operator on the Corolla and ask about the good student discount.',
    ['kid just got licensed, put him on the car', 'add teen drvr to auto', 'hijo con licencia nueva para agregar al carro'],
  ],
  [
    'dui',
    6,
    'note',
    'Dan disclosed a DWI conviction from last year; the state needs an SR-22 filing, standard carriers declined.',
    ['who has a drunk driving conviction?', 'OWI on record needs filing', 'cliente con multa por manejar ebrio'],
    ['sr22'],
  ],
  [
    'coi',
    4,
    'communication',
    'General contractor on the Elm St job needs a certificate of insurance naming them as additional insured before Monday.',
    ['builder wants proof of coverage naming them', 'COI with addl insured for the GC', 'certificado de seguro para el contratista'],
  ],
  [
    'gl-audit',
    8,
    'ticket',
    'Premium audit request from the carrier: payroll and gross sales records for the general liability policy due in 30 days.',
    ['auditor asking for payroll figures on the GL', 'GL audit paperwork due', 'auditoría de la póliza de responsabilidad general'],
  ],
  [
    'umbrella',
    5,
    'note',
    'Wants a $2M umbrella over the home and auto; teen driver in the house, underlying liability limits must be 250/500.',
    ['excess liability above the home and car limits', 'quote 2 mil umbrela', 'póliza paraguas de dos millones'],
  ],
  [
    'nonrenewal',
    10,
    'communication',
    'Carrier sent a non-renewal notice for the home policy because of two water claims in three years; need a new market before the x-date.',
    ['insurer dropping them after claims', 'nonrenewd HO due to loss history', 'la aseguradora no va a renovar la casa'],
  ],
  [
    'total-loss',
    11,
    'ticket',
    'Adjuster declared the F-150 a total loss after the flood; client asking about gap coverage and the payoff on the loan.',
    ['truck was totaled, what about the loan balance', 'totalled pickup gap question', 'camioneta pérdida total y el préstamo'],
  ],
  [
    'cancel-nonpay',
    2,
    'communication',
    'Notice of cancellation for nonpayment: the auto policy will terminate on the 15th unless the past-due premium is paid.',
    ['policy ending because they stopped paying', 'auto cxl for non pay', 'cancelación por falta de pago'],
  ],
  [
    'price-shop',
    14,
    'note',
    'Renewal came in 38% higher; Greg wants us to remarket the home with three other carriers before the expiration date.',
    ['renewal price jumped, shop it around', 'HO renewl increase remarket', 'subió mucho la renovación, buscar otra aseguradora'],
  ],
  [
    'lost-price',
    17,
    'note',
    'Linda went with a direct writer that was $300 cheaper; closed as lost on price. Keep her on the nurture list for next year.',
    ['they picked a cheaper company', 'lost to direct writer', 'se fue con otra compañía más barata'],
  ],
  [
    'boat',
    19,
    'note',
    'Bill bought a 21 ft pontoon kept at the lake; needs watercraft liability and physical damage, tow with his truck.',
    ['insuring a vessel kept at the lake', 'pontoon boat quote', 'seguro para un bote en el lago'],
  ],
  [
    'flood',
    21,
    'note',
    'House is in flood zone AE; lender requires an NFIP policy. Ordered the elevation certificate from the surveyor.',
    ['rising water excluded from the standard house policy', 'flood zone AE lender reqt', 'seguro de inundación que pide el banco'],
  ],
  [
    'life-exam',
    9,
    'ticket',
    'Paramedical exam for the 20-year term application scheduled Tuesday 8am at home; fasting required.',
    ['medical checkup for the term policy application', 'para med exam term life', 'examen médico para el seguro de vida'],
  ],
  [
    'mortgagee',
    7,
    'communication',
    'Rosa refinanced and the loan was sold; please update the mortgagee clause on the homeowners policy to the new bank.',
    ['bank changed after refinancing the home loan', 'update mortgagee on HO', 'cambió el banco de la hipoteca'],
  ],
  [
    'moving',
    12,
    'note',
    'Ana is moving to Phoenix on the 1st; garaging address changes, rate will change, start a renters quote at the new apartment.',
    ['relocating to a different city next month', 'addr change new garaging AZ', 'se muda a otra ciudad el próximo mes'],
  ],
  [
    'claim-frustrated',
    20,
    'communication',
    'Elena called upset: nobody from the claims department has returned her calls in two weeks about the hail damage to her car.',
    [
      'annoyed that the adjuster never calls back',
      'clm delay complaint',
      'clienta enojada porque no le devuelven las llamadas del reclamo',
    ],
  ],
  [
    'referral',
    16,
    'note',
    'Carlos was referred by his cousin Jorge Castillo; send the thank-you card and referral gift card to Jorge.',
    ['a relative recommended our agency', 'referal from cousin', 'lo recomendó su primo'],
  ],
  [
    'eft',
    22,
    'communication',
    'Hannah wants to pay monthly by automatic bank draft from her checking account instead of paying in full.',
    ['pay every month straight from the bank account', 'set up EFT autopay', 'pagar mensual con débito automático'],
  ],
  [
    'charged-twice',
    0,
    'ticket',
    'Customer was billed two times for the May installment; duplicate draft on the card, refund requested from the carrier billing team.',
    ['card was charged twice', 'dup payment refund', 'le cobraron dos veces'],
  ],
  [
    'jewelry',
    10,
    'note',
    'Engagement ring appraised at $14,000; needs a scheduled personal property floater, the HO sublimit for jewelry is only $1,500.',
    ['is the engagement ring protected', 'schedule jewelery on HO', 'asegurar el anillo de compromiso'],
  ],
  [
    'fleet',
    23,
    'note',
    'Riverside added two tow trucks; need MVRs on all drivers and the updated vehicle schedule for the commercial auto.',
    ['drivers of the company trucks and their records', 'add units to fleet, pull MVRs', 'camiones nuevos de la empresa y sus choferes'],
  ],
  [
    'workers-comp',
    13,
    'ticket',
    'Roofer injured falling from a ladder; first report of injury filed, workers compensation carrier assigned a nurse case manager.',
    ['employee hurt on the job site', 'WC first report of injury', 'trabajador lastimado en el trabajo'],
  ],
  [
    'bop',
    18,
    'note',
    'Summit Dental wants a BOP with business income and equipment breakdown for the new imaging machine.',
    [
      'package policy for the dental office with lost income',
      'businessowners quote dental',
      'paquete de seguro para el consultorio dental',
    ],
  ],
  [
    'endorsement',
    2,
    'ticket',
    'Policy change: add the new 2024 RAV4, remove the Civic, effective today; send new ID cards.',
    ['swap a vehicle on the auto', 'endorsment add RAV4', 'cambio de póliza para agregar un carro nuevo'],
  ],
  [
    'comp-claim',
    16,
    'ticket',
    'Windshield cracked by a rock on the highway; comprehensive claim, glass shop scheduled, deductible waived.',
    ['rock broke the windshield', 'comp glass claim', 'se rompió el parabrisas'],
  ],
  [
    'hail',
    7,
    'ticket',
    'Hail storm damaged the roof and the gutters; adjuster inspection set for Thursday, client asking about the wind/hail deductible.',
    ['storm dented the gutters', 'hale damage roof', 'granizo dañó el techo'],
  ],
  [
    'dog-bite',
    14,
    'communication',
    'Neighbor says Greg’s German shepherd bit her child; possible liability claim under the homeowners, reported to the carrier.',
    ['their pet attacked the kid next door', 'dog bite liab claim', 'el perro mordió a un niño'],
  ],
  [
    'home-business',
    19,
    'note',
    'Bill runs a small woodworking shop in the garage and sells online; homeowners excludes business property, quote an in-home business endorsement.',
    ['side business run from the garage', 'home based biz coverage', 'negocio en la casa'],
  ],
  [
    'rideshare',
    20,
    'note',
    'Elena started driving for Uber on weekends; personal auto excludes it, add the rideshare endorsement.',
    ['drives for a ride app on weekends', 'uber gap endorsement', 'maneja para uber los fines de semana'],
  ],
  [
    'sr22',
    6,
    'ai_interaction',
    'Summary: Dan Kowalski needs an SR-22 for three years after his DWI. Two non-standard carriers quoted; the lower one is $2,480 for six months.',
    ['what did we find for the guy who needs the state filing', 'SR22 quotes summary', 'resumen de cotizaciones con SR-22'],
    ['dui'],
  ],
  [
    'ai-umbrella',
    17,
    'ai_interaction',
    'Linda Park’s underlying limits are 100/300 on auto, below the umbrella carrier’s 250/500 requirement; raising them adds about $180 a year.',
    ['why cant we bind the excess policy for Linda', 'underlying limits too low for umbrella', 'límites insuficientes para el paraguas'],
  ],
  [
    'ai-renewal',
    1,
    'ai_interaction',
    'Tom Becker’s home renewal rose 22% after the carrier’s statewide rate filing; no claims on his record. Suggested raising the deductible to $2,500.',
    ['why did Tom pay more this year', 'HO rate increase explanation', 'por qué subió la renovación de Tom'],
  ],
  [
    'vacant',
    21,
    'note',
    'Jorge’s rental house has been empty for 70 days between tenants; vacancy clause limits coverage after 60 days, add a vacancy permit.',
    ['rental sitting empty between tenants', 'vacancy permit needed', 'casa de renta vacía'],
  ],
  [
    'trampoline',
    3,
    'note',
    'Inspection photos show a trampoline and an unfenced pool; carrier requires netting and a fence within 30 days or it will non-renew.',
    ['backyard hazards the inspector flagged', 'trampolene and pool inspection', 'la inspección encontró una piscina sin cerca'],
  ],
  [
    'life-beneficiary',
    15,
    'ticket',
    'Fatima wants to change the beneficiary on her term life from her brother to her husband; beneficiary change form sent for e-signature.',
    ['swap who gets the payout on her life coverage', 'benificiary change form', 'cambiar el beneficiario del seguro de vida'],
  ],
  [
    'cyber',
    18,
    'communication',
    'Summit Dental asked about coverage for a ransomware attack and patient data breach; sent the cyber liability application.',
    ['protection if hackers lock the office computers', 'cyber app sent', 'seguro contra ataques de hackers'],
  ],
  [
    'liquor',
    8,
    'note',
    'Blue Ridge Bakery will start serving beer and wine at the café; GL excludes it, need liquor liability.',
    ['they will start selling alcohol', 'liquor liab for cafe', 'van a vender cerveza y vino'],
  ],
  [
    'new-driver-es',
    12,
    'communication',
    'Ana Lucia llamó: su esposo sacó la licencia y quiere agregarlo a la póliza del carro.',
    ['her husband got a license, add him to the car', 'add spouse as driver', 'agregar al esposo a la póliza del auto'],
  ],
  [
    'deer',
    22,
    'ticket',
    'Hannah hit a deer on Route 9; front bumper and headlight damage, car drivable, comprehensive claim filed.',
    ['animal ran into her car on the road', 'deer strike claim', 'chocó con un venado'],
  ],
  [
    'rental-car',
    11,
    'communication',
    'Mike asked whether his policy pays for a rental while the truck is in the body shop; he has no rental reimbursement.',
    ['does he get a loaner while repairs happen', 'rental reimb question', 'carro de alquiler mientras reparan la camioneta'],
  ],
  [
    'premium-finance',
    13,
    'note',
    'Peak Roofing financed the $48k GL and auto premium through a premium finance company, 10 monthly payments.',
    ['paying the big commercial bill in installments with a lender', 'PFA for the contractor', 'financiamiento de la prima'],
  ],
  [
    'wedding',
    15,
    'note',
    'Fatima got married in June and changed her last name; update the name on all policies and add her husband to the life quote.',
    ['new last name after the wedding', 'name change after marriage', 'cambió su apellido al casarse'],
  ],
  [
    'new-baby',
    9,
    'note',
    'Kevin and his wife are expecting twins in March; he wants to raise the term life to $1M and add a child rider.',
    ['more life coverage since babies are coming', 'increase face amt twins', 'espera gemelos y quiere más seguro de vida'],
  ],
  [
    'theft',
    0,
    'ticket',
    'Catalytic converter stolen from the Corolla in the apartment lot; police report filed, comprehensive claim opened.',
    ['someone took a part off the car overnight', 'cat converter theft clm', 'le robaron una pieza al carro'],
  ],
  [
    'sump',
    10,
    'note',
    'Sarah asked to add water backup coverage after the sump pump failed during the spring storms; $10k limit added.',
    ['protection when the pump in the cellar quits', 'sump pump endorsement', 'cobertura por falla de la bomba de agua'],
  ],
  [
    'tree',
    19,
    'ticket',
    'A neighbor’s oak fell on Bill’s fence and shed during the windstorm; claim under other structures, tree removal included.',
    ['big limb crushed the shed', 'tree fell other structures claim', 'un árbol cayó sobre la cerca'],
  ],
  [
    'ev',
    16,
    'note',
    'Carlos is buying a Tesla Model 3; the quote is 40% higher than his Camry, ask about the EV discount with the current carrier.',
    ['electric car costs a lot more to cover', 'tesla quote high', 'el carro eléctrico sale más caro'],
  ],
  [
    'student-away',
    2,
    'note',
    'Priya’s daughter is away at college 150 miles away without a car; apply the distant student discount.',
    ['kid at school far away without a vehicle', 'away at school disc', 'hija en la universidad sin carro'],
  ],
  [
    'contractor-license',
    13,
    'communication',
    'State licensing board needs proof of a $1M GL policy and the contractor bond renewal for Peak Roofing.',
    ['license board wants evidence of liability coverage', 'bond and GL proof for license', 'la junta de licencias pide prueba de seguro'],
  ],
  [
    'inspection-fail',
    21,
    'ticket',
    'Exterior inspection failed: missing handrail on the front steps and peeling paint; corrections due in 30 days or the carrier will cancel.',
    ['house did not pass the inspector’s visit', 'insp failed handrail', 'la casa no pasó la inspección'],
  ],
  [
    'ai-claim-summary',
    20,
    'ai_interaction',
    'Elena Petrova’s hail claim: adjuster approved $3,850 after a second inspection; payment issued to her and the lienholder.',
    ['how did Elena’s storm damage claim end up', 'hail clm outcome', 'cómo terminó el reclamo de granizo de Elena'],
    ['claim-frustrated'],
  ],
  [
    'ai-life-compare',
    9,
    'ai_interaction',
    'Compared 20- and 30-year term for Kevin Nguyen: $1M 30-year is $92/month, 20-year is $61/month, both preferred plus.',
    ['what would the longer life coverage cost Kevin', 'term 20 vs 30 comparison', 'comparación de plazos de seguro de vida'],
  ],
  [
    'hired-auto',
    4,
    'note',
    'Okafor Plumbing employees use personal vehicles for jobs; add hired and non-owned auto to the package.',
    ['staff drive their own cars for work', 'HNOA add', 'empleados usan sus propios carros para el trabajo'],
  ],
  [
    'pollution',
    4,
    'ticket',
    'A water heater install leaked at a customer’s house and damaged the floors; third-party property damage claim against Okafor’s GL.',
    ['job the plumber botched damaged a client’s floor', 'PD claim vs plumbing GL', 'reclamo contra el plomero por daños'],
  ],
  [
    'spanish-quote',
    7,
    'communication',
    'Rosa pidió una cotización de seguro de inquilino para su hija que vive en un apartamento.',
    ['renters quote for her daughter', 'HO4 for daughter', 'seguro de inquilino para la hija'],
  ],
  [
    'gap-lapse',
    22,
    'note',
    'Hannah had a 45-day lapse in coverage last year; carriers surcharge it, look at companies that forgive short lapses.',
    ['had no insurance for a few weeks last year', 'prior lapse surcharge', 'estuvo sin seguro unas semanas'],
  ],
  [
    'accident-fault',
    11,
    'note',
    'Mike rear-ended a car at a stoplight; he was cited, at-fault accident will surcharge at renewal.',
    ['bumped the car ahead at a light', 'at fault acc surcharge', 'chocó por detrás en un semáforo'],
  ],
  [
    'solar',
    14,
    'note',
    'Greg installed solar panels on the roof worth $32k; raise dwelling coverage to include them.',
    ['new panels on top of the house', 'solar panels dwelling limit', 'paneles solares en el techo'],
  ],
];

/** Form letters: one text sent to many leads (near-duplicates that should not fill the top). */
export const FORM_LETTER = (name: string) =>
  `Dear ${name}, this is a friendly reminder that your policy renewal is coming up. Please review your coverage, let us know about any changes to your household, vehicles or property, and call the office if you have questions. Thank you for trusting our agency.`;

/** Routine texts that share common words with many questions but answer none. */
const ROUTINE: Array<[number, Kind, string]> = [
  [0, 'note', 'Called and left a voicemail about the car policy, will try again Friday.'],
  [1, 'note', 'Client stopped by the office to drop off the signed application.'],
  [2, 'communication', 'Thanks for the quick reply, we will review the quote this weekend.'],
  [3, 'note', 'Left a message about the house policy documents.'],
  [4, 'communication', 'Sent the invoice for the new policy term.'],
  [5, 'note', 'Spoke with the client, no changes needed this year.'],
  [6, 'note', 'Client wants a call back next week about the payment.'],
  [8, 'communication', 'Reminder: office closed Monday for the holiday.'],
  [9, 'note', 'Mailed the welcome packet and ID cards.'],
  [12, 'note', 'Confirmed the email address and phone number on file.'],
  [15, 'communication', 'Please sign and return the application by Friday.'],
  [17, 'note', 'Scheduled the annual review meeting for next month.'],
  [18, 'communication', 'Following up on the documents we discussed on the phone.'],
  [23, 'note', 'Client asked for copies of the declarations pages.'],
  [1, 'ticket', 'Client cannot log in to the carrier portal; password reset link sent.'],
  [11, 'ticket', 'Requested a copy of the auto ID card for the new truck registration.'],
];

/** Questions no record answers well. */
const NO_ANSWER = [
  'zzqx flibbertigibbet',
  'who owns a racehorse?',
  'earthquake retrofit on a historic church',
  'pet insurance for a parrot',
  'crop hail on the soybean farm',
  'aviation hull coverage for a private jet',
  'kidnap and ransom policy for executives',
  'who collects vintage motorcycles?',
  'seguro para un caballo de carreras',
  'event cancellation for a music festival',
  'directors and officers for the nonprofit board',
  'marine cargo shipment from China',
  'who has a wine cellar worth a million?',
  'ski chalet in Colorado',
  'drone operator liability',
  'travel insurance for a cruise',
  'identity theft after a hotel stay',
  'snowmobile on the frozen lake',
  'art collection appraisal at the museum',
  'food truck permit in the city',
  'who breeds alpacas?',
  'golf cart accident at the club',
  'hot air balloon ride',
  'tattoo parlor liability',
];

/** How a question is written: a story's three questions are, in order, these three forms. */
export type QuestionForm = 'paraphrase' | 'abbreviation' | 'spanish' | 'no answer';
const FORMS: QuestionForm[] = ['paraphrase', 'abbreviation', 'spanish'];

export interface Book {
  records: BookRecord[];
  /** Questions with graded relevance (2: answers it, 1: helps); empty for no-answer questions. */
  questions: Array<{ q: string; split: 'dev' | 'test'; rel: Record<string, 1 | 2>; story: string | null; form: QuestionForm }>;
}

export function buildBook(): Book {
  const stories = [...STORIES, ...MORE_STORIES];
  const records: BookRecord[] = [];
  for (const [id, lead, kind, text] of stories) records.push({ id, lead, kind, text });
  for (const [id, lead, kind, text] of SUPPORT) records.push({ id, lead, kind, text });
  LEADS.forEach(([name], lead) => {
    if (lead % 2 === 0 || lead < 16)
      records.push({ id: `letter-${lead}`, lead, kind: 'communication', text: FORM_LETTER(name.split(' ')[0]!) });
  });
  [...ROUTINE, ...MORE_ROUTINE].forEach(([lead, kind, text], i) => records.push({ id: `routine-${i}`, lead, kind, text }));
  const ids = new Set(records.map((r) => r.id));
  const questions: Book['questions'] = [];
  stories.forEach(([id, , , , qs, related], i) => {
    const rel: Record<string, 1 | 2> = { [id]: 2 };
    for (const r of [...(related ?? []), ...(EXTRA_RELATED[id] ?? [])]) {
      if (!ids.has(r)) throw new Error(`book: story ${id} judges unknown record ${r}`);
      rel[r] = 1;
    }
    qs.forEach((q, f) => questions.push({ q, split: i % 2 === 0 ? 'dev' : 'test', rel, story: id, form: FORMS[f]! }));
  });
  [...NO_ANSWER, ...MORE_NO_ANSWER].forEach((q, i) =>
    questions.push({ q, split: i % 2 === 0 ? 'dev' : 'test', rel: {}, story: null, form: 'no answer' }),
  );
  if (ids.size !== records.length) throw new Error('book: duplicate record id');
  return { records, questions };
}
