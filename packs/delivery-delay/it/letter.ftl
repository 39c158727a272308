### delivery-delay: lettera che informa il cliente che il suo ordine sarà
### consegnato più tardi del previsto, ne indica la nuova data e la causa,
### presenta le scuse, ricorda le possibilità del cliente e può offrire un
### gesto di cortesia.
###
### Registro: corrispondenza commerciale formale. L’azienda scrive al plurale
### («noi») e si rivolge al cliente con il «Lei», con le maiuscole di cortesia
### (Lei, La, Le, Sua, doverLa, offrirLe…). Annunciare subito il ritardo e la
### nuova data; indicare la causa come un fatto, mai come una giustificazione,
### senza attribuire colpe al fornitore, al corriere o al cliente. Non
### subordinare mai il gesto di cortesia alla rinuncia all’annullamento.
### Evitare i participi che si accordano con il cliente («La terremo
### informata/o»): il genere non è sempre noto.
###
### Apostrofo tipografico ’ soltanto. Date: { DATETIME($x, dateStyle: "long") }
### precedute da «in data» o «il giorno» (mai «il», «del», «al» da soli:
### «l’8», «dell’11»…). Importi: la variabile da sola ({ $order-amount }).

## Cornice della lettera: messaggi comuni a tutti i pack.

# $place: la città da cui si scrive; $date: la data della lettera.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# Solo il testo dell’oggetto; l’impaginazione lo fa precedere da label-subject.
# $order-number: il numero d’ordine.
subject = Ritardo nella consegna del Suo ordine n. { $order-number }

label-subject = Oggetto:
# Davanti al nostro riferimento (il numero d’ordine).
label-our-ref = Ns. rif.:
label-enclosures = Allegati:
# Stampato come «Pagina 1/2» quando la lettera supera una pagina.
label-page = Pagina

# $recipient-salutation: madame, monsieur o neutral (titolo non noto).
# $recipient-surname: il cognome (il nome completo, se il cognome manca).
# «Signor» (non «Signore») davanti al cognome.
salutation =
    { $recipient-salutation ->
        [madame] Gentile Signora { $recipient-surname },
        [monsieur] Gentile Signor { $recipient-surname },
       *[neutral] Gentile Cliente,
    }

# Formula di chiusura, coerente con il vocativo; in italiano è la stessa per
# tutte le varianti. Rinnova le scuse, come si usa in una lettera di scuse.
closing =
    { $recipient-salutation ->
        [madame] Nel rinnovarLe le nostre scuse, Le porgiamo distinti saluti.
        [monsieur] Nel rinnovarLe le nostre scuse, Le porgiamo distinti saluti.
       *[neutral] Nel rinnovarLe le nostre scuse, Le porgiamo distinti saluti.
    }

## Corpo della lettera, nell’ordine delle sezioni di pack.toml:
## thanks → delay → cause → apology → options → gesture → discuss →
## thanks-again.

# Ringraziamento, con il nome del cliente. $recipient-salutation,
# $recipient-surname, $recipient-name: come nel vocativo. $order-number;
# $order-date: la data dell’ordine. $order-item si legge in una frase, con il
# suo articolo («un tavolo da pranzo in rovere massello»).
thanks =
    La ringraziamo, { $recipient-salutation ->
        [madame] gentile Signora { $recipient-surname }
        [monsieur] gentile Signor { $recipient-surname }
       *[neutral] gentile { $recipient-name }
    }, per l’ordine n. { $order-number } effettuato in data { DATETIME($order-date, dateStyle: "long") }, relativo a { $order-item }.

# La notizia, subito e con chiarezza. $order-promised-date: la data di
# consegna promessa. $delay-new-date: la nuova data prevista. $delay-days
# (numero calcolato dalle due date, almeno 1): i giorni di ritardo.
delay =
    Siamo spiacenti di doverLa informare che il Suo ordine non potrà esserLe consegnato nella data che Le avevamo indicato, il giorno { DATETIME($order-promised-date, dateStyle: "long") }. La consegna è ora prevista per il giorno { DATETIME($delay-new-date, dateStyle: "long") }, con { $delay-days ->
        [one] un giorno
       *[other] { $delay-days } giorni
    } di ritardo rispetto alla data iniziale.

