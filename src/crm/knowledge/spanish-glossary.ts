/**
 * A Spanish -> English glossary for search questions, written from general knowledge of the
 * Spanish spoken around insurance and daily life in the US (not from any benchmark's questions).
 * Each topic is `spanish=english` pairs separated by `;`. Spanish keys are written as people write
 * them (accents optional: lookups strip them); a key may be a phrase (phrases are matched first).
 * The English side may list alternatives `a|b`: the first is what the embedder sees, all of them
 * (and the Spanish word) are searched for by full text. An empty English side (`de=`) marks a word
 * that carries no search meaning (it is dropped, as English stop words are).
 *
 * Left out on purpose: words that are common first names or surnames (rosa, flores, paz,
 * cruz, blanco, reyes, santos, torres, ...), so a name is never translated.
 */

/** Function words, question words, pronouns, numbers: mostly dropped. */
const FUNCTION = `
de=; del=; la=; las=; el=; los=; lo=; le=; les=; un=; una=; unos=; unas=; y=; e=; o=; u=; a=; al=; en=; con=with; sin=without;
por=; para=for; que=; qué=; quien=who; quién=who; quienes=who; quiénes=who; cual=which; cuál=which; cuales=which; cuáles=which;
cuando=when; cuándo=when; donde=where; dónde=where; como=; cómo=how; cuanto=how much; cuánto=how much; cuanta=how much;
cuánta=how much; cuantos=how many; cuántos=how many; cuantas=how many; cuántas=how many; porque=because; por qué=why;
se=; su=; sus=; mi=; mis=; tu=; tus=; nuestro=our; nuestra=our; nuestros=our; nuestras=our; suyo=; suya=; él=he; ella=she;
ellos=they; ellas=they; usted=you; ustedes=you; yo=; nosotros=we; me=; te=; nos=; este=this; esta=this; estos=these; estas=these;
ese=that; esa=that; esos=those; esas=those; eso=that; esto=this; aquí=here; ahí=there; allí=there; alguien=someone; algo=something;
alguno=any; alguna=any; algunos=some; algunas=some; ningún=no; ninguno=none; ninguna=none; nadie=nobody; nada=nothing; todo=all;
toda=all; todos=all; todas=all; otro=other; otra=other; otros=other; otras=other; mismo=same; misma=same; muy=very; más=more;
menos=less; también=also; tampoco=; ya=already; aún=still; todavía=still; pero=but; sino=; si=if; sí=yes; no=no; ni=; entre=between;
sobre=about; hasta=until; desde=since; durante=during; contra=against; hacia=; según=; mucho=much; mucha=much; muchos=many;
muchas=many; poco=little; pocos=few; cada=each; solo=only; sólo=only; solamente=only; casi=almost; bien=well; mal=bad;
uno=one; dos=two; tres=three; cuatro=four; cinco=five; seis=six; siete=seven; ocho=eight; nueve=nine; diez=ten; once=eleven;
doce=twelve; quince=fifteen; veinte=twenty; treinta=thirty; cuarenta=forty; cincuenta=fifty; cien=hundred; ciento=hundred;
cientos=hundreds; mil=thousand; miles=thousands; millón=million; millones=million; medio=half; mitad=half; primer=first;
primero=first; primera=first; segundo=second; segunda=second; tercero=third; tercer=third; último=last; última=last;
`;

