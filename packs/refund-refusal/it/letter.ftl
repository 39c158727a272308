### refund-refusal: lettera di rifiuto di una richiesta di rimborso, cortese e
### fattuale, con un gesto di cortesia e la disponibilità a un confronto.
###
### Registro: corrispondenza commerciale formale. L’azienda scrive al plurale
### («noi») e si rivolge al cliente con il «Lei», con le maiuscole di cortesia
### (Lei, La, Le, Sua, comunicarLe…). Non attribuire mai colpe al cliente e
### non presentare mai il gesto di cortesia come sostitutivo del rimborso.
###
### Apostrofo tipografico ’ soltanto. Date: { DATETIME($x, dateStyle: "long") }
### precedute da «in data» (mai «il», «del», «al»: «l’8», «dell’11»…).
### Importi: la variabile da sola ({ $order-amount }).

## Cornice della lettera: messaggi comuni a tutti i pack.

# $place: la città da cui si scrive; $date: la data della lettera.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# Solo il testo dell’oggetto; l’impaginazione lo fa precedere da label-subject.
subject = Sua richiesta di rimborso – ordine n. { $order-number }

label-subject = Oggetto:
# Davanti al riferimento del cliente, se il caso lo indica.
label-your-ref = Vs. rif.:
# Davanti al nostro riferimento (il numero d’ordine).
label-our-ref = Ns. rif.:
label-enclosures = Allegati:
# Stampato come «Pagina 1/2» quando la lettera supera una pagina.
label-page = Pagina

# $recipient-salutation: madame, monsieur o neutral (titolo non noto).
# $recipient-surname: il cognome (il nome completo, se il cognome manca).
salutation =
    { $recipient-salutation ->
        [madame] Gentile Sig.ra { $recipient-surname },
        [monsieur] Egregio Sig. { $recipient-surname },
       *[neutral] Gentile Cliente,
    }

# Formula di chiusura, coerente con il vocativo; in italiano è la stessa per
# tutte le varianti.
closing =
    { $recipient-salutation ->
        [madame] Le porgiamo distinti saluti.
        [monsieur] Le porgiamo distinti saluti.
       *[neutral] Le porgiamo distinti saluti.
    }

## Corpo della lettera, nell’ordine delle sezioni di pack.toml:
## thanks → decision → motivo/i → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Ringraziamento, con il nome del cliente. $order-item si legge in una frase,
# con il suo articolo («una lampada da tavolo in ottone»).
thanks =
    La ringraziamo, { $recipient-salutation ->
        [madame] gentile Sig.ra { $recipient-surname }
        [monsieur] gentile Sig. { $recipient-surname }
       *[neutral] gentile { $recipient-name }
    }, per l’ordine n. { $order-number } effettuato in data { DATETIME($order-date, dateStyle: "long") }, relativo a { $order-item }, e per averci scritto in merito in data { DATETIME($request-date, dateStyle: "long") }.

# La decisione, subito e con chiarezza. $order-amount: l’importo pagato.
# $reasons-count: il numero di motivi che seguono.
decision =
    Dopo aver esaminato con attenzione la Sua richiesta, siamo spiacenti di comunicarLe che non ci è possibile procedere al rimborso di questo ordine, dell’importo di { $order-amount }, per { $reasons-count ->
        [one] il motivo che Le esponiamo di seguito.
       *[other] i motivi che Le esponiamo di seguito.
    }

## Motivi: un paragrafo ciascuno, stampato una volta per ogni motivo scelto.
## { legal-citation } cita la base normativa; riceve $legal-article (da
## pack.toml) e $jurisdiction (FR, IT, DE o ES) e comincia con «l’art.…»: usarlo
## come soggetto («come prevede l’art. …») o dopo «secondo», mai dopo una
## preposizione articolata («dall’», «ai sensi dell’»).
## Esporre i fatti in modo neutro, senza mai attribuire colpe al cliente.