# La causa, come un fatto, in una o due frasi. $delay-cause: supplier-delay
# (il nostro fornitore ci ha consegnato in ritardo), carrier-incident (un
# disservizio del corriere), high-demand (ordini oltre le nostre scorte) o
# weather (trasporti rallentati dal maltempo). Non scaricare le colpe: le
# scuse che seguono se ne assumono la responsabilità.
cause =
    { $delay-cause ->
        [supplier-delay] Il ritardo è dovuto a un problema di approvvigionamento: il nostro fornitore non ci ha consegnato nei tempi concordati gli articoli necessari per preparare il Suo ordine.
        [carrier-incident] Il ritardo è dovuto a un disservizio del corriere incaricato della consegna, che ha rallentato la spedizione del Suo ordine.
        [high-demand] Il ritardo è dovuto a una richiesta eccezionalmente elevata di questo articolo nelle ultime settimane: abbiamo ricevuto molti più ordini del previsto e le nostre scorte si sono esaurite prima che il Suo ordine potesse essere preparato. Lo evaderemo non appena riceveremo il prossimo rifornimento.
       *[weather] Il ritardo è dovuto a condizioni meteorologiche avverse, che negli ultimi giorni hanno causato gravi disagi ai trasporti e rallentato la spedizione del Suo ordine.
    }

# Le scuse, senza giustificazioni né «ma».
apology =
    Ci eravamo impegnati a consegnarLe l’ordine entro una data precisa e non abbiamo rispettato tale impegno. Le porgiamo le nostre più sincere scuse per questo ritardo e per il disagio che potrà arrecarLe.

# Le possibilità del cliente: annullare l’ordine con rimborso integrale, o
# attendere. $order-amount: l’importo totale pagato, spese di consegna
# comprese. Non citare articoli di legge.
options =
    Qualora la nuova data non rispondesse alle Sue esigenze, Lei potrà annullare l’ordine: sarà sufficiente comunicarcelo e Le rimborseremo l’intero importo pagato, pari a { $order-amount }, entro quattordici giorni dalla Sua comunicazione. Se invece preferisce attendere, non deve fare nulla: Le daremo notizie sull’avanzamento del Suo ordine.

# Gesto di cortesia; mai subordinarlo alla rinuncia all’annullamento.
# $gesture-kind: shipping-refund (rimborso delle spese di spedizione),
# discount (sconto) o voucher (buono d’acquisto). $gesture-amount: le spese
# di spedizione rimborsate, o il valore del buono. $gesture-valid-until:
# ultimo giorno di validità («fino al giorno …», per evitare «al 8»).
# $gesture-percent: lo sconto, seguito da «%» senza spazio; le varianti
# numeriche danno «dell’1%», «dell’8%», «dell’11%» (e non «del 8%»); uno
# sconto dall’80 all’89% richiederebbe varianti analoghe. Un annullamento
# rimborsa comunque le spese di spedizione, da cui la formulazione di
# shipping-refund.
gesture =
    { $gesture-kind ->
        [shipping-refund] In segno di scuse, Le rimborseremo le spese di spedizione di { $gesture-amount } da Lei sostenute qualora decidesse di mantenere l’ordine; in caso di annullamento, tali spese sono naturalmente comprese nel rimborso integrale.
        [discount] Qualunque sia la Sua decisione, in segno di scuse siamo lieti di offrirLe uno sconto { $gesture-percent ->
            [1] dell’1%
            [8] dell’8%
            [11] dell’11%
           *[other] del { $gesture-percent }%
        } sul Suo prossimo ordine, valido fino al giorno { DATETIME($gesture-valid-until, dateStyle: "long") }.
       *[voucher] Qualunque sia la Sua decisione, in segno di scuse siamo lieti di offrirLe un buono d’acquisto del valore di { $gesture-amount }, valido fino al giorno { DATETIME($gesture-valid-until, dateStyle: "long") }.
    }

# Come contattarci: $sender-email, $sender-phone.
discuss =
    Per qualsiasi domanda, o per comunicarci la Sua decisione, restiamo a Sua completa disposizione: può scriverci all’indirizzo { $sender-email } o contattarci telefonicamente al numero { $sender-phone }.

thanks-again =
    La ringraziamo per la pazienza e la comprensione, nonché per la fiducia che ci ha accordato.

## Allegati: la breve descrizione di ogni documento, elencato sotto la firma
## dopo label-enclosures.

enclosure-order-confirmation = Copia della conferma d’ordine
enclosure-terms-of-sale = Condizioni generali di vendita
# Solo con un gesto di cortesia di tipo buono d’acquisto.
enclosure-voucher = Il Suo buono d’acquisto