/** Verbs by infinitive (conjugated forms are reduced to these), plus irregular forms. */
const VERBS = `
tener=have; haber=have; ser=be; estar=be; hacer=do|make; ir=go; venir=come; poder=can; querer=want; deber=owe|must; saber=know;
decir=say; dar=give; ver=see; poner=put; salir=leave; llegar=arrive; llevar=take|carry; traer=bring; pasar=happen; quedar=remain;
pagar=pay; cobrar=charge; deber dinero=owe; cancelar=cancel; renovar=renew; comprar=buy; vender=sell; cambiar=change; agregar=add;
añadir=add; quitar=remove; eliminar=remove; borrar=delete; incluir=include; excluir=exclude; cubrir=cover; asegurar=insure;
reclamar=claim; reportar=report; denunciar=report; avisar=notify; notificar=notify; llamar=call; contestar=answer; responder=answer;
preguntar=ask; pedir=ask|request; solicitar=request|apply; enviar=send; mandar=send; recibir=receive; firmar=sign; escanear=scan;
subir=upload; bajar=lower; aumentar=increase; subir de precio=increase; reducir=reduce; bajar el precio=lower; ahorrar=save;
gastar=spend; devolver=refund|return; reembolsar=reimburse|refund; esperar=wait; buscar=look for; encontrar=find; perder=lose;
olvidar=forget; recordar=remind; revisar=review|check; verificar=verify; confirmar=confirm; aprobar=approve; rechazar=reject|deny;
negar=deny; cotizar=quote; comparar=compare; manejar=drive; conducir=drive; chocar=crash; estacionar=park; robar=steal;
romper=break; quebrar=break; dañar=damage; inundar=flood; quemar=burn; caer=fall; caerse=fall; lastimar=hurt; lesionar=injure;
herir=injure; morir=die; fallecer=die; nacer=be born; casar=marry; casarse=marry; divorciar=divorce; divorciarse=divorce;
mudar=move; mudarse=move; vivir=live; trabajar=work; contratar=hire; despedir=fire|lay off; abrir=open; cerrar=close;
empezar=start; comenzar=start; iniciar=start; terminar=end|finish; vencer=expire; expirar=expire; caducar=expire; venderse=sell;
arreglar=fix|repair; reparar=repair; reemplazar=replace; instalar=install; inspeccionar=inspect; evaluar=assess; tasar=appraise;
valuar=appraise; ajustar=adjust; investigar=investigate; demandar=sue; cumplir=comply; usar=use; alquilar=rent; rentar=rent;
arrendar=lease; prestar=lend; financiar=finance; deber pagar=owe; atrasar=be late; atrasarse=be late; olvidarse=forget;
quejarse=complain; molestar=bother; enojar=anger; preocupar=worry; necesitar=need; gustar=like; entender=understand;
explicar=explain; ayudar=help; hablar=talk|speak; escribir=write; leer=read; dejar=leave; entregar=deliver; transferir=transfer;
cargar=charge; depositar=deposit; retirar=withdraw; agendar=schedule; programar=schedule; reservar=book; visitar=visit;
descontar=discount; calificar=qualify; elegir=choose; escoger=choose; mover=move; suspender=suspend; reinstalar=reinstate;
restablecer=reinstate; reactivar=reinstate; congelar=freeze; gotear=leak; filtrar=leak; tapar=clog; atascar=clog;
recomendar=recommend|refer; referir=refer; ocurrir=happen; suceder=happen; funcionar=work; notar=notice; mencionar=mention;
informar=inform; actualizar=update; corregir=correct; tardar=take long; tomar=take; sacar=get|take out; meter=put in; presentar=file;
presentar un reclamo=file a claim; poner un reclamo=file a claim; abrir un reclamo=open a claim; levantar un reclamo=file a claim;
hacer un reclamo=file a claim; pensar=think; creer=believe; sentir=feel; mostrar=show; enseñar=show|teach; seguir=follow up;
dar seguimiento=follow up; cuidar=care for; proteger=protect; limpiar=clean; lavar=wash; construir=build; pintar=paint;
cortar=cut; golpear=hit; rayar=scratch; abollar=dent; desaparecer=disappear; faltar=be missing; sobrar=be left; cumplir años=turn;
graduarse=graduate; jubilarse=retire; retirarse=retire; embarazarse=get pregnant; enfermarse=get sick; operar=operate; cobrarse=charge;
aplicar=apply; registrar=register; inscribir=enroll; acabar=finish; lograr=manage; intentar=try; tratar=try; decidir=decide;
aceptar=accept; ofrecer=offer; mejorar la tarifa=better rate; bajar la prima=lower premium; negociar=negotiate; cerrar la venta=close;
tuvo=had; tuvieron=had; tenía=had; tenían=had; tiene=has; tienen=have; tengo=have; tienes=have; hay=there is; hubo=there was;
había=there was; habrá=there will be; es=is; son=are; fue=was; fueron=were; era=was; eran=were; está=is; están=are; estuvo=was;
estaba=was; estaban=were; ha=has; han=have; he=have; hizo=did; hicieron=did; hace=ago; va=goes; van=go; vamos=go; iba=went;
vino=came; vinieron=came; viene=comes; puede=can; pueden=can; pudo=could; podría=could; quiere=wants; quieren=want; quería=wanted;
quiso=wanted; sabe=knows; supo=learned; dijo=said; dijeron=said; dice=says; dio=gave; dieron=gave; da=gives; vio=saw; vieron=saw;
puso=put; pusieron=put; trajo=brought; perdió=lost; pierde=loses; devuelve=returns; vuelve=returns; volvió=returned;
cubre=covers; cuesta=costs; costó=cost; costar=cost; muere=dies; murió=died; murieron=died; sigue=still; siguió=continued;
cayó=fell; cayeron=fell; rompió=broke; rota=broken; roto=broken; rotos=broken; rotas=broken; hecho=done; dicho=said; puesto=put;
muerto=dead; muerta=dead; abierto=open; abierta=open; cubierto=covered; cubierta=covered; escrito=written; vuelto=returned;
`;