# $order-delivery-date: data di consegna, da cui decorrono i quattordici
# giorni. Fa fede la data di INVIO della richiesta ($request-date).
# $request-days-after-delivery (numero, calcolato): giorni trascorsi tra la
# consegna e l’invio della richiesta. Categorie del plurale: one («1 giorno»)
# e other; Fluent non sceglie mai many.
reason-withdrawal-period-expired =
    Come prevede { legal-citation }, il diritto di recesso può essere esercitato entro quattordici giorni dalla consegna del bene. L’ordine Le è stato consegnato, come concordato, in data { DATETIME($order-delivery-date, dateStyle: "long") }. Ai fini del rispetto del termine fa fede la data di invio della richiesta, e non quella di ricezione: la Sua richiesta è stata inviata in data { DATETIME($request-date, dateStyle: "long") }, ovvero { $request-days-after-delivery ->
        [one] { $request-days-after-delivery } giorno
       *[other] { $request-days-after-delivery } giorni
    } dopo la consegna, quando tale termine era già scaduto. Il diritto di recesso non può pertanto più essere esercitato per questo ordine.

# Il diritto di recesso riguarda i contratti a distanza e quelli negoziati
# fuori dei locali commerciali, non gli acquisti in negozio.
reason-in-store-purchase =
    Lei ha effettuato questo acquisto presso il nostro punto vendita, in data { DATETIME($order-date, dateStyle: "long") }. Come stabilisce { legal-citation }, il diritto di recesso riguarda i contratti a distanza e quelli negoziati fuori dei locali commerciali, e non gli acquisti effettuati in negozio. Tale diritto non può pertanto essere esercitato per questo acquisto.

reason-custom-made =
    Il bene da Lei ordinato, { $order-item }, è stato realizzato secondo le specifiche da Lei indicate e Le è stato consegnato nei tempi concordati, in data { DATETIME($order-delivery-date, dateStyle: "long") }. Come prevede { legal-citation }, il diritto di recesso è escluso per i beni confezionati su misura o chiaramente personalizzati.

# Beni sigillati che, per motivi igienici o di tutela della salute, non possono
# essere ripresi una volta aperti. Formulazione neutra (forma passiva).
reason-sealed-hygiene-opened =
    Il bene da Lei ordinato, { $order-item }, Le è stato consegnato in data { DATETIME($order-delivery-date, dateStyle: "long") } in confezione sigillata. Per motivi igienici e di tutela della salute, un bene di questo tipo non può essere ripreso una volta aperto, e il sigillo è stato rimosso dopo la consegna. Come prevede { legal-citation }, in questo caso il diritto di recesso è escluso.

# $order-consent-date: data dell’accordo espresso del cliente all’avvio della
# fornitura prima della scadenza del periodo di recesso.
# $order-delivery-date: data di inizio della fornitura.
reason-digital-content-started =
    In data { DATETIME($order-consent-date, dateStyle: "long") }, Lei ha espressamente acconsentito a che la fornitura del contenuto digitale ordinato, { $order-item }, iniziasse prima della scadenza del periodo di recesso, e ha riconosciuto che in tal caso avrebbe perso il diritto di recesso. La fornitura è iniziata, come concordato, in data { DATETIME($order-delivery-date, dateStyle: "long") }. Come prevede { legal-citation }, il diritto di recesso non può pertanto più essere esercitato.

# $order-consent-date: data della richiesta espressa del cliente di avviare la
# prestazione prima della scadenza del periodo di recesso.
# $order-delivery-date: data in cui la prestazione è stata completata.
reason-service-fully-performed =
    In data { DATETIME($order-consent-date, dateStyle: "long") }, Lei ci ha espressamente chiesto di avviare la prestazione ordinata, { $order-item }, prima della scadenza del periodo di recesso, e ha riconosciuto che avrebbe perso il diritto di recesso una volta eseguita integralmente la prestazione. Abbiamo eseguito integralmente la prestazione, come concordato, in data { DATETIME($order-delivery-date, dateStyle: "long") }. Come prevede { legal-citation }, il diritto di recesso è escluso per i servizi completamente prestati a queste condizioni.

