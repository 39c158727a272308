### refund-refusal : lettre de refus de remboursement, polie et factuelle,
### avec un geste commercial et une ouverture au dialogue.
###
### Registre : correspondance commerciale soutenue. L’entreprise écrit
### « nous » et vouvoie le client. Ne jamais mettre en cause le client, ne
### jamais présenter le geste commercial comme un remplacement du remboursement.
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
subject = Votre demande de remboursement – commande n° { $order-number }

label-subject = Objet :
# Devant la référence propre du client, si le dossier en donne une.
label-your-ref = V/Réf. :
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
## thanks → decision → motif(s) → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Remerciements, en nommant le client. $order-item se lit dans une phrase,
# avec son article (« une bibliothèque en chêne réalisée sur mesure ») : ne
# pas le faire précéder de « de » (élision impossible) ni l’accorder.
# $recipient-surname : le nom de famille (le nom complet à défaut).
thanks =
    Nous vous remercions, { $recipient-salutation ->
        [madame] Madame { $recipient-surname }
        [monsieur] Monsieur { $recipient-surname }
       *[neutral] { $recipient-name }
    }, de votre commande n° { $order-number } du { DATETIME($order-date, dateStyle: "long") }, portant sur { $order-item }, ainsi que d’avoir pris le temps de nous écrire à son sujet le { DATETIME($request-date, dateStyle: "long") }.

# La décision, dès le début et clairement. $order-amount : le montant réglé.
# $reasons-count : le nombre de motifs qui suivent.
decision =
    Après avoir examiné attentivement votre demande, nous sommes au regret de ne pouvoir procéder au remboursement de cette commande, d’un montant de { $order-amount }, pour { $reasons-count ->
        [one] la raison que nous vous exposons ci-après.
       *[other] les raisons que nous vous exposons ci-après.
    }

## Motifs : un paragraphe chacun, imprimé une fois par motif retenu.
## { legal-citation } cite la base légale ; il reçoit $legal-article
## (défini dans pack.toml) et $jurisdiction (FR, IT, DE ou ES) et commence par
## « l’article… » : l’employer après « par », « de », « au sens de »…
## Exposer les faits de façon neutre, sans jamais mettre le client en cause.

# $order-delivery-date : date de livraison, point de départ du délai de
# quatorze jours. Seule compte la date d’ENVOI de la demande ($request-date).
# $request-days-after-delivery (nombre, calculé) : jours écoulés entre la
# livraison et l’envoi de la demande. Catégories du pluriel : one (0 et 1 :
# « 1 jour ») et other ; Fluent ne choisit jamais many.
reason-withdrawal-period-expired =
    Le délai de rétractation de quatorze jours prévu par { legal-citation } court à compter de la réception du bien. Votre commande vous a été livrée, comme convenu, le { DATETIME($order-delivery-date, dateStyle: "long") }. Seule compte la date d’envoi de la demande, et non celle de sa réception : la vôtre nous a été adressée le { DATETIME($request-date, dateStyle: "long") }, soit { $request-days-after-delivery ->
        [one] { $request-days-after-delivery } jour
       *[other] { $request-days-after-delivery } jours
    } après la livraison, c’est-à-dire après l’expiration de ce délai. Le droit de rétractation ne peut donc plus être exercé pour cette commande.

# Le droit légal de rétractation vise les contrats à distance et hors
# établissement, non les achats effectués en magasin.
reason-in-store-purchase =
    Vous avez effectué cet achat en magasin, le { DATETIME($order-date, dateStyle: "long") }. Or le droit de rétractation prévu par { legal-citation } s’applique aux contrats conclus à distance ou hors établissement, et non aux achats effectués en magasin. Il ne peut donc pas être exercé pour cet achat.

reason-custom-made =
    Le bien que vous avez commandé, { $order-item }, a été fabriqué selon les spécifications que vous nous avez communiquées, puis vous a été livré dans le délai convenu, le { DATETIME($order-delivery-date, dateStyle: "long") }. En application de { legal-citation }, le droit de rétractation ne peut être exercé pour les biens confectionnés selon les spécifications du consommateur ou nettement personnalisés.

# Biens scellés qui ne peuvent être repris, pour des raisons d’hygiène ou de
# santé, une fois descellés. Tournure neutre (voix passive).
reason-sealed-hygiene-opened =
    Le bien que vous avez commandé, { $order-item }, vous a été livré le { DATETIME($order-delivery-date, dateStyle: "long") } sous scellé de protection. Pour des raisons d’hygiène et de protection de la santé, un bien de cette nature ne peut être repris une fois descellé ; or son scellé a été ouvert après la livraison. En application de { legal-citation }, le droit de rétractation ne peut donc pas être exercé.