/** People, family, roles. */
const PEOPLE = `
persona=person; personas=people; gente=people; familia=family; esposo=husband; esposa=wife; marido=husband; mujer=woman|wife;
hombre=man; pareja=partner; novio=boyfriend; novia=girlfriend; prometido=fiance; hijo=son; hija=daughter; hijos=children;
niño=child; niña=girl; niños=children; bebé=baby; adolescente=teenager; muchacho=boy; muchacha=girl; joven=young; padre=father;
madre=mother; papá=dad; mamá=mom; padres=parents; hermano=brother; hermana=sister; abuelo=grandfather; abuela=grandmother;
abuelos=grandparents; nieto=grandson; nieta=granddaughter; tío=uncle; tía=aunt; primo=cousin; sobrino=nephew;
sobrina=niece; suegro=father-in-law; suegra=mother-in-law; cuñado=brother-in-law; cuñada=sister-in-law; yerno=son-in-law;
nuera=daughter-in-law; viudo=widower; viuda=widow; soltero=single; soltera=single; casado=married; casada=married;
divorciado=divorced; divorciada=divorced; vecino=neighbor; vecina=neighbor; amigo=friend; amiga=friend; cliente=client|customer;
clienta=client; clientes=clients; asegurado=insured; asegurada=insured; titular=policyholder; dueño=owner; dueña=owner;
propietario=owner|homeowner; propietaria=owner; inquilino=tenant|renter; inquilina=tenant; arrendador=landlord; casero=landlord;
agente=agent; corredor=broker; productor=producer; ajustador=adjuster; perito=adjuster|appraiser; tasador=appraiser;
inspector=inspector; abogado=attorney|lawyer; gemelos=twins; gemelas=twins; bebés=babies; nietos=grandchildren; huésped=guest; huéspedes=guests; invitado=guest; invitados=guests; turista=tourist; turistas=tourists; visitante=visitor; pasajero=passenger; pasajeros=passengers; abogada=attorney; médico=doctor; doctora=doctor; enfermera=nurse;
conductor=driver; conductora=driver; chofer=driver; manejador=driver; empleado=employee; empleada=employee; empleados=employees;
trabajador=worker; trabajadores=workers; jefe=boss; gerente=manager; patrón=employer; empleador=employer; contratista=contractor;
subcontratista=subcontractor; plomero=plumber; electricista=electrician; techador=roofer; mecánico=mechanic; albañil=mason;
carpintero=carpenter; jardinero=gardener|landscaper; limpieza=cleaning; señora de limpieza=housekeeper; niñera=nanny;
beneficiario=beneficiary; beneficiaria=beneficiary; beneficiarios=beneficiaries; tercero responsable=third party; víctima=victim;
testigo=witness; policía=police; bombero=firefighter; bomberos=fire department; mayor de edad=adult; menor=minor; menor de edad=minor;
anciano=elderly; jubilado=retired; estudiante=student; socio=partner; socia=partner; representante=representative;
`;

/** Time and dates. */
const TIME = `
día=day; días=days; semana=week; mes=month; meses=months; año=year; años=years; hoy=today; ayer=yesterday; mañana=tomorrow|morning;
anoche=last night; noche=night; tarde=afternoon|late; fecha=date; hora=hour|time; horas=hours; minuto=minute; ahora=now;
antes=before; después=after; luego=later; pronto=soon; nunca=never; siempre=always; vez=time; veces=times; pasado=last;
pasada=last; próximo=next; próxima=next; siguiente=next; anterior=previous; reciente=recent; recientemente=recently;
semana pasada=last week; mes pasado=last month; año pasado=last year; el próximo mes=next month; fin de semana=weekend;
lunes=monday; martes=tuesday; miércoles=wednesday; jueves=thursday; viernes=friday; sábado=saturday; domingo=sunday;
enero=january; febrero=february; marzo=march; abril=april; mayo=may; junio=june; julio=july; agosto=august;
septiembre=september; setiembre=september; octubre=october; noviembre=november; diciembre=december; primavera=spring;
verano=summer; otoño=fall|autumn; invierno=winter; temporada=season; plazo=term|deadline; fecha límite=deadline; vencido=overdue|expired;
vencida=overdue|expired; atrasado=late|overdue; atrasada=late|overdue; a tiempo=on time; mensual=monthly; mensualmente=monthly;
anual=annual|yearly; anualmente=annually; semestral=semiannual; trimestral=quarterly; diario=daily; cumpleaños=birthday;
aniversario=anniversary; edad=age; viejo=old; vieja=old; nuevo=new; nueva=new; antiguo=old; antigüedad=age;
`;