# $inspection-date: data della nostra verifica del bene restituito. Non
# chiedere mai al cliente di provare alcunché: l’accertamento è nostro.
reason-no-defect-found =
    In data { DATETIME($inspection-date, dateStyle: "long") }, abbiamo esaminato con cura il bene che ci ha restituito, { $order-item }. La verifica ha accertato che il bene possiede i requisiti di conformità al contratto che { legal-citation } prevede: presenta le qualità e le caratteristiche pattuite ed è idoneo all’uso al quale servono abitualmente beni dello stesso tipo. Non è stato riscontrato alcun difetto di conformità.

# Il rapporto di verifica deve figurare tra gli allegati del caso.
reason-damage-after-delivery =
    In data { DATETIME($inspection-date, dateStyle: "long") }, abbiamo esaminato con cura il bene che ci ha restituito, { $order-item }. La verifica ha rilevato danni sopravvenuti dopo la consegna, avvenuta in data { DATETIME($order-delivery-date, dateStyle: "long") }, e non un difetto di conformità già esistente al momento della consegna; il relativo rapporto è allegato alla presente. Come prevede { legal-citation }, la garanzia legale copre i difetti di conformità esistenti al momento della consegna del bene: tali danni non rientrano pertanto nella garanzia.

# Il difetto si è manifestato dopo la scadenza della garanzia legale: due anni
# dalla consegna in Italia, Francia e Germania, tre anni per i beni in Spagna
# (dal 2022). $request-date: data in cui il cliente ce lo ha segnalato.
# $jurisdiction: FR, IT, DE o ES.
reason-guarantee-expired =
    Il bene in questione, { $order-item }, Le è stato consegnato in data { DATETIME($order-delivery-date, dateStyle: "long") }. Il difetto che ci ha segnalato in data { DATETIME($request-date, dateStyle: "long") } si è manifestato oltre { $jurisdiction ->
        [ES] tre anni
        [DE] due anni
        [FR] due anni
       *[IT] due anni
    } dopo la consegna. Come prevede { legal-citation }, la garanzia legale di conformità copre i difetti che si manifestano entro { $jurisdiction ->
        [ES] tre anni
        [DE] due anni
        [FR] due anni
       *[IT] due anni
    } dalla consegna del bene: non ci è quindi possibile intervenire a tale titolo per questo difetto.

# Usato nei motivi. $legal-article: l’articolo, ad es. «59, comma 1,
# lettera c)» (IT), «L221-28, 3°» (FR), «312g Abs. 2 Nr. 1» (DE, un
# paragrafo del BGB) o «103, letra c)» (ES); $jurisdiction: FR, IT, DE o ES,
# l’ordinamento a cui appartiene l’articolo.
legal-citation =
    { $jurisdiction ->
        [FR] l’articolo { $legal-article } del Codice del consumo francese (Code de la consommation)
        [DE] l’articolo { $legal-article } del Codice civile tedesco (BGB)
        [ES] l’articolo { $legal-article } della legge generale spagnola a tutela dei consumatori (TRLGDCU)
       *[IT] l’art. { $legal-article } del Codice del consumo
    }

## Dopo i motivi.

# Stampato quando un motivo riguarda il diritto di recesso: la garanzia legale
# di conformità è un diritto distinto e resta valida. $jurisdiction: FR, IT,
# DE o ES (tre anni per i beni in Spagna, due altrove).
guarantee-reminder =
    La presente decisione riguarda esclusivamente il diritto di recesso e non pregiudica in alcun modo la garanzia legale di conformità, che copre i difetti di conformità che si manifestano entro { $jurisdiction ->
        [ES] tre anni
        [DE] due anni
        [FR] due anni
       *[IT] due anni
    } dalla consegna, { $jurisdiction ->
        [FR] ai sensi degli articoli L217-3 e seguenti del Codice del consumo francese (Code de la consommation)
        [DE] ai sensi degli articoli 434 e seguenti del Codice civile tedesco (BGB)
        [ES] ai sensi degli articoli 114 e seguenti della legge generale spagnola a tutela dei consumatori (TRLGDCU)
       *[IT] ai sensi degli artt. 128 e seguenti del Codice del consumo
    }. Qualora si manifestasse un difetto di conformità, La invitiamo a segnalarcelo: lo esamineremo nell’ambito di tale garanzia.

