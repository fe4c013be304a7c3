/**
 * The second half of the labelled book (bench/retrieval/book.ts includes it): 10 more leads
 * (indices 24-33 of LEADS), 60 more answering stories with three questions each, records that
 * help (grade 1), routine distractors that share words with questions but answer none, and 24
 * more questions with no answer. Same rules as book.ts: (a) a paraphrase sharing no or few
 * content words with the record, (b) an abbreviation / misspelling / jargon form, (c) Spanish.
 * Written in full before any search was run on them; see docs/search.md for labelling fixes.
 */
import type { Kind, LeadLine, Story } from './book-types.js';

export const MORE_LEADS: ReadonlyArray<readonly [name: string, line: LeadLine]> = [
  ['Ahmed Siddiqui', 'auto'], // 24
  ['Greenleaf Landscaping LLC', 'workers_comp'], // 25
  ['Marcus Johnson', 'home'], // 26
  ['Tri-County Hauling Co', 'commercial_auto'], // 27
  ['Beatriz Souza', 'home'], // 28
  ['Nora Fitzgerald', 'life'], // 29
  ['Lakeside Yoga Group', 'bop'], // 30
  ['Wei Zhang', 'umbrella'], // 31
  ['Diego Ramirez', 'auto'], // 32
  ['Maple Street Deli LLC', 'bop'], // 33
];