/** Vehicles and driving. */
const VEHICLES = `
carro=car; coche=car; auto=car; automóvil=car; vehículo=vehicle; vehículos=vehicles; camioneta=truck|van|suv; troca=truck;
camión=truck; pickup=pickup; furgoneta=van; moto=motorcycle; motocicleta=motorcycle; bicicleta=bicycle; bote=boat; lancha=boat;
barco=boat; casa rodante=rv|motorhome; remolque=trailer; tráiler=trailer; carro nuevo=new car; carro usado=used car;
licencia=license; licencia de manejar=driver license; licencia de conducir=driver license; permiso de conducir=learner permit;
placa=plate; placas=plates; matrícula=registration; registro=registration; título=title; número de serie=vin; número vin=vin;
conductor adicional=additional driver; conductor nuevo=new driver; manejo=driving; choque=accident|crash; accidente=accident;
accidente de carro=car accident; choque de frente=head-on collision; colisión=collision; golpe=hit|dent; abolladura=dent;
rayón=scratch; rayones=scratches; parabrisas=windshield; vidrio=glass|window; ventana=window; llanta=tire; llantas=tires;
neumático=tire; rueda=wheel; motor=engine; frenos=brakes; freno=brake; puerta=door; defensa=bumper; parachoques=bumper;
cofre=hood; capó=hood; cajuela=trunk; maletero=trunk; espejo=mirror; luces=lights; faro=headlight; asiento=seat;
bolsa de aire=airbag; cinturón=seatbelt; grúa=tow truck|towing; remolcar=tow; remolque de grúa=towing; taller=body shop|repair shop;
taller mecánico=repair shop; hojalatería=body shop; estacionamiento=parking lot; carretera=highway; autopista=freeway|highway;
calle=street; esquina=corner; semáforo=traffic light; multa=ticket|fine; multas=tickets; infracción=violation|ticket;
exceso de velocidad=speeding; velocidad=speed; borracho=drunk; ebrio=drunk; manejar borracho=drunk driving; alcohol=alcohol;
culpa=fault; culpable=at fault; sin culpa=not at fault; responsable=responsible|at fault; atropellar=hit; peatón=pedestrian;
carro de alquiler=rental car; carro rentado=rental car; auto sustituto=rental car; robo de carro=vehicle theft; kilometraje=mileage;
millaje=mileage; uber=rideshare|uber; lyft=rideshare|lyft; viajes compartidos=rideshare; aplicación de viajes=rideshare; repartidor=delivery driver; clásico=classic; clasico=classic; antiguo=antique|classic; restaurar=restore; modificado=modified; méxico=mexico; mexicano=mexican; mexicana=mexican; frontera=border; cruzar=cross; cruzar la frontera=cross the border; extranjero=foreign; internacional=international; viaje por carretera=road trip; gasolina=gas; tanque=tank; batería=battery; aceite=oil; prestado=borrowed; prestada=borrowed; venado=deer; ciervo=deer; animal=animal; vaca=cow; caballo=horse; mapache=raccoon; ardilla=squirrel; zorro=fox;
coyote=coyote; oso=bear; pájaro=bird; ave=bird; rata=rat; ratas=rats; ratón=mouse; ratones=mice; termitas=termites; plaga=pests;
abejas=bees; avispas=wasps; serpiente=snake; culebra=snake; millas=miles; uso comercial=business use; flota=fleet; conductores=drivers; dashcam=dashcam;
`;

