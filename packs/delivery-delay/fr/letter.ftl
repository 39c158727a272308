### delivery-delay : lettre qui informe un client que sa commande sera livrée
### plus tard que prévu, en donne la nouvelle date et la cause, présente des
### excuses, rappelle les possibilités du client et peut offrir un geste
### commercial.
###
### Registre : correspondance commerciale soutenue. L’entreprise écrit
### « nous » et vouvoie le client. Annoncer le retard et la nouvelle date dès
### le début ; donner la cause comme un fait, jamais comme une excuse, sans
### rejeter la faute sur le fournisseur, le transporteur ou le client. Ne
### jamais subordonner le geste commercial à la renonciation à l’annulation.
### Éviter les participes qui s’accordent avec le client (« informé(e) ») :
### le genre n’est pas toujours connu.
###
### Typographie : écrire une espace normale avant : ; ! ? et à l’intérieur
### des guillemets « » (le compilateur la remplace par l’espace insécable
### voulue) ; apostrophe typographique ’ uniquement.
### Dates : { DATETIME($x, dateStyle: "long") } (le compilateur écrit « 1er »).
### Montants : la variable seule ({ $order-amount }).

## Cadre de la lettre : messages communs à tous les packs.

# $place : la ville d’où la lettre est écrite ; $date : la date de la lettre.
date-line = { $place }, le { DATETIME($date, dateStyle: "long") }

# Le texte de l’objet seul ; la mise en page le fait précéder de label-subject.
# $order-number : le numéro de commande.
subject = Retard de livraison de votre commande n° { $order-number }

label-subject = Objet :
# Devant notre référence (le numéro de commande).
label-our-ref = N/Réf. :
label-enclosures = P.J. :
# Imprimé sous la forme « Page 1/2 » quand la lettre dépasse une page.
label-page = Page

# $recipient-salutation : madame, monsieur ou neutral (civilité inconnue).
# En français, la formule d’appel ne comporte jamais le nom de famille ;
# $recipient-surname n’est donc pas utilisé ici.
# lint-ignore: variable-dropped $recipient-surname -- pas de nom dans l’appel
salutation =
    { $recipient-salutation ->
        [madame] Madame,
        [monsieur] Monsieur,
       *[neutral] Madame, Monsieur,
    }

# La formule de politesse reprend exactement la formule d’appel.
closing =
    { $recipient-salutation ->
        [madame] Veuillez agréer, Madame, l’expression de nos salutations distinguées.
        [monsieur] Veuillez agréer, Monsieur, l’expression de nos salutations distinguées.
       *[neutral] Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.
    }

## Corps de la lettre, dans l’ordre des sections de pack.toml :
## thanks → delay → cause → apology → options → gesture → discuss →
## thanks-again.

# Remerciements, en nommant le client. $recipient-salutation,
# $recipient-surname (le nom complet à défaut), $recipient-name : comme pour
# la formule d’appel. $order-number ; $order-date : date de la commande.
# $order-item se lit dans une phrase, avec son article (« une table de salle
# à manger en chêne massif ») : ne pas le faire précéder de « de » (élision
# impossible) ni l’accorder.
thanks =
    Nous vous remercions, { $recipient-salutation ->
        [madame] Madame { $recipient-surname }
        [monsieur] Monsieur { $recipient-surname }
       *[neutral] { $recipient-name }
    }, de votre commande n° { $order-number } du { DATETIME($order-date, dateStyle: "long") }, portant sur { $order-item }.

# La nouvelle, dès le début et clairement. $order-promised-date : la date de
# livraison promise. $delay-new-date : la nouvelle date prévue. $delay-days
# (nombre calculé à partir des deux dates, au moins 1) : les jours de retard.
# En français, [one] vaut pour 0 et 1 ; un retard compte au moins un jour.
delay =
    Nous sommes au regret de vous informer que votre commande ne pourra pas vous être livrée à la date que nous vous avions annoncée, le { DATETIME($order-promised-date, dateStyle: "long") }. Sa livraison est désormais prévue le { DATETIME($delay-new-date, dateStyle: "long") }, soit un retard { $delay-days ->
        [one] d’un jour.
       *[other] de { $delay-days } jours.
    }

