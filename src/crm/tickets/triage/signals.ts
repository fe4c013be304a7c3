/**
 * What makes a ticket urgent, as the customer says it: urgency signals (a loss, a lapse risk,
 * anything legal, a safety event), words asking for speed, deadlines, and "no rush". Patterns
 * match NORMALISED text (lower case, no accents: see `normalize`), as whole words.
 */

export type UrgencySignal =
  | 'loss_event'
  | 'lapse_non_payment'
  | 'lapse_cancellation_notice'
  | 'lapse_expiring'
  | 'legal_attorney'
  | 'legal_lawsuit'
  | 'legal_subpoena'
  | 'legal_regulator'
  | 'safety_injury'
  | 'safety_fire'
  | 'safety_flood';

export const SIGNAL_PATTERNS: Readonly<Record<UrgencySignal, RegExp>> = {
  loss_event:
    /\b(?:wreck|wrecked|crash(?:ed)?|(?:hit|struck|backed into|ran into) (?:me|us|my|our|a|an|the)|hole in|raining in|leak(?:ed|ing)|slipped|tripped|se metieron|me chocaron|granizo|accident|acident|collision|rear[- ]?ended|fender bender|totall?ed|hail|water damage|burst pipe|stolen|theft|broken into|break[- ]in|vandali[sz]ed|(?:file|report) (?:a |an )?(?:claim|loss)|accidente|choque|chocaron|robo|robaron|siniestro)\b/g,
  lapse_non_payment:
    /\b(?:past due|missed (?:a |my |the )?payment|non[- ]?payment|nonpayment|payment (?:failed|was declined|declined|bounced|was returned)|card (?:was )?declined|returned payment|insufficient funds|pago atrasado|falta de pago|no pude pagar)\b/g,
  lapse_cancellation_notice:
    /\b(?:notice of cancellation|cancellation notice|intent to cancel|notice of (?:intent|non[- ]?renewal)|non[- ]?renewal notice|pending cancellation|(?:will|is going to) be cancell?ed|aviso de cancelacion)\b/g,
  lapse_expiring: /\b(?:expires?|expiring|expired|expiration|lapsed?|lapsing|runs out|vence|vencio|vencida|caduca)\b/g,
  legal_attorney: /\b(?:attorney|attorneys|lawyer|lawyers|legal counsel|abogad[oa])\b/g,
  legal_lawsuit: /\b(?:lawsuit|sue|suing|sued|litigation|legal action|demanda|demandar)\b/g,
  legal_subpoena: /\b(?:subpoena|subpoenaed|summons|served (?:with )?papers|citatorio|citacion judicial)\b/g,
  legal_regulator:
    /\b(?:department of insurance|insurance (?:department|commissioner)|commissioner|regulators?|state insurance board|departamento de seguros)\b/g,
  safety_injury:
    /\b(?:urgent care|urgencias|ambulancia|(?:le|me) duele|fractur\w*|broken (?:arm|wrist|leg|ankle|bone|rib|nose)s?|(?:neck|back) pain|se corto|cut (?:his|her|my) (?:hand|finger|arm|leg)|injury|injuries|injured|hurt|hospital|hospitalized|ambulance|emergency room|bleeding|concussion|herid[oa]s?|lesionad[oa]s?|lesiones)\b/g,
  safety_fire:
    /\b(?:gas (?:leak|smell)|smell(?:s)? (?:of )?gas|olor a gas|bomberos|fire(?! (?:insurance|policy|coverage))|smoke|burned|burning|burnt|incendio|fuego|humo|se quemo)\b/g,
  safety_flood:
    /\b(?:water (?:is )?(?:coming|pouring) (?:in|through)|(?:el )?agua sigue subiendo|sigue subiendo|se (?:nos )?metio (?:el )?agua|flood(?! (?:zone|insurance|policy|coverage|plain|map))|flooded|flooding|water (?:everywhere|pouring|rising)|inundacion|inundad[oa]|se inundo)\b/g,
};

/** Words that ask for speed; they raise priority one step. */
export const URGENCY_WORDS =
  /\b(?:asap|urgent|urgently|emergency|immediately|right away|right now|as soon as possible|urgente|urgentemente|emergencia|inmediatamente|cuanto antes|lo antes posible|ya mismo)\b/g;

/**
 * A deadline of today or tomorrow in a clause that asks for something or names what falls due
 * ("need it today", "before they let me drive it off the lot today", "expires tomorrow", "para
 * mañana"); "picked it up today" is not one, nor "esta mañana" (this morning).
 */
export const DEADLINE =
  /\b(?:need|needs|needed|have to|has to|must|by|before|until|or|so|expires?|expiring|due|cancels?|lapses?|necesito|necesitamos|necesita|tengo que|antes|para|hasta|o|vence|se cancela)\b(?:[^.!?\n]{0,60}?)\b(?:today|tonight|tomorrow|hoy|manana(?! por la| en la)|end of (?:the )?day|by \d{1,2} ?(?:am|pm))\b/g;

/** Words that say there is no hurry; a request without other reasons then drops to low. */
export const NO_RUSH =
  /\b(?:no rush|not urgent|no hurry|when you get a chance|whenever you (?:can|get)|just (?:curious|asking|wondering)|just wanted to (?:let|say|thank)|no es urgente|sin prisa|cuando (?:puedan|tengan tiempo)|(?:solo|nomas) (?:por )?curiosidad|hypothetically)\b/g;