/** The home and its parts. */
const HOME = `
casa=house|home; hogar=home; vivienda=home|dwelling; residencia=residence; departamento=apartment; apartamento=apartment;
condominio=condo; condo=condo; casa móvil=mobile home; casa rodante=rv; edificio=building; propiedad=property; terreno=land|lot;
patio=yard; jardín=garden|yard; cerca=fence; reja=fence; techo=roof; tejado=roof; tejas=shingles; teja=shingle; azotea=roof;
ático=attic; desván=attic; sótano=basement; cimientos=foundation; cimiento=foundation; fundación=foundation; pared=wall;
paredes=walls; muro=wall; piso=floor; suelo=floor; pisos=floors; alfombra=carpet; techo falso=ceiling; cielo raso=ceiling;
plafón=ceiling; cocina=kitchen; baño=bathroom; baños=bathrooms; recámara=bedroom; dormitorio=bedroom; habitación=room;
cuarto=room; sala=living room; comedor=dining room; garaje=garage; cochera=garage; escalera=stairs; escaleras=stairs;
ventanas=windows; puertas=doors; chimenea=chimney|fireplace; calentador=heater; calentador de agua=water heater;
boiler=water heater; caldera=boiler|furnace; calefacción=heating|furnace; horno=oven|furnace; aire acondicionado=air conditioning;
tubería=pipe|plumbing; tuberías=pipes|plumbing; tubo=pipe; cañería=pipe; plomería=plumbing; llave=faucet|key; grifo=faucet;
inodoro=toilet; excusado=toilet; regadera=shower; ducha=shower; tina=bathtub; lavadora=washing machine; secadora=dryer;
lavaplatos=dishwasher; refrigerador=refrigerator; refri=fridge; nevera=fridge; estufa=stove; electrodomésticos=appliances;
cableado=wiring; cables=wires; electricidad=electricity|electrical; eléctrico=electrical; eléctrica=electrical;
panel eléctrico=electrical panel; enchufe=outlet; alarma=alarm; alarma de humo=smoke detector; detector de humo=smoke detector;
cámara=camera; cámaras=cameras; cerradura=lock; candado=lock; piscina=pool; alberca=pool; trampolín=trampoline; perro=dog;
perros=dogs; gato=cat; mascota=pet; mascotas=pets; árbol=tree; árboles=trees; rama=branch; ramas=branches; cobertizo=shed;
bodega=storage|shed; almacenamiento=storage; guardar=store|keep; unidad de almacenamiento=storage unit; cabaña=cabin; casa de vacaciones=vacation home; casa de playa=beach house; lago=lake; río=river; playa=beach; montaña=mountain; bomba=pump; bomba de sumidero=sump pump; sumidero=sump; podadora=lawn mower; cortadora de césped=lawn mower; césped=lawn; zacate=lawn; luz=power|light; apagón=power outage; se fue la luz=power outage; gas=gas; fuga de gas=gas leak; internet=internet; wifi=wifi; estudio=studio; oficina en casa=home office; cuarto de lavado=laundry room; balcón=balcony; terraza=deck|patio; porche=porch; entrada=driveway|entrance; acera=sidewalk; banqueta=sidewalk; buzón=mailbox; contraventanas=storm shutters; persianas=blinds; aislamiento=insulation; ventilador=fan; generador=generator; paneles solares=solar panels; detrás=behind; delante=in front; al lado=next to; debajo=under; encima=on top; muebles=furniture; mueble=furniture; pertenencias=belongings; cosas=belongings|things; joyas=jewelry;
joyería=jewelry; anillo=ring; anillo de compromiso=engagement ring; reloj=watch; computadora=computer; laptop=laptop;
televisión=tv; tele=tv; celular=phone; teléfono=phone; ropa=clothes; herramientas=tools; bicicletas=bicycles; renta=rent;
hipoteca=mortgage; banco hipotecario=mortgage company; prestamista=lender; remodelación=remodel|renovation; remodelar=remodel;
renovación de cocina=kitchen remodel; construcción=construction; obra=construction; vacía=vacant; vacío=vacant; desocupada=vacant;
desocupado=vacant; terminado=finished; terminada=finished;
`;

/** Damage, causes of loss, weather. */
const DAMAGE = `
daño=damage; daños=damage; dañado=damaged; dañada=damaged; pérdida=loss; pérdidas=losses; pérdida total=total loss;
siniestro=claim|loss; agua=water; daño por agua=water damage; daños por agua=water damage; fuga=leak; gotera=leak;
goteras=leaks; filtración=leak|seepage; humedad=moisture|damp; moho=mold; hongos=mold; inundación=flood; inundado=flooded;
inundada=flooded; inundó=flooded; se inundó=flooded; tubería rota=burst pipe; tubo roto=burst pipe; se reventó=burst;
reventó=burst; reventada=burst; drenaje=drain|sewer; alcantarilla=sewer; aguas negras=sewage; desbordamiento=backup|overflow;
fuego=fire; incendio=fire; incendios=fires; humo=smoke; quemado=burned; quemada=burned; explosión=explosion; rayo=lightning;
relámpago=lightning; tormenta=storm; tormentas=storms; viento=wind; vientos=winds; huracán=hurricane; tornado=tornado;
granizo=hail; granizada=hailstorm; nieve=snow; hielo=ice; helada=freeze; congelado=frozen; congelada=frozen; lluvia=rain;
terremoto=earthquake; temblor=earthquake|tremor; deslave=landslide; hundimiento=sinkhole; robo=theft|burglary; robaron=stole;
ladrón=thief; ladrones=thieves; asalto=robbery; vandalismo=vandalism; grafiti=graffiti; allanamiento=break-in;
forzaron=forced; rotura=break|breakage; grieta=crack; grietas=cracks; caída=fall; resbalón=slip; se resbaló=slipped; resbaló=slipped;
se cayó=fell; tropezó=tripped; mordida=bite; mordió=bit; mordedura=bite; lesión=injury; lesiones=injuries; herida=injury|wound;
herido=injured; herida grave=serious injury; lastimado=hurt; lastimada=hurt; golpeado=hit; quemadura=burn; fractura=fracture;
hueso roto=broken bone; muerte=death; fraude=fraud; estafa=scam|fraud; demanda=lawsuit; demandado=sued; demanda judicial=lawsuit;
riesgo=risk; amenaza=threat; amenazar=threaten; falla=failure|malfunction; fallar=fail; descompuesto=broken; descompuesta=broken; avería=breakdown; vandalizar=vandalize; depreciar=depreciate; depreciado=depreciated; insuficiente=insufficient|not enough; suficiente=enough; echar=throw|kick out; tirar=throw; desalojo=eviction; desalojar=evict; peligro=hazard|danger; peligroso=dangerous; causa=cause; escombros=debris; reconstrucción=rebuild; reparación=repair;
reparaciones=repairs; reparado=repaired; reemplazo=replacement; costo de reparación=repair cost; estimado=estimate;
presupuesto=estimate|budget; cotización de reparación=repair estimate; evaluación=assessment; inspección=inspection;
`;