export const MORE_STORIES: Story[] = [
  [
    'wc-audit-1099',
    25,
    'ticket',
    'Workers comp final audit: auditor picked up $86,000 paid to 1099 subcontractors with no certificates of insurance, rated them as employees, additional premium of $7,940 billed.',
    [
      'why does the landscaper owe so much more after the year-end review of their books',
      'WC aud addl prem uninsured subs',
      'por qué la auditoría de compensación laboral cobró más a los jardineros',
    ],
  ],
  [
    'xmod',
    25,
    'ai_interaction',
    'Summary: Greenleaf Landscaping’s experience modification rises from 0.92 to 1.18 on the 1/1 rating because of the two lost-time injuries in 2025; at the current payroll that is about $9,300 more a year on the workers compensation.',
    [
      'what pushed the lawn company’s injury-coverage multiplier up',
      'x-mod increase greenleaf',
      'por qué subió el factor de experiencia de Greenleaf',
    ],
    ['x-xmod-worksheet'],
  ],
  [
    'mower-theft',
    25,
    'ticket',
    'Stolen equipment: zero-turn mower and two backpack blowers taken off the locked trailer at a job site overnight; police report #24-1187, inland marine contractor’s equipment claim opened, $1,000 deductible.',
    [
      'lawn crew’s machines went missing at a customer’s property',
      'contractors equip floater theft clm',
      'le robaron la podadora al jardinero',
    ],
  ],
  [
    'herbicide-drift',
    25,
    'communication',
    'Email from Greenleaf: weed killer sprayed along a customer’s fence drifted and killed the neighbor’s vegetable garden and two young maples; neighbor wants $4,200. GL has a pollution exclusion, asking the carrier whether the herbicide applicator endorsement applies.',
    [
      'spray from the yard crew wiped out next door’s plants',
      'herbicde drift pollution excl',
      'el químico para las malas hierbas mató las plantas del vecino',
    ],
  ],
  [
    'cargo-limit',
    27,
    'note',
    'Tri-County signed a contract to haul consumer electronics for a distributor; shipper requires motor truck cargo of $250,000 per load, current limit is $100,000. Get the increase quoted before the first run on the 12th.',
    [
      'the new shipping customer wants more protection for the goods on board',
      'MTC limit 250k',
      'el cliente de transporte necesita más cobertura para la carga',
    ],
  ],
  [
    'excluded-driver',
    27,
    'note',
    'Carrier will only renew the truck policy if Rick Dawson is excluded: three speeding violations and a preventable accident in 36 months. Tri-County agreed to take him off the road and sign the named driver exclusion.',
    [
      'which hauler employee has to stop driving to keep the coverage',
      'named drvr exclusion Rick',
      'el chofer que excluyeron de la póliza de camiones',
    ],
  ],
  [
    'dot-filing',
    27,
    'ticket',
    'Federal filing: Tri-County is starting interstate hauls, needs the MCS-90 endorsement and the BMC-91X filed with FMCSA under their USDOT number before they cross state lines.',
    [
      'paperwork so the trucks can run outside the state',
      'MCS90 / BMC 91X filing',
      'registro federal para que los camiones crucen a otro estado',
    ],
    ['x-authority'],
  ],
  [
    'dock-damage',
    27,
    'ticket',
    'Driver backed the tractor-trailer into a customer’s loading dock door in Dayton; door and frame destroyed, estimate $11,500. Third-party property damage claim reported under commercial auto liability.',
    [
      'a rig reversed into the receiving bay at a client’s warehouse',
      'backed into dock PD clm',
      'el camión chocó la puerta del muelle de carga',
    ],
  ],
  [
    'foundation',
    26,
    'communication',
    'Marcus emailed photos of a widening crack in the basement wall and sticking doors upstairs; he asked if his homeowners will pay. Told him settling and foundation movement are excluded, suggested a structural engineer.',
    ['the house is shifting and a wall split, is that paid for', 'foundation crak covered?', 'grieta en los cimientos de la casa'],
  ],
  [
    'mold-denial',
    26,
    'ai_interaction',
    'Summary of Marcus Johnson’s claim: the carrier denied the mold in the upstairs bathroom because it came from a slow leak under the vanity over many months (repeated seepage exclusion); only a sudden and accidental discharge is covered. An appeal would need a plumber’s report showing a sudden failure.',
    ['why did the company refuse to pay for the fungus in his bathroom', 'mold clm denied seepage', 'por qué negaron el reclamo de moho'],
    ['x-mold-plumber'],
  ],
  [
    'home-sharing',
    26,
    'note',
    'Marcus started listing the basement apartment on Airbnb most weekends. The homeowners excludes home-sharing; quote the home-sharing endorsement or a landlord policy.',
    ['he rents out the lower unit to short-stay travelers', 'airbnb excl HO', 'renta el sótano a turistas por fin de semana'],
  ],
  [
    'furnace',
    26,
    'communication',
    'Marcus: the furnace quit in the cold snap and the repair is $3,800, is that covered? Reply: wear and tear and mechanical breakdown are not covered by the homeowners; the equipment breakdown endorsement would cover it going forward for $45 a year.',
    ['heater died, does the policy pay to fix it', 'furnance breakdown covrg', 'se descompuso la calefacción, lo cubre el seguro'],
  ],
  [
    'remodel',
    26,
    'note',
    'Marcus finished an $85,000 kitchen and primary bath renovation; raise Coverage A so the dwelling is insured to replacement cost, new estimator run shows $412,000.',
    [
      'after the big home improvement project the rebuild amount is too low',
      'Cov A increase post reno',
      'remodeló la cocina y hay que subir la cobertura de la vivienda',
    ],
    ['solar'],
  ],
  [
    'loss-assessment',
    28,
    'ticket',
    'Loss assessment: the condo association charged every unit owner $4,000 for the hail damage to the building roof; Beatriz’s HO-6 has only $1,000 loss assessment coverage. Claim filed for the $1,000, raising the limit to $25,000 for next term.',
    [
      'the HOA billed each owner for fixing the building after the storm',
      'HO6 loss assesment',
      'la asociación del condominio cobró a cada dueño por el techo',
    ],
  ],
  [
    'cleaning-lady-es',
    28,
    'communication',
    'Beatriz escribió: la señora que limpia su casa cada semana se resbaló en la escalera y se lastimó la espalda; pregunta si su seguro de casa paga los gastos médicos. Le explicamos que la cobertura de pagos médicos a terceros del HO-6 aplica hasta $5,000.',
    [
      'her housekeeper fell on the stairs and hurt herself',
      'med pay for domestic worker injury',
      'la muchacha de la limpieza se cayó en la casa',
    ],
  ],
  [
    'wood-stove',
    3,
    'note',
    'Luis put in a wood-burning stove in the living room over the winter; carrier needs photos of the hearth and clearances and proof it was installed by a licensed installer, or it will surcharge.',
    [
      'new fireplace insert that burns logs, what does the insurer need',
      'woodstove install photos',
      'instaló una estufa de leña en la sala',
    ],
  ],
  [
    'acv-roof',
    1,
    'communication',
    'Tom’s renewal notice: roof coverage changed to an actual cash value payment schedule because the roof is over 15 years old; a hail or wind loss to it would pay the depreciated value, not the cost of a new roof.',
    [
      'storm damage to his aging shingles would only pay what they are worth now',
      'ACV roof sched endt',
      'el techo solo pagaría el valor depreciado',
    ],
  ],
  [
    'smoker',
    29,
    'note',
    'Nora quit smoking 14 months ago (nicotine patches ended in March). Most carriers give non-tobacco rates after 12 months: request a reconsideration of her rating class on the term policy, saves about $620 a year.',
    [
      'she gave up cigarettes, can her life rate come down',
      'tobacco reclass request',
      'dejó de fumar y quiere bajar la prima del seguro de vida',
    ],
  ],
  [
    'ul-illustration',
    29,
    'ai_interaction',
    'In-force illustration summary for Nora Fitzgerald’s universal life: cash value $18,400; at the current $95 monthly premium the policy is projected to lapse at age 84. Paying $140 a month keeps it in force to 100.',
    [
      'will her permanent coverage run out of money before she dies',
      'UL inforce illus lapse age',
      'cuándo se acaba la póliza de vida universal de Nora',
    ],
  ],
  [
    'disability',
    29,
    'note',
    'Nora is now self-employed as a graphic designer and has no paycheck protection if she gets sick or hurt; quote individual disability income, 90-day elimination period, benefit to age 65.',
    ['if she can’t work because of an illness, what replaces her earnings', 'DI quote 90 day EP', 'seguro por incapacidad para trabajar'],
  ],
  [
    'key-person',
    30,
    'note',
    'Lakeside Yoga’s bank loan requires life insurance on the founder, Maya Torres, as a condition of the $150,000 expansion loan; quote $500k term with the business as owner and beneficiary, collateral assignment to the bank.',
    [
      'lender wants the studio owner’s death covered before lending',
      'key person life collat assignment',
      'el banco pide seguro de vida de la dueña del estudio',
    ],
  ],
  [
    'yoga-prof',
    30,
    'communication',
    'Lakeside asked whether the BOP covers a student who says an instructor’s hands-on adjustment hurt her shoulder. The BOP excludes professional services; we are quoting fitness instructors’ professional liability covering all 9 teachers.',
    [
      'a class member claims a teacher injured her during a pose',
      'prof liab for yoga instructors',
      'una alumna dice que la instructora la lastimó',
    ],
  ],
  [
    'spoilage',
    33,
    'ticket',
    'Spoilage claim: power outage from the ice storm shut down the walk-in cooler for 41 hours; $6,200 of meat, cheese and produce thrown out. BOP spoilage endorsement limit is $10,000, adjuster asked for the inventory and invoices.',
    ['food went bad when the electricity was out', 'spoilge clm walk in', 'se echó a perder la comida cuando se fue la luz'],
    ['x-outage'],
  ],
  [
    'slip-fall',
    33,
    'communication',
    'Maple Street Deli manager: a customer slipped on the wet floor by the soda machine and broke her wrist; she is asking who pays her ER bill. Reported to the carrier; BOP medical payments $5,000 applies regardless of fault.',
    [
      'a shopper took a tumble in the sandwich place',
      'slip n fall med pay deli',
      'una clienta se cayó en la tienda y se fracturó la muñeca',
    ],
  ],
  [
    'lease-req',
    33,
    'communication',
    'Landlord’s property manager says the new lease requires $2M aggregate liability, the landlord as additional insured, and a waiver of subrogation; current BOP aggregate is $1M. Need endorsements before the lease signing on the 30th.',
    [
      'the building owner wants higher limits in the rental contract',
      'waiver of subro + AI for landlord',
      'el dueño del local pide más cobertura en el contrato de renta',
    ],
  ],
  [
    'food-illness',
    33,
    'ticket',
    'Four customers report food poisoning after eating the chicken salad on Saturday; health department inspected. Products-completed operations claim opened under the BOP general liability.',
    ['people got sick from something they ate at the sandwich shop', 'food poisning liab claim', 'clientes se enfermaron por la comida'],
  ],
  [
    'libel-suit',
    31,
    'ticket',
    'Suit papers: a restaurant owner is suing Wei for defamation over a one-star online review; Wei has no business, so it falls to the personal umbrella’s personal injury coverage (libel/slander). Sent to the umbrella carrier for defense.',
    [
      'someone took him to court over what he wrote on a review site',
      'defamation suit PI covg umbrella',
      'lo demandaron por una reseña en internet',
    ],
    ['x-wei-dec'],
  ],
  [
    'umbrella-rental',
    31,
    'note',
    'Wei bought a duplex he rents out; umbrella carrier requires the rental dwelling liability at $300k underlying and will add the property to the schedule. Quote the DP-3 on the duplex.',
    ['he now owns a two-family investment house, what must be updated', 'add rental prop to PUP schedule', 'compró un dúplex para rentar'],
  ],
  [
    'collector-car',
    32,
    'note',
    'Diego restored a 1967 Mustang; quote an agreed value collector policy at $48,000, pleasure use only, under 2,500 miles a year, kept in a locked garage. Daily driver stays on the regular auto.',
    ['insuring his restored sixties classic for a fixed amount', 'antique auto agreed val', 'seguro para su carro clásico restaurado'],
  ],
  [
    'speeding-ai',
    32,
    'ai_interaction',
    'Diego Ramirez asked whether his ticket for 24 over will raise his rate: it is a minor violation, the carrier surcharges about 20% for three years starting at the next renewal; traffic school may keep it off the record in his state.',
    ['will going too fast cost him more on his car coverage', 'speeding tkt surcharge', 'la multa por exceso de velocidad sube la prima?'],
  ],
  [
    'mexico-trip',
    32,
    'note',
    'Diego is driving to Ensenada for two weeks in July; his US auto does not cover liability in Mexico, buy a Mexican auto policy for the trip dates.',
    ['road trip south of the border, is he protected', 'mex auto ins for trip', 'va a manejar a México, necesita seguro mexicano'],
  ],
  [
    'hit-and-run',
    24,
    'ticket',
    'Ahmed’s parked Accord was hit in the grocery store lot and the other driver left; no witnesses. Uninsured motorist property damage claim, $250 deductible, police report attached.',
    ['someone dinged his car and drove off without leaving a note', 'hit n run UMPD', 'le chocaron el carro estacionado y se fueron'],
  ],
  [
    'lease-deductible',
    24,
    'note',
    'Ahmed is leasing a new Camry; the leasing company requires 100/300/50 liability, deductibles of $1,000 or less, and the lessor listed as additional insured and loss payee.',
    [
      'the finance company sets rules for the coverage on his new vehicle',
      'lessor AI/LP reqts',
      'requisitos de la compañía del arrendamiento del carro',
    ],
  ],
  [
    'towing',
    24,
    'communication',
    'Ahmed texted: his car broke down on I-80 and was towed 40 miles, the bill was $310; does his policy pay it? He has roadside assistance up to $100 per disablement, will submit the receipt.',
    ['he got stranded on the highway and paid a hauler', 'towing reimb', 'la grúa le cobró, lo paga el seguro'],
  ],
  [
    'commute',
    24,
    'note',
    'Ahmed’s new job is 60 miles each way; change vehicle use from pleasure to commute and annual mileage to 28,000. Rate goes up about $14 a month.',
    ['his drive to work got a lot longer', 'annual mi / use change', 'maneja mucho más para ir al trabajo'],
  ],
  [
    'bond',
    4,
    'note',
    'Okafor Plumbing won the city water main contract; the city requires performance and payment bonds at 100% of the $640,000 contract. Sent the contractor questionnaire and financial statements to the surety.',
    [
      'guarantee the municipality wants that the plumber will finish the job',
      'perf bond for city contract',
      'fianza de cumplimiento para el contrato con la ciudad',
    ],
  ],
  [
    'epli',
    18,
    'communication',
    'Summit Dental’s office manager: the hygienist they let go says she was fired for being pregnant and has hired a lawyer. They have no employment practices liability; the BOP will not respond. Quoting EPLI and reporting the demand letter anyway.',
    [
      'ex-employee threatening to sue after losing her job',
      'EPL wrongful term claim',
      'empleada despedida amenaza con demandar al dentista',
    ],
  ],
  [
    'tail',
    18,
    'note',
    'Dr. Alvarez is retiring from Summit Dental in June; his malpractice is claims-made, so he needs the extended reporting period (tail) or claims reported after he leaves will not be covered. Carrier quoted the unlimited tail at 180% of annual premium.',
    [
      'the retiring dentist needs protection for old patients who complain later',
      'ERP tail quote',
      'el dentista se jubila y necesita cobertura para reclamos futuros',
    ],
  ],
  [
    'oven-fire',
    8,
    'ticket',
    'Kitchen fire at Blue Ridge Bakery: grease in the convection oven ignited, hood system put it out; smoke damage throughout, closed 5 days. Property and business income claim opened, adjuster Tuesday.',
    ['the bakery had a blaze and had to shut for almost a week', 'BI claim after oven fire', 'incendio en la cocina de la panadería'],
  ],
  [
    'height-limit',
    13,
    'note',
    'Peak Roofing’s GL has a height limitation: no work above three stories without carrier approval. They bid on a six-story apartment re-roof; submit the job details to underwriting for a one-time exception.',
    [
      'can the roofers work on a tall building under their coverage',
      'height restriction endt GL roofer',
      'los techadores van a trabajar en un edificio alto',
    ],
  ],
  [
    'garagekeepers',
    23,
    'ticket',
    'Three customer cars left overnight in Riverside’s lot were vandalized, windows broken and interiors slashed; garagekeepers legal liability claim, owners’ own insurers notified.',
    [
      'vehicles waiting for repair were damaged on the shop’s property',
      'garage keepers claim vandalism',
      'vandalizaron los carros de los clientes en el taller',
    ],
  ],
  [
    'permissive',
    0,
    'ticket',
    'Maria’s niece, who is not listed on the policy, borrowed the Corolla and sideswiped a parked van; permissive use applies, collision and liability claims opened under Maria’s auto.',
    ['a family member she loaned her wheels to had a wreck', 'permisive user accident', 'la sobrina chocó el carro prestado'],
  ],
  [
    'uhaul',
    2,
    'communication',
    'Priya asked if her auto covers the 20-foot moving truck she is renting next weekend. Personal auto excludes rented trucks over 10,000 lb GVW; buy the rental company’s damage waiver and liability.',
    ['will she be protected driving a box van for relocating', 'uhaul coverage', 'cubre su seguro el camión de mudanza rentado?'],
  ],
  [
    'wind-mit-es',
    3,
    'communication',
    'Luis envió el informe de mitigación de viento: las contraventanas contra huracanes y el techo con amarres califican para un descuento de unos $410 al año en la póliza de la casa.',
    ['hurricane shutters should lower his home premium', 'wind mit credit', 'le dan descuento por las protecciones contra huracanes?'],
  ],
  [
    'jenny-abroad',
    5,
    'ai_interaction',
    'Jenny Walsh asked whether her umbrella follows her to Italy: the personal umbrella covers liability worldwide, but a rental car abroad needs the local liability sold by the rental agency since her auto policy stops at the US and Canada.',
    [
      'is she protected if she hurts someone while traveling in Europe',
      'PUP worldwide coverage rental car abroad',
      'la cubre el seguro paraguas en Italia?',
    ],
  ],
  [
    'group-life',
    9,
    'note',
    'Kevin is leaving his job at the hospital; his $200k group life through work ends on the last day, portability form must be sent within 31 days or he loses it.',
    ['keeping the employer death benefit after he quits', 'group term portability', 'seguro de vida del trabajo al cambiar de empleo'],
  ],
  [
    'storage-unit',
    10,
    'communication',
    'Sarah asked if furniture she put in a self-storage unit during the renovation is covered; off-premises personal property is limited to 10% of Coverage C, about $15,000.',
    ['belongings kept away from home while they remodel', 'off prem contents storage', 'cosas guardadas en una bodega de almacenamiento'],
  ],
  [
    'plow',
    11,
    'note',
    'Mike put a plow on the F-250 and is clearing driveways for cash this winter; personal auto excludes business use like this, needs a commercial auto policy for the truck.',
    ['he’s charging neighbors to push snow with his pickup', 'snowplow biz use', 'quita nieve con su camioneta y cobra'],
  ],
  [
    'chimney-ale',
    14,
    'ticket',
    'Chimney fire at the Olsons’: smoke damage to the living room and upstairs, house not livable for about three weeks. Claim opened; additional living expense approved for a hotel and meals.',
    [
      'family displaced after the fireplace flue caught fire, who pays for lodging',
      'ALE for chimney fire',
      'incendio de chimenea, el seguro paga el hotel?',
    ],
    ['x-hotel'],
  ],
  [
    'scuba',
    15,
    'note',
    'Fatima is taking up scuba diving (certified in May, plans dives to 100 ft); the life application asks about hazardous avocations, expect a flat extra of about $2.50 per thousand or an exclusion rider.',
    [
      'her new underwater hobby could raise what she pays for the death benefit',
      'avocation flat extra diving',
      'buceo y el seguro de vida',
    ],
  ],
  [
    'subrogation',
    16,
    'communication',
    'Good news for Carlos: the other driver’s company accepted 100% liability for the intersection crash, so our carrier recovered his $500 collision deductible through subrogation; check mailed this week.',
    ['will he get back the money he paid out of pocket for the wreck', 'subro deductible reimbursement', 'le devuelven el deducible?'],
  ],
  [
    'winback',
    17,
    'note',
    'Linda called: the direct writer raised her by $410 at the first renewal and she wants to come back. Requote home and auto with us, and re-offer the umbrella.',
    ['former client who left for a cheaper company wants to return', 'winback Linda requote', 'la clienta que se fue quiere regresar'],
    ['lost-price'],
  ],
  [
    'cabin-freeze',
    19,
    'ticket',
    'Frozen pipes at Bill’s lake cabin: heat was turned off in January and the kitchen supply line split. Carrier reviewing under the freezing exclusion (heat must be maintained or water shut off and drained); coverage not confirmed yet.',
    [
      'the vacation place iced up and a line cracked while nobody was there',
      'freeze excl seasonal cabin',
      'se congelaron las tuberías de la cabaña',
    ],
  ],
  [
    'foreign-license',
    20,
    'note',
    'Elena’s mother moved in from Russia and drives Elena’s car; she only has a Russian license. Carrier will rate her as an inexperienced driver until she gets a state license; list her as a household driver now.',
    ['her mom just arrived from overseas and uses the car', 'intl drivers license rating', 'su mamá maneja con licencia extranjera'],
  ],
  [
    'loss-of-rents',
    21,
    'ticket',
    'Fire in the kitchen of Jorge’s rental house; tenants moved out during repairs. Claim opened on the DP-3 including fair rental value, $1,650 a month for up to 12 months.',
    [
      'landlord losing income while the unit is being rebuilt',
      'loss of rents DP3 claim',
      'el inquilino se fue y no recibe renta durante la reparación',
    ],
  ],
  [
    'experience-letter',
    22,
    'communication',
    'Hannah needs a letter of experience from her previous carrier showing five claim-free years, so the new company will give her the loss-free discount; request sent to the old carrier.',
    ['document from her old company showing a clean record', 'LOE / loss runs request', 'carta de historial sin reclamos'],
  ],
  [
    'ana-ai-es',
    12,
    'ai_interaction',
    'Resumen para Ana Lucia Reyes: su póliza tiene solo responsabilidad civil; como el carro está financiado, el banco exige cobertura de choque y amplia con deducible máximo de $1,000. Cotización: $62 más al mes.',
    [
      'the lender says her financed car needs full coverage',
      'liab only, lienholder reqs comp and coll',
      'el banco exige cobertura completa para el carro financiado',
    ],
  ],
  [
    'alarm-credit',
    1,
    'note',
    'Tom installed a monitored burglar and fire alarm; send the central station certificate to the carrier for the protective device credit (about 8% off the home).',
    ['he put in a security system, does he get money off', 'alarm cert protective device disc', 'descuento por el sistema de alarma'],
  ],
  [
    'sr26',
    6,
    'ticket',
    'Carrier filed an SR-26 with the state: Dan’s policy cancelled for nonpayment, so his SR-22 is no longer active and the DMV will suspend his license unless a new filing is in place within 15 days.',
    [
      'the state was told his proof of financial responsibility ended',
      'SR26 filed license suspension',
      'el estado va a suspender su licencia',
    ],
    ['dui', 'sr22'],
  ],
  [
    'ai-rosa-bundle',
    7,
    'ai_interaction',
    'Summary for Rosa Martinez: bundling her home and auto with the same carrier saves $540 a year (multi-policy 12%); her auto is currently with another agency, x-date August 3.',
    [
      'how much would Rosa save by putting both policies together',
      'multi policy disc Rosa',
      'cuánto ahorra Rosa si junta la casa y el carro',
    ],
  ],
];