# Stampato quando il rifiuto riguarda un contenuto digitale già fornito: la
# sua garanzia legale di conformità ha articoli propri. $jurisdiction: FR, IT,
# DE o ES.
digital-guarantee-reminder =
    La presente decisione riguarda esclusivamente il diritto di recesso e non pregiudica in alcun modo la garanzia legale di conformità dei contenuti digitali, { $jurisdiction ->
        [FR] ai sensi degli articoli L224-25-12 e seguenti del Codice del consumo francese (Code de la consommation)
        [DE] ai sensi degli articoli 327d e seguenti del Codice civile tedesco (BGB)
        [ES] ai sensi degli articoli 114 e seguenti della legge generale spagnola a tutela dei consumatori (TRLGDCU)
       *[IT] ai sensi degli artt. 135-octies e seguenti del Codice del consumo
    }. Qualora il contenuto non funzionasse come concordato, La invitiamo a segnalarcelo: vi porremo rimedio nell’ambito di tale garanzia.

# $enclosures-count: numero dei documenti allegati (elencati sotto la firma).
enclosures-note =
    { $enclosures-count ->
        [one] Alleghiamo alla presente, per Sua comodità, il documento relativo al Suo ordine.
       *[other] Alleghiamo alla presente, per Sua comodità, i documenti relativi al Suo ordine.
    }

# Gesto di cortesia, offerto anche se nessuno è in colpa; mai presentarlo come
# sostitutivo del rimborso. $concession-kind: voucher (buono d’acquisto),
# discount (sconto) o free-repair (riparazione gratuita).
# $concession-amount: valore del buono; $concession-valid-until: ultimo giorno
# di validità («fino al giorno …», per evitare «al 8»).
# $concession-percent: lo sconto, seguito da «%» senza spazio; le varianti
# numeriche danno «dell’1%», «dell’8%», «dell’11%» (e non «del 8%»).
concession =
    { $concession-kind ->
        [voucher] Come gesto di cortesia, siamo lieti di offrirLe un buono d’acquisto del valore di { $concession-amount }, valido fino al giorno { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] Come gesto di cortesia, siamo lieti di offrirLe uno sconto { $concession-percent ->
            [1] dell’1%
            [8] dell’8%
            [11] dell’11%
           *[other] del { $concession-percent }%
        } sul Suo prossimo ordine, valido fino al giorno { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] Come gesto di cortesia, siamo lieti di offrirLe la riparazione gratuita del bene; La invitiamo a contattarci per concordarne le modalità.
    } Tale gesto non presuppone alcuna colpa, né da parte Sua né da parte nostra: esprime semplicemente l’importanza che attribuiamo al rapporto con i nostri clienti.

# Come contattarci: $sender-email, $sender-phone.
discuss =
    Restiamo a Sua completa disposizione per qualsiasi chiarimento: può scriverci all’indirizzo { $sender-email } o contattarci telefonicamente al numero { $sender-phone }.

thanks-again =
    La ringraziamo ancora per la fiducia accordataci e ci auguriamo di poterLa servire nuovamente in futuro.

## Allegati: la breve descrizione di ogni documento, elencato sotto la firma
## dopo label-enclosures.

enclosure-invoice = Copia della fattura
enclosure-delivery-proof = Prova di avvenuta consegna
enclosure-terms-of-sale = Condizioni generali di vendita
# Documentazione del consenso espresso del cliente (contenuti digitali, servizi).
enclosure-consent-record = Attestazione del Suo consenso espresso
enclosure-inspection-report = Rapporto di verifica del bene restituito