# $order-consent-date : date de l’accord exprès du client pour que la
# fourniture commence avant la fin du délai de rétractation.
# $order-delivery-date : date du début de la fourniture.
reason-digital-content-started =
    Le { DATETIME($order-consent-date, dateStyle: "long") }, vous avez expressément accepté que la fourniture du contenu numérique commandé, { $order-item }, commence avant la fin du délai de rétractation, et reconnu que vous perdriez ainsi votre droit de rétractation. Cette fourniture a commencé, comme convenu, le { DATETIME($order-delivery-date, dateStyle: "long") }. En application de { legal-citation }, le droit de rétractation ne peut donc plus être exercé.

# $order-consent-date : date de la demande expresse du client de commencer la
# prestation avant la fin du délai. $order-delivery-date : date à laquelle la
# prestation a été entièrement exécutée.
reason-service-fully-performed =
    Le { DATETIME($order-consent-date, dateStyle: "long") }, vous nous avez expressément demandé de commencer la prestation commandée, { $order-item }, avant la fin du délai de rétractation, et avez reconnu que vous perdriez votre droit de rétractation une fois la prestation pleinement exécutée. Nous l’avons entièrement exécutée, comme convenu, le { DATETIME($order-delivery-date, dateStyle: "long") }. En application de { legal-citation }, le droit de rétractation ne s’applique pas à une prestation ainsi pleinement exécutée.

# $inspection-date : date de notre examen du bien retourné. Ne jamais demander
# au client de prouver quoi que ce soit : le constat est le nôtre.
reason-no-defect-found =
    Le { DATETIME($inspection-date, dateStyle: "long") }, nous avons examiné avec soin le bien que vous nous avez retourné, { $order-item }. Cet examen a établi que le bien est conforme au contrat au sens de { legal-citation } : il présente les qualités et caractéristiques convenues et il est propre à l’usage habituellement attendu d’un bien de ce type. Aucun défaut de conformité n’a été constaté.

# Le rapport d’examen doit figurer parmi les pièces jointes du dossier.
reason-damage-after-delivery =
    Le { DATETIME($inspection-date, dateStyle: "long") }, nous avons examiné avec soin le bien que vous nous avez retourné, { $order-item }. Cet examen a mis en évidence des dommages survenus après sa livraison, le { DATETIME($order-delivery-date, dateStyle: "long") }, et non un défaut de conformité existant au moment de celle-ci ; le rapport d’examen est joint à la présente lettre. Or la garantie légale de conformité prévue par { legal-citation } couvre les défauts de conformité existant lors de la délivrance du bien : ces dommages n’en relèvent donc pas.

# Le défaut est apparu après la fin de la garantie légale : deux ans après la
# livraison en France, en Italie et en Allemagne, trois ans pour les biens en
# Espagne (depuis 2022). $request-date : date à laquelle le client nous l’a
# signalé. $jurisdiction : FR, IT, DE ou ES.
reason-guarantee-expired =
    Le bien concerné, { $order-item }, vous a été livré le { DATETIME($order-delivery-date, dateStyle: "long") }. Le défaut que vous nous avez signalé le { DATETIME($request-date, dateStyle: "long") } est apparu plus de { $jurisdiction ->
        [ES] trois ans
        [DE] deux ans
        [IT] deux ans
       *[FR] deux ans
    } après cette livraison. Or la garantie légale de conformité prévue par { legal-citation } couvre les défauts de conformité qui apparaissent dans un délai de { $jurisdiction ->
        [ES] trois ans
        [DE] deux ans
        [IT] deux ans
       *[FR] deux ans
    } à compter de la délivrance du bien. Nous ne sommes donc pas en mesure de prendre en charge ce défaut à ce titre.

# Utilisé dans les motifs. $legal-article : l’article, p. ex. « L221-28, 3° »
# (FR), « 59, comma 1, lettera c) » (IT), « 312g Abs. 2 Nr. 1 » (DE, un
# paragraphe du BGB) ou « 103, letra c) » (ES) ; $jurisdiction : FR, IT, DE
# ou ES, le droit dont relève l’article.
legal-citation =
    { $jurisdiction ->
        [IT] l’article { $legal-article } du Code de la consommation italien (Codice del consumo)
        [DE] l’article { $legal-article } du Code civil allemand (BGB)
        [ES] l’article { $legal-article } de la loi espagnole de protection des consommateurs (TRLGDCU)
       *[FR] l’article { $legal-article } du Code de la consommation
    }