# La cause, comme un fait, en une ou deux phrases. $delay-cause :
# supplier-delay (notre fournisseur nous a livrés en retard),
# carrier-incident (incident chez le transporteur), high-demand (plus de
# commandes que notre stock) ou weather (transports perturbés par la météo).
# Ne pas rejeter la faute : les excuses qui suivent l’assument.
cause =
    { $delay-cause ->
        [supplier-delay] Ce retard s’explique par une difficulté d’approvisionnement : notre fournisseur ne nous a pas livré, dans le délai convenu, les articles nécessaires à la préparation de votre commande.
        [carrier-incident] Ce retard s’explique par un incident survenu chez le transporteur chargé de votre livraison, qui a ralenti l’acheminement de votre commande.
        [high-demand] Ce retard s’explique par une demande exceptionnellement forte pour cet article ces dernières semaines : nous avons reçu bien plus de commandes que nous ne l’avions prévu, et notre stock s’est trouvé épuisé avant que la vôtre ait pu être préparée. Elle le sera dès notre prochain réapprovisionnement.
       *[weather] Ce retard s’explique par des conditions météorologiques exceptionnelles, qui ont perturbé les transports ces derniers jours et ralenti l’acheminement de votre commande.
    }

# Les excuses, sans justification ni « mais ».
apology =
    Nous nous étions engagés sur une date de livraison et ne l’avons pas respectée. Nous vous prions de bien vouloir nous excuser pour ce retard et pour la gêne qu’il peut vous occasionner.

# Les possibilités du client : annuler et être intégralement remboursé, ou
# attendre. $order-amount : le montant total réglé, livraison comprise. Ne pas
# citer d’articles de loi.
options =
    Si cette nouvelle date ne vous convient pas, vous pouvez annuler votre commande : il vous suffit de nous en informer, et nous vous rembourserons l’intégralité de la somme réglée, soit { $order-amount }, dans un délai de quatorze jours à compter de votre annulation. Si vous acceptez d’attendre, vous n’avez aucune démarche à accomplir ; nous vous tiendrons au courant de l’avancement de votre commande.

# Geste commercial ; ne jamais le subordonner à la renonciation à
# l’annulation. $gesture-kind : shipping-refund (remboursement des frais de
# livraison), discount (remise) ou voucher (bon d’achat).
# $gesture-amount : les frais de livraison remboursés, ou la valeur du bon ;
# $gesture-percent : la remise, suivie de « % » avec une espace normale ;
# $gesture-valid-until : dernier jour de validité. Une annulation rembourse
# de toute façon les frais de livraison, d’où la tournure de shipping-refund.
gesture =
    { $gesture-kind ->
        [shipping-refund] En gage de nos excuses, nous vous rembourserons les frais de livraison de { $gesture-amount } que vous avez réglés si vous maintenez votre commande ; en cas d’annulation, ces frais sont bien entendu compris dans le remboursement intégral.
        [discount] Quelle que soit votre décision, nous avons le plaisir de vous accorder, en gage de nos excuses, une remise de { $gesture-percent } % sur votre prochaine commande, valable jusqu’au { DATETIME($gesture-valid-until, dateStyle: "long") }.
       *[voucher] Quelle que soit votre décision, nous avons le plaisir de vous offrir, en gage de nos excuses, un bon d’achat d’une valeur de { $gesture-amount }, valable jusqu’au { DATETIME($gesture-valid-until, dateStyle: "long") }.
    }

# Coordonnées pour nous joindre : $sender-email, $sender-phone.
discuss =
    Pour toute question, ou pour nous faire part de votre décision, nous restons à votre entière disposition : vous pouvez nous écrire à l’adresse { $sender-email } ou nous joindre par téléphone au { $sender-phone }.

thanks-again =
    Nous vous remercions de votre patience et de votre compréhension, ainsi que de la confiance que vous nous accordez.

## Pièces jointes : intitulé court de chaque document, énuméré sous la
## signature après label-enclosures.

enclosure-order-confirmation = Copie de votre confirmation de commande
enclosure-terms-of-sale = Conditions générales de vente
# Uniquement avec un geste commercial de type bon d’achat.
enclosure-voucher = Votre bon d’achat