/** Insurance terms. */
const INSURANCE = `
seguro=insurance; seguros=insurance; aseguranza=insurance; aseguranzas=insurance; póliza=policy; pólizas=policies;
aseguradora=insurance company|carrier; compañía=company; compañía de seguros=insurance company; agencia=agency; cobertura=coverage;
coberturas=coverages; cubierto por=covered by; límite=limit; límites=limits; deducible=deductible; deducibles=deductibles;
prima=premium; primas=premiums; reclamo=claim; reclamos=claims; reclamación=claim; reclamaciones=claims; número de reclamo=claim number;
número de póliza=policy number; renovación=renewal; renovaciones=renewals; vencimiento=expiration; fecha de vencimiento=expiration date;
cancelación=cancellation; cancelado=cancelled; cancelada=cancelled; cancelar la póliza=cancel the policy; dar de baja=cancel;
no renovación=non-renewal; reinstalación=reinstatement; rehabilitación=reinstatement; endoso=endorsement; endosos=endorsements;
cambio de póliza=policy change; cotización=quote; cotizaciones=quotes; solicitud=application; suscripción=underwriting;
suscriptor=underwriter; aseguramiento=underwriting; riesgo asegurado=exposure; responsabilidad=liability; responsabilidad civil=liability;
responsabilidad general=general liability; exceso de responsabilidad=excess liability; paraguas=umbrella; póliza paraguas=umbrella policy;
cobertura amplia=comprehensive; cobertura completa=full coverage; cobertura total=full coverage; cobertura básica=basic coverage;
solo responsabilidad=liability only; colisión=collision; daños a terceros=third party damage; conductor sin seguro=uninsured motorist;
motorista sin seguro=uninsured motorist; sin seguro=uninsured; asegurado insuficiente=underinsured; gastos médicos=medical payments;
protección contra lesiones personales=personal injury protection; seguro de auto=auto insurance; seguro de carro=auto insurance;
seguro de casa=homeowners insurance; seguro de hogar=homeowners insurance; seguro de vivienda=homeowners insurance;
seguro de inquilino=renters insurance; seguro de inquilinos=renters insurance; seguro de vida=life insurance;
seguro de salud=health insurance; seguro médico=health insurance; seguro de negocio=business insurance; seguro comercial=commercial insurance;
seguro de inundación=flood insurance; seguro contra inundaciones=flood insurance; seguro de terremoto=earthquake insurance;
compensación laboral=workers compensation; compensación de trabajadores=workers compensation; seguro de desempleo=unemployment;
fianza=bond; fianzas=bonds; certificado de seguro=certificate of insurance; comprobante de seguro=proof of insurance;
prueba de seguro=proof of insurance; tarjeta de seguro=insurance card; tarjeta del seguro=insurance card; declaraciones=declarations;
hoja de declaraciones=declarations page; valor de reemplazo=replacement cost; costo de reemplazo=replacement cost;
valor real en efectivo=actual cash value; depreciación=depreciation; subrogación=subrogation; exclusión=exclusion; exclusiones=exclusions;
período de gracia=grace period; periodo de gracia=grace period; aviso=notice; aviso de cancelación=cancellation notice;
lapso=lapse; sin cobertura=lapse|uninsured; vigente=active|in force; activa=active; activo=active; inactiva=inactive;
descuento=discount; descuentos=discounts; descuento por paquete=bundle discount; paquete=bundle|package; combinar=bundle;
recargo=surcharge; aumento=increase; aumento de prima=premium increase; tarifa=rate; tarifas=rates; historial=history;
historial de manejo=driving record; récord de manejo=driving record; puntos=points; sr22=sr-22; alto riesgo=high risk;
tasación=appraisal; valor=value; valor asegurado=insured value; monto=amount; cantidad=amount; cobertura de contenido=contents coverage;
contenido=contents; contenidos=contents; estructura=dwelling|structure; otras estructuras=other structures; gastos adicionales=additional living expenses;
pérdida de uso=loss of use; evaluación especial=loss assessment; cuota=assessment|fee; asociación=association; hoa=hoa;
agente de seguros=insurance agent; oficina=office; sucursal=branch; portal=portal; aplicación=app; app=app;
`;