/** Records that help answer a story's questions (grade 1) without answering them. */
export const SUPPORT: Array<[id: string, lead: number, kind: Kind, text: string]> = [
  [
    'x-xmod-worksheet',
    25,
    'note',
    'NCCI experience rating worksheet for Greenleaf received; effective 1/1, two lost-time claims in the experience period.',
  ],
  [
    'x-authority',
    27,
    'communication',
    'Tri-County: we got our own operating authority (MC number) last week, the first interstate load is on the 20th.',
  ],
  ['x-mold-plumber', 26, 'note', 'Plumber’s invoice for Marcus: replaced the corroded supply line under the upstairs vanity.'],
  ['x-outage', 33, 'note', 'Utility letter for Maple Street Deli confirming the outage on Elm Ave from Jan 8 to Jan 10.'],
  ['x-wei-dec', 31, 'note', 'Wei’s umbrella declarations: $1M limit, personal injury included, self-insured retention $250.'],
  [
    'x-hotel',
    14,
    'communication',
    'Greg: we checked into the Residence Inn on Main, please let the adjuster know the nightly rate is $149.',
  ],
];

/**
 * Judgements of book.ts's stories on records added here, decided by reading before any run:
 * these records answer or help those questions too (grade 1).
 */
export const EXTRA_RELATED: Record<string, string[]> = {
  'cancel-nonpay': ['sr26'],
  'lost-price': ['winback'],
  'workers-comp': ['xmod', 'cleaning-lady-es'],
  hail: ['loss-assessment'],
};

