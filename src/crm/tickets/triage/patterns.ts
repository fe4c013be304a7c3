/**
 * The deterministic classifier's knowledge: weighted patterns per ticket category and per urgency
 * signal, in English and Spanish, including common misspellings. Patterns match NORMALISED text
 * (lower case, no accents: see `normalize`), as whole words.
 */
import type { TICKET_CATEGORIES } from '../../../db/schema/index.js';

export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export interface Pattern {
  re: RegExp;
  /** Weight added to the category when matched; negative weights pull away (a notice is billing, not a request to cancel). */
  w: number;
  /** What the rationale names. */
  label: string;
}

const pat = (source: string, w: number, label?: string): Pattern => ({
  re: new RegExp(`\\b(?:${source})\\b`, 'g'),
  w,
  label:
    label ??
    source
      .split('|')[0]!
      .replace(/[()?:\\[\]]/g, '')
      .replace(/ +/g, ' '),
});

const VEHICLE = '(?:car|vehicle|truck|auto|van|suv|motorcycle)';
const VEHICLE_ES = '(?:carro|coche|vehiculo|auto|camioneta|moto|troca|van)';

export const CATEGORY_PATTERNS: Readonly<Record<Exclude<TicketCategory, 'other'>, readonly Pattern[]>> = {
  claim: [
    pat('claims?|cliam|claum|calim', 2, 'claim'),
    pat('(?:file|filing|open|opening|start|report|reporting) (?:a |an )?(?:new )?(?:claim|loss)', 3, 'file a claim'),
    pat('claim (?:number|#|status)', 2, 'claim number'),
    pat('accident|acident|accidnet', 2.5, 'accident'),
    pat('fender bender|rear[- ]?ended|t[- ]?boned|sideswiped', 3, 'collision'),
    pat('collision', 1.5),
    pat('totall?ed|total loss', 2.5, 'total loss'),
    pat(
      'wreck|wrecked|crash(?:ed)?|(?:hit|struck|backed into|ran into|crashed into|slammed into) (?:me|us|my|our|a|an|the)(?! (?:deductible|limit|max))',
      2.5,
      'collision',
    ),
    pat(
      '(?:tree|limb|branch)(?:es)? (?:fell|came down|down)|(?:fell|came down) on|hole in (?:the |my |our )?(?:roof|wall|ceiling)|raining in|leak(?:ed|ing|s)?|tarp|mold|sewer backup|ceiling (?:collapsed|caved)',
      2.5,
      'property damage',
    ),
    pat('slipped|slip and fall|tripped|fell (?:down|off|on)|dog bite|bit (?:a|the|my|our)|bitten|nipped', 2, 'liability loss'),
    pat('catalytic converter|smashed|shattered|stole|took my', 2, 'theft/damage'),
    pat('hail(?: damage)?|water damage|burst pipe|pipe burst|roof (?:leak|damage)|storm damage|tree fell', 3, 'property damage'),
    pat(
      'fire(?! (?:insurance|policy|coverage))|smoke damage|flood(?! (?:zone|insurance|policy|coverage|plain|map))|flooded|flooding|incendio|inundacion|inundad[oa]|se inundo',
      2,
      'fire/flood',
    ),
    pat('stolen|theft|broken into|break[- ]in|vandali[sz](?:ed|m)', 2.5, 'theft/vandalism'),
    pat('adjuster|ajustador|first notice of loss|fnol', 2.5, 'adjuster/FNOL'),
    pat('windshield|glass (?:claim|damage)|cracked', 1.5, 'glass'),
    pat('tow(?:ed|ing)?|grua', 1, 'tow'),
    pat('reclamo|reclamacion|siniestro', 3, 'reclamo/siniestro'),
    pat('choque|chocaron|choco|me pegaron', 3, 'choque'),
    pat('accidente', 2.5),
    pat('robo|robaron|me robaron', 2.5, 'robo'),
    pat('danos?|danado|danada', 1.5, 'daños'),
    pat('vidrio|parabrisas|cristal|se (?:me )?rompio|se quebro|quebrad[oa]|abollad[oa]s?|abolladuras?|golpe(?:aron)?', 2, 'vidrio/golpe'),
    pat(
      'se metieron|se llevaron|granizo|granizada|tormenta|goteras?|se (?:nos )?metio (?:el )?agua|(?:se )?cayo|caida|resbalo|tropezo|mordio|mordida',
      2.5,
      'robo/daño/caída',
    ),
  ],
  billing: [
    pat('bill|billing|billed|invoice|invioce|statement', 2, 'bill/invoice'),
    pat('payments?|paymnet|payement|pay my|make a payment', 2, 'payment'),
    pat('charged twice|double charged|charged me twice|duplicate charge|overcharged', 3, 'double charge'),
    pat('auto[- ]?pay|automatic (?:payment|draft)|bank draft', 2.5, 'autopay'),
    pat('refund|reimburse(?:ment)?', 2.5, 'refund'),
    pat('premium (?:went up|increase|increased|is higher|doubled|jumped)|rate increase', 2.5, 'premium increase'),
    pat('past due|late fee|overdue|balance due|installments?', 2.5, 'past due'),
    pat('notice of cancellation|cancellation notice|intent to cancel|pending cancellation', 2.5, 'cancellation notice'),
    pat('credit card|debit card|bank account|routing number', 1.5, 'card/bank'),
    pat('(?<!in )charges?|charged|declined|bounced|withdrawals?|reinstate(?:ment)?|lapsed?', 1.5, 'charge'),
    pat(
      '(?:price|rate|premium|payment|bill)s? (?:went up|goes up|go up|increased?|is higher|jumped|doubled|keeps going up)|increase',
      1.5,
      'price increase',
    ),
    pat('(?:was|been|got|being|will be|is going to be) cancell?ed|se cancela|se cancelo|fue cancelad[oa]', 1.5, 'cancelled by the carrier'),
    pat('cargos?|tarjeta(?! del? seguro)|pague|cobrar|subio|subieron|aumento|se vence|vencio|vencida', 1.5, 'cargo/tarjeta'),
    pat('pago|pagos|pagar|factura|recibo|cuota|saldo', 2, 'pago/factura'),
    pat('me cobraron|cobro doble|cargo doble|cobro|cobraron', 2.5, 'cobro'),
    pat('reembolso|devolucion', 2.5, 'reembolso'),
    pat('aviso de cancelacion', 2.5),
  ],
  policy_change: [
    pat(`add (?:a |my |the |our |another )?(?:new )?(?:driver|${VEHICLE}|wife|husband|spouse|son|daughter|teen)`, 3, 'add driver/vehicle'),
    pat(`(?:remove|delete|take off) (?:a |my |the |our )?(?:driver|${VEHICLE}|son|daughter)`, 3, 'remove driver/vehicle'),
    pat(`(?:replace|swap|trade(?:d)? in|bought a (?:new )?|new) ${VEHICLE}`, 2.5, 'vehicle change'),
    pat('change (?:of )?(?:my |our )?address|new address|address change|moved|moving', 2.5, 'address change'),
    pat('endorsements?|endorsment|endorse', 3, 'endorsement'),
    pat(
      `add(?:ed|ing)?(?: [a-z0-9']+){1,3} (?:drivers|${VEHICLE}s|vans|trucks|cars|vehicles|locations?|buildings?|stores?)|new driver`,
      2.5,
      'add driver/vehicle/location',
    ),
    pat(
      '(?:add|remove|take|put)\\b[^.]{0,40}\\b(?:on|off|to|from) (?:the |my |our )?(?:policy|auto|business auto|fleet|bop)',
      2.5,
      'on/off the policy',
    ),
    pat(
      '(?:correct|fix|update|change) (?:my |the |our )?(?:name|spelling|date of birth|dob)|spelled wrong|misspelled',
      2.5,
      'correct details',
    ),
    pat(
      '(?:change|update|increase|lower|raise) (?:my |the |our )?(?:policy|deductible|limits?|lienholder|mortgagee|vin|garaging)',
      2.5,
      'policy update',
    ),
    pat('lienholder|mortgagee|loss payee|garaging', 2, 'lienholder'),
    pat(
      `(?:agregar|anadir|incluir) (?:a )?(?:un |una |mi |otro |otra )?(?:conductor|conductora|${VEHICLE_ES}|esposa|esposo|hijo|hija)`,
      3,
      'agregar conductor/vehículo',
    ),
    pat(`(?:quitar|eliminar|sacar) (?:a )?(?:un |el |la |mi )?(?:conductor|conductora|${VEHICLE_ES})`, 3, 'quitar conductor/vehículo'),
    pat(`${VEHICLE_ES} nuev[oa]|nuev[oa] ${VEHICLE_ES}|compr(?:e|amos) (?:un |una )?${VEHICLE_ES}`, 2, 'vehículo nuevo'),
    pat(
      '(?:quitar|eliminar|sacar|agregar|anadir|poner|incluir)\\b[^.]{0,40}\\b(?:de|en|a) la poliza|nos (?:cambiamos|mudamos)|mudanza',
      2.5,
      'cambio en la póliza',
    ),
    pat('cambio de (?:direccion|domicilio)|cambiar (?:mi |la )?(?:direccion|poliza)|me mude|nueva direccion', 3, 'cambio de dirección'),
    pat('endoso', 3),
  ],
  certificate: [
    pat('certificates?(?: of insurance)?|certifcate|certficate|cerificate|certifacate|sertificate|certificat', 3, 'certificate'),
    pat('cois?', 3, 'COI'),
    pat('acord ?25', 3, 'ACORD 25'),
    pat('additional(?:ly)? insured|certificate holder|waiver of subrogation', 3, 'additional insured'),
    pat(
      'proof of (?:insurance|coverage|ins)|insurance cards?|id cards?|evidence of (?:property )?insurance|eoi|binder',
      2.5,
      'proof of insurance',
    ),
    pat('certificado(?: de seguro)?|comprobante de seguro|prueba de seguro|constancia de seguro|tarjetas? del? seguro', 3, 'certificado'),
  ],
  cancellation: [
    pat('cancel|canceled|cancelled|canceling|cancelling|cancellation|cancelation|cancle|cancell', 3, 'cancel'),
    pat(
      'notice of cancellation|cancellation notice|intent to cancel|pending cancellation|aviso de cancelacion',
      -2.5,
      'carrier notice (not a request)',
    ),
    pat('terminate|termination|close (?:my |the )?(?:account|policy)|end (?:our|my|the) polic(?:y|ies)', 2, 'terminate'),
    pat(
      '(?:was|been|got|being|will be|is going to be) cancell?ed|se cancela|se cancelo|fue cancelad[oa]',
      -3,
      'cancelled by the carrier (not a request)',
    ),
    pat(
      "not (?:be )?renew(?:ing)?|won't be renewing|non[- ]?renew(?:al|ed|ing)?|no renovar(?:emos|e|a)?|no vamos a renovar",
      3,
      'not renewing',
    ),
    pat(
      'switch(?:ing)? (?:carriers|companies|insurers|insurance|to another)|found (?:a )?cheaper|cheaper (?:quote|rate|elsewhere)',
      2.5,
      'switching carriers',
    ),
    pat("(?:no longer|don't|do not) need (?:the |this |my )?(?:policy|insurance|coverage)", 2.5, 'no longer needed'),
    pat(`sold (?:my |the |our )?(?:${VEHICLE}|house|home|boat|business)`, 1.5, 'sold the insured item'),
    pat('cancelar|cancelacion|cancelen|cancele|dar(?:me|la|lo)? de baja', 3, 'cancelar'),
    pat('ya no (?:necesito|quiero) (?:el |la |mi )?(?:seguro|poliza)|cambiar de (?:compania|aseguradora)', 2.5, 'ya no necesito'),
  ],
  coverage_question: [
    pat(
      'am i covered|are we covered|(?:this|that|it) (?:is|would be) covered|(?:is|are) (?:this|that|it|they|my \\w+) covered|covered (?:for|under|if|when)|would (?:this|that|it) be covered',
      3,
      'am I covered',
    ),
    pat('does (?:my|the|our) (?:policy|insurance|plan|coverage) (?:cover|include|pay)', 3, 'does my policy cover'),
    pat('coverage|coverages|covers', 1.5, 'coverage'),
    pat(
      'deductibles?|limits?|umbrella|liability|exclusions?|excluded|roadside|rental (?:car )?(?:coverage|reimbursement)',
      1.5,
      'deductible/limits',
    ),
    pat(
      'what (?:does|is|are) (?:my|the|our) (?:policy|coverage|deductible|limits?)|question about (?:my |the )?(?:policy|coverage)',
      2.5,
      'coverage question',
    ),
    pat('cobertura|coberturas', 2, 'cobertura'),
    pat('(?:me |nos |lo |la )?cubre|estoy cubiert[oa]|esta cubiert[oa]|estamos cubiertos', 3, 'me cubre'),
    pat('deducible|limite|pregunta sobre (?:mi |la )?(?:poliza|seguro|cobertura)', 2, 'deducible'),
  ],
  complaint: [
    pat('complaint|complain|complaining|file a complaint|queja|quejarme', 3, 'complaint'),
    pat('unacceptable|unprofessional|incompetent|inaceptable', 2.5, 'unacceptable'),
    pat(
      '(?:terrible|poor|bad|worst|horrible|awful|lousy) (?:customer )?service|pesimo servicio|mal servicio|mala atencion',
      3,
      'bad service',
    ),
    pat('rude|grosero|grosera', 2.5, 'rude'),
    pat(
      '(?:nobody|no one|noone)(?: ever)? (?:has |have )?(?:called|calls|call|got|gets|get|returned|returns|answers|answered|responds|responded|replies|replied) (?:me )?back|never (?:called|heard|got|gets) back|no response|still waiting|nadie (?:me )?(?:ha |han )?(?:llamado|contestado|respondido|regresado|devuelto|contesta|responde|llama|regresa)',
      2.5,
      'no call back',
    ),
    pat(
      '(?:speak|talk) (?:to|with) (?:a |your |the |someone |somebody |whoever )?(?:manager|supervisor|owner|is in charge|in charge)|whoever is in charge|someone in charge|hablar con (?:un |el |la |su )?(?:gerente|supervisor|encargad[oa]|duen[oa]|jefe)',
      3,
      'wants a manager',
    ),
    pat('better business bureau|bbb|escalate|fed up|ignored', 2, 'escalation'),
    pat('condescending|disrespectful|hung up|treated (?:me )?like|colgaron|falta de respeto|verguenza|groser[oa]s?', 2.5, 'disrespect'),
    pat(
      '(?:third|3rd|second|fourth) (?:time|email|message|call)|(?:two|three|four|several|multiple|\\d) (?:more )?(?:messages|voicemails|emails|calls|times)|how many times|why i bother|tercera vez|(?:dos|tres|varios) (?:mensajes|correos|llamadas)',
      2,
      'repeated contact',
    ),
  ],
};

export { DEADLINE, NO_RUSH, SIGNAL_PATTERNS, URGENCY_WORDS, type UrgencySignal } from './signals.js';