/** Money and billing. */
const MONEY = `
dinero=money; pago=payment; pagos=payments; pagado=paid; pagada=paid; sin pagar=unpaid; falta de pago=nonpayment;
no pago=nonpayment; pago atrasado=late payment; pago mensual=monthly payment; pago automático=autopay; pago automatico=autopay;
cargo automático=autopay; débito automático=autopay; factura=bill|invoice; facturas=bills; facturación=billing; cuenta=account|bill;
estado de cuenta=statement; saldo=balance; balance=balance; deuda=debt; cobro=charge|collection; cobros=charges; cargo=charge;
cargos=charges; cargo doble=double charge; cobro doble=double charge; cobraron dos veces=charged twice; reembolso=refund;
reembolsos=refunds; devolución=refund; crédito=credit; tarjeta=card; tarjeta de crédito=credit card; tarjeta de débito=debit card;
cheque=check; cheques=checks; efectivo=cash; banco=bank; cuenta bancaria=bank account; transferencia=transfer; depósito=deposit;
enganche=down payment; pago inicial=down payment; cuotas=installments; plazos=installments; financiamiento=financing; préstamo=loan;
interés=interest; precio=price; costo=cost; costos=costs; caro=expensive; cara=expensive; barato=cheap; barata=cheap;
más barato=cheaper; gratis=free; dólares=dollars; dólar=dollar; ingresos=income; sueldo=salary|wage; salario=salary|wage;
nómina=payroll; impuesto=tax; impuestos=taxes; comisión=commission; comisiones=commissions; tarifa de servicio=service fee;
recibo=receipt; recibos=receipts; total=total; aumento de precio=price increase; subió=went up; bajó=went down;
`;

/** Documents and communication. */
const DOCUMENTS = `
documento=document; documentos=documents; papeles=paperwork; papeleo=paperwork; forma=form; formulario=form; formularios=forms;
firma=signature; firma electrónica=e-signature; carta=letter; cartas=letters; correo=mail|email; correo electrónico=email;
email=email; mensaje=message; mensajes=messages; mensaje de texto=text message; texto=text; llamada=call; llamadas=calls;
llamada perdida=missed call; buzón de voz=voicemail; nota=note; notas=notes; foto=photo; fotos=photos; fotografía=photo;
video=video; copia=copy; copias=copies; contrato=contract; contratos=contracts; acuerdo=agreement; recibo de pago=receipt;
reporte=report; informe=report; reporte policial=police report; informe policial=police report; reporte de policía=police report;
queja=complaint; quejas=complaints; pregunta=question; preguntas=questions; respuesta=answer|response; solicitud de cambio=change request;
cita=appointment; citas=appointments; reunión=meeting; visita=visit; dirección=address; domicilio=address; cambio de dirección=address change;
número de teléfono=phone number; correo postal=mail; sobre=envelope; identificación=id; pasaporte=passport;
número de seguro social=social security number; seguro social=social security; idioma=language; español=spanish; inglés=english;
traductor=translator; intérprete=interpreter; aviso de renovación=renewal notice; recordatorio=reminder; confirmación=confirmation;
prueba=proof; comprobante=proof|receipt; evidencia=evidence; lista=list; boleto=ticket; caso=case; expediente=file;
archivo=file; registro de manejo=driving record; huellas=fingerprints; no llamar=do not call; no molestar=do not disturb;
baja de mensajes=unsubscribe; darse de baja=unsubscribe; cancelar suscripción=unsubscribe;
`;