## Après les motifs.

# Imprimé lorsqu’un motif porte sur le droit de rétractation : la garantie
# légale de conformité est un droit distinct, qui continue de s’appliquer.
# $jurisdiction : FR, IT, DE ou ES (trois ans pour les biens en Espagne).
guarantee-reminder =
    Cette décision porte uniquement sur le droit de rétractation. Elle n’affecte en rien la garantie légale de conformité, qui couvre les défauts de conformité apparaissant dans un délai de { $jurisdiction ->
        [ES] trois ans
        [DE] deux ans
        [IT] deux ans
       *[FR] deux ans
    } à compter de la livraison, conformément { $jurisdiction ->
        [IT] aux articles 128 et suivants du Code de la consommation italien (Codice del consumo)
        [DE] aux articles 434 et suivants du Code civil allemand (BGB)
        [ES] aux articles 114 et suivants de la loi espagnole de protection des consommateurs (TRLGDCU)
       *[FR] aux articles L217-3 et suivants du Code de la consommation
    }. Si un défaut de conformité venait à apparaître, nous vous invitons à nous le signaler : nous l’examinerions dans le cadre de cette garantie.

# Imprimé quand le refus porte sur un contenu numérique déjà fourni : sa
# garantie légale de conformité relève d’autres articles. $jurisdiction : FR,
# IT, DE ou ES.
digital-guarantee-reminder =
    Cette décision porte uniquement sur le droit de rétractation. Elle n’affecte en rien la garantie légale de conformité des contenus numériques, prévue { $jurisdiction ->
        [IT] aux articles 135-octies et suivants du Code de la consommation italien (Codice del consumo)
        [DE] aux articles 327d et suivants du Code civil allemand (BGB)
        [ES] aux articles 114 et suivants de la loi espagnole de protection des consommateurs (TRLGDCU)
       *[FR] aux articles L224-25-12 et suivants du Code de la consommation
    }. Si le contenu ne fonctionnait pas comme convenu, nous vous invitons à nous le signaler : nous y remédierions dans le cadre de cette garantie.

# $enclosures-count : nombre de documents joints (énumérés sous la signature).
enclosures-note =
    { $enclosures-count ->
        [one] Vous trouverez ci-joint, à toutes fins utiles, le document relatif à votre commande.
       *[other] Vous trouverez ci-joint, à toutes fins utiles, les documents relatifs à votre commande.
    }

# Geste commercial, offert alors que personne n’est en faute ; ne jamais le
# présenter comme remplaçant un remboursement. $concession-kind : voucher
# (bon d’achat), discount (remise) ou free-repair (réparation gracieuse).
# $concession-amount : valeur du bon ; $concession-percent : la remise, suivie
# de « % » avec une espace normale ; $concession-valid-until : dernier jour de
# validité.
concession =
    { $concession-kind ->
        [voucher] À titre de geste commercial, nous avons le plaisir de vous offrir un bon d’achat d’une valeur de { $concession-amount }, valable jusqu’au { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] À titre de geste commercial, nous avons le plaisir de vous accorder une remise de { $concession-percent } % sur votre prochaine commande, valable jusqu’au { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] À titre de geste commercial, nous vous proposons de réparer gracieusement le bien concerné ; il vous suffit de nous contacter pour en fixer les modalités.
    } Ce geste ne signifie pas qu’une faute ait été commise, de part ou d’autre : il témoigne simplement de l’importance que nous attachons à notre relation.

# Coordonnées pour nous joindre : $sender-email, $sender-phone.
discuss =
    Nous restons à votre entière disposition pour en discuter : vous pouvez nous écrire à l’adresse { $sender-email } ou nous joindre par téléphone au { $sender-phone }.

thanks-again =
    Nous vous renouvelons nos remerciements pour votre confiance et espérons avoir bientôt le plaisir de vous servir de nouveau.

## Pièces jointes : intitulé court de chaque document, énuméré sous la
## signature après label-enclosures.

enclosure-invoice = Copie de la facture
enclosure-delivery-proof = Justificatif de livraison
enclosure-terms-of-sale = Conditions générales de vente
# Trace de l’accord exprès du client (contenu numérique, prestations).
enclosure-consent-record = Justificatif de votre accord exprès
enclosure-inspection-report = Rapport d’examen du bien retourné