/** Routine texts that share words with the questions above but answer none. */
export const MORE_ROUTINE: Array<[number, Kind, string]> = [
  [25, 'note', 'Greenleaf asked to add a new pickup for the spring crew; send the VIN to the carrier.'],
  [25, 'communication', 'Greenleaf: payroll report for the quarter attached, nothing else needed.'],
  [27, 'communication', 'Tri-County dispatcher asked for updated ID cards for all trucks.'],
  [27, 'note', 'Rick Dawson called to confirm the new mailing address for the driver file.'],
  [26, 'note', 'Roof and gutters look fine in the agent’s drive-by photos; nothing to report.'],
  [26, 'communication', 'Marcus: the basement is finished now, can you send me the renewal paperwork?'],
  [28, 'note', 'Beatriz confirmed the condo association master policy renews in March.'],
  [29, 'note', 'Nora asked for a duplicate of her life policy contract for her files.'],
  [30, 'communication', 'Lakeside Yoga moved the renewal review to Tuesday afternoon; the owner will join by phone.'],
  [31, 'note', 'Wei asked if the umbrella renewal premium can be paid by credit card.'],
  [32, 'note', 'Diego dropped off the title and registration for the Mustang.'],
  [32, 'communication', 'Diego: ¿me pueden mandar las tarjetas de seguro del carro por correo?'],
  [33, 'ticket', 'Maple Street Deli needs a duplicate copy of last year’s BOP declarations page.'],
  [33, 'note', 'Deli owner says business is good, thinking about a second location next year.'],
  [24, 'note', 'Ahmed called about the new job; he will email the lease paperwork later.'],
  [24, 'communication', 'Ahmed: the highway construction made me late, can we move our call to 3?'],
  [14, 'note', 'Greg says the chimney was swept in October; receipt on file.'],
  [8, 'note', 'Blue Ridge Bakery asked for a certificate for the farmers market organizer.'],
  [5, 'communication', 'Jenny: I will be traveling next month, please email rather than call.'],
  [10, 'note', 'Sarah asked for the home inventory checklist we give every client.'],
  [19, 'note', 'Bill will be at the lake cabin through August; call his cell.'],
  [0, 'communication', 'Maria: gracias por la ayuda, le mando los documentos mañana.'],
  [3, 'note', 'Luis pidió la factura de la prima en español.'],
  [20, 'note', 'Elena asked to add roadside assistance to her car; no other changes.'],
  [18, 'note', 'Summit Dental added a second office manager as a contact for billing.'],
  [9, 'note', 'Kevin asked to move the term life draft date to the 5th.'],
];

/** More questions no record answers well. */
export const MORE_NO_ANSWER = [
  'who owns a vineyard in Napa?',
  'bounce house rental business',
  'hole in one prize for the charity golf tournament',
  'who keeps bees in the backyard?',
  'haunted house attraction liability',
  'llama bit a visitor at the farm',
  'satellite launch coverage',
  'band equipment on a world tour',
  'pet groomer bailee coverage',
  'seguro para una granja de pollos',
  'who restores stained glass windows?',
  'wedding dress ruined by the dry cleaner',
  'lottery winnings annuity',
  'who owns a helicopter?',
  'fireworks stand on the fourth of July',
  'quién tiene una colección de monedas antiguas?',
  'tiny house on wheels',
  'bitcoin mining rig overheated',
  'escape room liability',
  'zoo animal escaped',
  'ferry passenger injury',
  'hay barn fire on the ranch',
  'rodeo bull rider accident',
  'seguro para un restaurante de sushi',
];
