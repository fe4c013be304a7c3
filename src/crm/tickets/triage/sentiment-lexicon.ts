/**
 * The sentiment lexicon (English and Spanish, normalised: lower case, no accents): `entry=valence`
 * pairs from -3 to 3. `_` joins the words of a phrase (phrases are matched before words, longest
 * first); a trailing `*` matches any word starting with the stem (Spanish inflections:
 * molesto/molesta/molestos). Topic words ("cancel", "claim") carry no valence: asking to cancel is
 * not anger. Courtesy formulas ("thanks", "gracias" as a sign-off) are weak; thanks FOR something
 * is gratitude; sarcastic formulas ("thanks for nothing", "just great") are negative.
 */
export const LEXICON_SOURCE = [
  // English: anger, frustration, distress
  'angry=-3 furious=-3 outraged=-3 livid=-3 unacceptable=-3 ridiculous=-2.5 terrible=-3 horrible=-3 awful=-3 worst=-3',
  'disgusted=-3 disgusting=-3 scam=-3 rip_off=-3 frustrat*=-2 upset=-2 annoy*=-2 disappoint*=-2 unhappy=-2 pathetic=-3',
  'rude=-2.5 incompetent=-3 useless=-2.5 fed_up=-2.5 sick_of=-2.5 tired_of=-2 worried=-1.5 concerned=-1 confused=-1',
  'problem=-1 issue=-0.5 wrong=-1 mistake=-1.5 error=-1 late=-1 delay=-1 delayed=-1.5 ignored=-2 ignoring=-2',
  'no_response=-2 never_called=-2 still_waiting=-2 been_waiting=-1.5 still_nothing=-2.5 still_no=-1.5 on_hold=-1',
  'overcharged=-2 charged_twice=-2 denied=-1.5 stressed=-2 stressful=-2 scared=-2 terrified=-2 panic*=-2 desperate=-2',
  'freaking_out=-2.5 nightmare=-2.5 stunned=-2 shocked=-2 joke=-2 insane=-2 absurd=-2.5 unfair=-2 unbelievable=-2',
  'condescending=-2.5 disrespectful=-2.5 hung_up=-2 had_no_idea=-1.5 no_idea=-1 without_asking=-1.5 never_authorized=-2',
  'non_stop=-1.5 nonstop=-1.5 how_many_times=-2 third_time=-1.5 i_bother=-2 anyone_reading=-2 nobody_ever=-2',
  "no_one_ever=-2 nobody_gets_back=-2 i_am_done=-2.5 i'm_done=-2.5 im_done=-2.5 not_okay=-2 not_ok=-2 not_acceptable=-2.5",
  "not_fair=-2 hard_to_swallow=-1.5 can't_afford=-1.5 cannot_afford=-1.5 suspended=-1.5 threatening=-2",
  // English: the loss itself (a reported loss is bad news even when told calmly)
  'damage=-1 damaged=-1 stolen=-1.5 accident=-1 wreck=-1.5 wrecked=-1.5 crashed=-1.5 smashed=-1.5 broken=-1 leak=-1',
  'leaking=-1 hole=-1 dent=-1 totaled=-1.5 burst=-1.5 flooded=-1.5 injured=-1.5 hurt=-1.5 pain=-1.5 ambulance=-1.5',
  'hospital=-1 lawsuit=-2 sue=-2 suing=-2 sued=-2 summons=-2 attorney=-1 lawyer=-1.5 unfortunately=-1',
  // English: sarcasm formulas
  'thanks_for_nothing=-2.5 just_great=-2.5 oh_great=-2.5 love_that_for_me=-2.5 thanks_a_lot_for=-1 yeah_right=-2',
  // English: gratitude and satisfaction (sign-off courtesy is weak)
  'thanks=0.5 thx=0.5 thank=0.75 thank_you=0.75 thanks_for=1.5 thank_you_for=1.5 thank_you_so_much=2.5 thanks_so_much=2.5',
  'wanted_to_thank=2.5 want_to_thank=2.5 wanted_to_say_thank=2.5 grateful=2.5 appreciate=2 appreciated=2 great=2.5',
  'excellent=3 amazing=3 wonderful=3 happy=2 glad=2 helpful=2 pleased=2 love=2.5 perfect=2.5 good=1 awesome=3 quick=1',
  "easy=1 resolved=1.5 fantastic=3 kind=1.5 lifesaver=2.5 life_saver=2.5 are_the_best=2.5 you're_the_best=2.5 best_agency=2.5 best_service=2.5 smooth=1 painless=1.5",
  'good_news=1.5 yay=1.5 impressed=2 without_a_hitch=1.5 fair=1 okay=0.5 acceptable=1',
  // Spanish: anger, frustration, distress
  'enoj*=-3 furios*=-3 molest*=-2 inaceptable=-3 pesim*=-3 queja=-1.5 frustr*=-2 decepcion*=-2 preocup*=-1.5 problema=-1',
  'harta=-2.5 harto=-2.5 verguenza=-2.5 falta_de_respeto=-3 me_colgaron=-2 colgaron=-1.5 dan_largas=-2 largas=-1',
  'exijo=-1.5 injust*=-2 no_es_justo=-2 no_es_normal=-2 perder_mi_tiempo=-2 perder_el_tiempo=-2 gracias_por_nada=-2.5',
  'no_me_alcanza=-1.5 no_tengo_dinero=-1.5 desesper*=-2 triste=-1.5 nadie_me_llama=-2 nadie_contesta=-2 nadie_responde=-2',
  'nadie_me_ha=-2 que_pasa_con_ustedes=-2 siguen_sin=-1.5 sin_respuesta=-2 mal=-1.5 malo=-2 grosero=-2.5 grosera=-2.5',
  'estafa=-3 ridicul*=-2.5 horrible=-3 terrible=-3 asustad*=-2 nervios*=-1.5 error=-1',
  // Spanish: the loss itself
  'robo=-1.5 robaron=-1.5 accidente=-1 choque=-1 chocaron=-1 dano=-1 danos=-1 rompio=-1 duele=-1.5 dolor=-1.5',
  'ambulancia=-1.5 urgencias=-1 herid*=-1.5 abogado=-1 demanda=-2 demandar=-2 incendio=-1.5 humo=-1',
  // Spanish: gratitude and satisfaction
  'gracias=0.5 gracias_por=1.5 muchas_gracias=1.5 mil_gracias=2.5 agradec*=2 excelente=3 content*=2 feliz=2 genial=2.5',
  'amable=1.5 bueno=1 buena=1 perfecto=2.5 rapido=1 bendiga=2 encantad*=2 justo=1 normal=0',
];

export const INTENSIFIER_SOURCE =
  'very=1.5 really=1.4 extremely=1.8 so=1.3 totally=1.5 completely=1.5 absolutely=1.6 honestly=1.2 muy=1.5 super=1.5 totalmente=1.5 realmente=1.4 bastante=1.3 tan=1.3';