/** Business and commercial. */
const BUSINESS = `
negocio=business; negocios=business; empresa=company|business; compañía de construcción=construction company; comercial=commercial;
tienda=store|shop; restaurante=restaurant; restaurantes=restaurants; local=premises; oficina comercial=office; bodega=warehouse;
almacén=warehouse; fábrica=factory; taller de reparación=repair shop; salón de belleza=salon; peluquería=salon; panadería=bakery;
camión de comida=food truck; lonchera=food truck; inventario=inventory; mercancía=merchandise|inventory; equipo=equipment;
maquinaria=machinery; herramienta=tool; cliente comercial=commercial client; contrato comercial=contract; licitación=bid;
certificado=certificate; certificados=certificates; asegurado adicional=additional insured; nómina de empleados=payroll;
jardinería=landscaping; limpieza de casas=house cleaning; construcción comercial=construction; remodelaciones=remodeling;
techado=roofing; plomería comercial=plumbing; transporte=transportation|trucking; camiones=trucks; entrega=delivery;
entregas=deliveries; reparto=delivery; mudanza=moving; ventas=sales; ganancias=revenue|profit; ingresos brutos=gross receipts;
lesión laboral=workplace injury; accidente de trabajo=work injury; accidente laboral=work injury; lesionado en el trabajo=injured at work;
trabajo=work|job; en el trabajo=at work; auditoría=audit; auditoria=audit; sitio de trabajo=job site; obra de construcción=construction site;
ciberseguridad=cyber; cerveza=beer|alcohol; vino y cerveza=liquor; licor=liquor; bar=bar; cantina=bar; comida=food; cocina comercial=commercial kitchen; cliente enojado=angry customer; reseña=review; reseñas=reviews; consultorio=office|practice; clínica dental=dental office; hotel=hotel; motel=motel; arrendamiento=lease; contrato de arrendamiento=lease; requisito=requirement; requisitos=requirements; requerir=require; exigir=require; obligatorio=required|mandatory; federal=federal; estatal=state; ley=law; leyes=laws; regulación=regulation; permiso=permit; permisos=permits; fines=purposes; propósito=purpose; propio=own; propia=own; propios=own; propias=own; ataque cibernético=cyber attack; hackeo=hack; datos=data; filtración de datos=data breach; interrupción=interruption;
interrupción de negocio=business interruption; cierre=closure|shutdown; propiedad comercial=commercial property; edificio comercial=commercial building;
vehículo comercial=commercial auto; auto comercial=commercial auto; responsabilidad profesional=professional liability;
errores y omisiones=errors and omissions; licencia de negocio=business license; llc=llc; dueño del negocio=business owner;
`;

/** Health and life. */
const HEALTH = `
salud=health; vida=life; médica=medical; médico de cabecera=doctor; hospital=hospital; hospitalizado=hospitalized;
hospitalizada=hospitalized; clínica=clinic; emergencia=emergency; sala de emergencias=emergency room; ambulancia=ambulance;
cirugía=surgery; operación=surgery; enfermedad=illness; enfermo=sick; enferma=sick; embarazada=pregnant; embarazo=pregnancy;
discapacidad=disability; incapacidad=disability; invalidez=disability; medicina=medicine; medicinas=medicines; receta=prescription;
dental=dental; dentista=dentist; visión=vision; lentes=glasses; fumador=smoker; fumadora=smoker; fuma=smokes; fumar=smoke;
examen médico=medical exam; examen=exam; seguro de vida a término=term life; vida a término=term life; término=term;
vida entera=whole life; vida universal=universal life; beneficio por muerte=death benefit; beneficio=benefit; beneficios=benefits;
gastos funerarios=funeral expenses; funeral=funeral; entierro=burial; medicare=medicare; medicaid=medicaid; suplemento=supplement;
cuidado a largo plazo=long-term care; asilo=nursing home; terapia=therapy; fisioterapia=physical therapy; diabetes=diabetes;
presión alta=high blood pressure; corazón=heart; cáncer=cancer; accidente personal=personal accident;
`;

/** Adjectives, states and common nouns not elsewhere. */
const GENERAL = `
grande=big|large; pequeño=small; pequeña=small; chico=small; chica=small; alto=high; alta=high; bajo=low; baja=low; mayor=older|bigger;
mejor=better|best; peor=worse; nuevo cliente=new client; problema=problem; problemas=problems; razón=reason; junta=meeting|board; reunión de la junta=board meeting; motivo=reason;
estado=status|state; situación=situation; información=information; detalles=details; cambio=change; cambios=changes; error=error|mistake;
equivocado=wrong; equivocada=wrong; correcto=correct; incorrecto=incorrect; pendiente=pending; listo=ready; lista de espera=waitlist;
urgente=urgent; importante=important; enojado=angry; enojada=angry; molesto=upset; molesta=upset; contento=happy; contenta=happy;
satisfecho=satisfied; frustrado=frustrated; frustrada=frustrated; preocupado=worried; preocupada=worried; confundido=confused;
mejorar=improve; otra compañía=another company; competencia=competitor; competidor=competitor; oferta=offer; ofertas=offers;
recomendación=referral|recommendation; referido=referral; referencia=referral; ciudad=city; estado de residencia=state; país=country;
zona=area; barrio=neighborhood; vecindario=neighborhood; lugar=place; afuera=outside; adentro=inside; arriba=upstairs; abajo=downstairs;
viaje=trip; viajar=travel; vacaciones=vacation; escuela=school; universidad=college; buenas notas=good grades; calificaciones=grades;
idea=idea; ayuda=help; servicio=service; servicio al cliente=customer service; atención=attention; proceso=process; paso=step;
`;

export const GLOSSARY_TOPICS: Record<string, string> = {
  function: FUNCTION,
  verbs: VERBS,
  people: PEOPLE,
  time: TIME,
  vehicles: VEHICLES,
  home: HOME,
  damage: DAMAGE,
  insurance: INSURANCE,
  money: MONEY,
  documents: DOCUMENTS,
  business: BUSINESS,
  health: HEALTH,
  general: GENERAL,
};
