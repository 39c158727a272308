### refund-refusal: Ablehnung einer Erstattungsanfrage aus einem gesetzlichen
### Grund, höflich und sachlich, mit einem Kulanzangebot und dem Angebot eines
### Gesprächs.
###
### Stil: Geschäftsbrief nach DIN 5008. Das Unternehmen schreibt „wir“ und
### siezt die Kundin oder den Kunden. Der Kundin oder dem Kunden nie einen
### Vorwurf machen, nie andeuten, sie oder er habe es sich anders überlegt, das
### Kulanzangebot nie als Ersatz für eine Erstattung darstellen.
###
### Nach der Anrede mit Komma beginnt der Brieftext klein: `thanks`, der erste
### Absatz, beginnt deshalb mit einem kleingeschriebenen Wort. Jeder Absatz ist
### eine eigene Nachricht.
###
### Werte: Datumsangaben { DATETIME($x, dateStyle: "long") } („23. November
### 2026“); Geldbeträge als bloße Variable ({ $order-amount }), der Compiler
### formatiert sie („1.234,56 €“). Geschützte Leerzeichen (U+00A0) stehen
### zwischen Zahl und %, nach § und §§ und in „Nr. …“ (DIN 5008). Deutsche
### Anführungszeichen „…“.
###
### $order-item ist die Bezeichnung der Ware oder Leistung ohne Artikel, wie
### auf der Rechnung, z. B. „Bücherschrank aus Eiche, Maßanfertigung“. Sie
### steht stets in Anführungszeichen, damit ihr Kasus keine Rolle spielt.

## Briefrahmen: Nachrichten, die jedes Pack definiert.

# $place: der Ort, an dem der Brief geschrieben wird; $date: das Briefdatum.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# Nur der Text des Betreffs. Nach DIN 5008 steht kein Wort „Betreff“ davor.
subject = Ihre Anfrage zur Rückerstattung – Bestellung Nr. { $order-number }

# DIN 5008: kein Leitwort vor dem Betreff; das Layout lässt ein leeres Label weg.
label-subject = { "" }
# Vor dem Zeichen der Kundin oder des Kunden, falls der Fall eines angibt.
label-your-ref = Ihr Zeichen:
# Vor unserem Zeichen (der Bestellnummer).
label-our-ref = Unser Zeichen:
label-enclosures = Anlagen
# Gedruckt als „Seite 1/2“, wenn der Brief länger als eine Seite ist.
label-page = Seite

# $recipient-salutation: madame, monsieur oder neutral (Geschlecht unbekannt
# oder allgemeine Anrede gewünscht). $recipient-surname: der Nachname (der
# vollständige Name, wenn der Fall keinen Nachnamen angibt).
salutation =
    { $recipient-salutation ->
        [madame] Sehr geehrte Frau { $recipient-surname },
        [monsieur] Sehr geehrter Herr { $recipient-surname },
       *[neutral] Sehr geehrte Damen und Herren,
    }

# DIN 5008: Grußformel ohne Satzzeichen; sie ist für alle Anreden gleich.
closing =
    { $recipient-salutation ->
        [madame] Mit freundlichen Grüßen
        [monsieur] Mit freundlichen Grüßen
       *[neutral] Mit freundlichen Grüßen
    }

## Brieftext, in der Reihenfolge der Abschnitte von pack.toml:
## thanks → decision → Gründe → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Erster Absatz, nach der Anrede klein beginnend: Dank für die Bestellung und
# für die Nachricht. Die Anrede nennt den Namen bereits; er wird hier nicht
# wiederholt. $order-number: die Bestellnummer; $order-date: das
# Bestelldatum; $order-item: die Bezeichnung (siehe oben); $request-date: das
# Datum der Erstattungsanfrage.
# lint-ignore: variable-dropped $recipient-salutation $recipient-surname $recipient-name -- die Anrede nennt den Namen
thanks =
    vielen Dank für Ihre Bestellung „{ $order-item }“ vom { DATETIME($order-date, dateStyle: "long") } (Bestellnummer { $order-number }) und dafür, dass Sie sich am { DATETIME($request-date, dateStyle: "long") } die Zeit genommen haben, uns dazu zu schreiben.

# Die Entscheidung, früh und klar. $order-amount: der gezahlte Betrag.
# $reasons-count: wie viele Absätze mit Gründen folgen (1 oder mehr).
decision =
    Wir haben Ihr Anliegen sorgfältig geprüft. Leider können wir Ihnen den für diese Bestellung gezahlten Betrag von { $order-amount } nicht erstatten. { $reasons-count ->
        [one] Den Grund dafür erläutern wir Ihnen im Folgenden.
       *[other] Die Gründe dafür erläutern wir Ihnen im Folgenden.
    }

## Gründe: je ein Absatz, einmal pro Grund des Falls gedruckt. Jeder nennt
## seine Rechtsgrundlage über { legal-citation }; diese Nachricht erhält
## $legal-article (aus pack.toml) und $jurisdiction (FR, IT, DE oder ES) und
## beginnt mit „§ …“ oder „Artikel …“: nach „nach“, „gemäß“ oder „im Sinne
## von“ verwenden. Tatsachen neutral darstellen, nie einen Vorwurf machen.

# $order-delivery-date: Tag der Lieferung, ab dem die vierzehn Tage laufen;
# zur Fristwahrung genügt die rechtzeitige ABSENDUNG ($request-date).
# $request-days-after-delivery (Zahl, berechnet): volle Tage von der Lieferung
# bis zur Anfrage; Pluralkategorien one („1 Tag“) und other („26 Tage“).
reason-withdrawal-period-expired =
    Nach { legal-citation } beträgt die Widerrufsfrist vierzehn Tage; sie beginnt mit dem Tag, an dem Sie die Ware erhalten haben. Ihre Bestellung wurde Ihnen wie vereinbart am { DATETIME($order-delivery-date, dateStyle: "long") } geliefert. Für die Einhaltung der Frist kommt es auf den Tag der Absendung an, nicht auf den Eingang bei uns: Ihre Anfrage wurde am { DATETIME($request-date, dateStyle: "long") } abgesandt, { $request-days-after-delivery ->
        [one] { $request-days-after-delivery } Tag
       *[other] { $request-days-after-delivery } Tage
    } nach der Lieferung und damit nach Ablauf dieser Frist. Das Widerrufsrecht kann für diese Bestellung daher nicht mehr ausgeübt werden.

# Das gesetzliche Widerrufsrecht gilt nur für Fernabsatzverträge und außerhalb
# von Geschäftsräumen geschlossene Verträge, nicht für Käufe im Laden.
# $order-date: der Tag des Kaufs.
reason-in-store-purchase =
    Sie haben diesen Kauf am { DATETIME($order-date, dateStyle: "long") } persönlich in unserem Geschäft getätigt. Das gesetzliche Widerrufsrecht nach { legal-citation } gilt für Fernabsatzverträge und für Verträge, die außerhalb von Geschäftsräumen geschlossen werden; Käufe im Ladengeschäft erfasst es nicht. Für diesen Kauf besteht daher kein Widerrufsrecht.

# $order-delivery-date: der Tag der Lieferung.
reason-custom-made =
    Die von Ihnen bestellte Ware „{ $order-item }“ wurde nach Ihren Vorgaben angefertigt und Ihnen wie vereinbart fristgerecht am { DATETIME($order-delivery-date, dateStyle: "long") } geliefert. Nach { legal-citation } besteht kein Widerrufsrecht bei Waren, die nach den individuellen Vorgaben des Kunden angefertigt oder eindeutig auf seine persönlichen Bedürfnisse zugeschnitten sind.

# Versiegelte Waren, die aus Gründen des Gesundheitsschutzes oder der Hygiene
# nach dem Öffnen nicht zurückgenommen werden können (Kosmetik, Ohrhörer,
# Unterwäsche …). Neutral, im Passiv. $order-delivery-date: Tag der Lieferung.
reason-sealed-hygiene-opened =
    Die von Ihnen bestellte Ware „{ $order-item }“ wurde Ihnen am { DATETIME($order-delivery-date, dateStyle: "long") } mit unversehrter Schutzversiegelung geliefert. Aus Gründen des Gesundheitsschutzes und der Hygiene kann eine solche Ware nicht zurückgenommen werden, wenn ihre Versiegelung entfernt wurde; dies ist nach der Lieferung geschehen. Nach { legal-citation } besteht in diesem Fall kein Widerrufsrecht.

# $order-consent-date: Tag, an dem die Kundin oder der Kunde ausdrücklich
# zugestimmt hat, dass die Bereitstellung vor Ablauf der Widerrufsfrist
# beginnt, und den Verlust des Widerrufsrechts bestätigt hat.
# $order-delivery-date: Beginn der Bereitstellung.
reason-digital-content-started =
    Am { DATETIME($order-consent-date, dateStyle: "long") } haben Sie ausdrücklich zugestimmt, dass wir vor Ablauf der Widerrufsfrist mit der Bereitstellung der von Ihnen bestellten digitalen Inhalte („{ $order-item }“) beginnen, und dabei bestätigt, dass Ihnen der damit verbundene Verlust Ihres Widerrufsrechts bekannt ist. Die Bereitstellung hat wie vereinbart am { DATETIME($order-delivery-date, dateStyle: "long") } begonnen. Nach { legal-citation } ist das Widerrufsrecht damit erloschen.

# $order-consent-date: Tag, an dem die Kundin oder der Kunde ausdrücklich
# verlangt hat, dass wir vor Ablauf der Widerrufsfrist mit der Dienstleistung
# beginnen. $order-delivery-date: Tag, an dem die Dienstleistung vollständig
# erbracht war.
reason-service-fully-performed =
    Am { DATETIME($order-consent-date, dateStyle: "long") } haben Sie uns ausdrücklich gebeten, mit der von Ihnen beauftragten Dienstleistung („{ $order-item }“) vor Ablauf der Widerrufsfrist zu beginnen, und dabei bestätigt, dass Ihnen bekannt ist, dass Ihr Widerrufsrecht mit der vollständigen Erbringung der Dienstleistung erlischt. Wir haben die Dienstleistung wie vereinbart am { DATETIME($order-delivery-date, dateStyle: "long") } vollständig erbracht. Nach { legal-citation } ist das Widerrufsrecht damit erloschen.

# $inspection-date: Tag unserer Prüfung der zurückgesandten Ware. Nie einen
# Nachweis von der Kundin oder dem Kunden verlangen: der Befund ist unserer.
reason-no-defect-found =
    Am { DATETIME($inspection-date, dateStyle: "long") } haben wir die von Ihnen zurückgesandte Ware „{ $order-item }“ sorgfältig geprüft. Die Prüfung hat ergeben, dass die Ware im Sinne von { legal-citation } vertragsgemäß ist: sie weist die vereinbarte Beschaffenheit auf und eignet sich für die Verwendung, die bei Waren dieser Art üblich ist. Einen Mangel haben wir nicht festgestellt.

# Der Prüfbericht muss unter den Anlagen des Falls sein.
# $inspection-date: Tag der Prüfung; $order-delivery-date: Tag der Lieferung.
reason-damage-after-delivery =
    Am { DATETIME($inspection-date, dateStyle: "long") } haben wir die von Ihnen zurückgesandte Ware „{ $order-item }“ sorgfältig geprüft. Dabei haben wir eine Beschädigung festgestellt, die nach der Lieferung am { DATETIME($order-delivery-date, dateStyle: "long") } entstanden ist, und keinen Mangel, der bereits bei der Lieferung vorlag; den Prüfbericht fügen wir bei. Die gesetzliche Gewährleistung nach { legal-citation } erfasst Mängel, die bei der Lieferung bereits vorhanden sind, und erstreckt sich daher nicht auf diese Beschädigung.

# Der Mangel hat sich nach Ablauf der gesetzlichen Frist gezeigt: zwei Jahre
# ab Lieferung in Deutschland (Verjährung, § 438 BGB), Frankreich und
# Italien, drei Jahre für Waren in Spanien (seit 2022). $request-date: Tag,
# an dem uns der Mangel mitgeteilt wurde. $jurisdiction: FR, IT, DE oder ES.
reason-guarantee-expired =
    Die betreffende Ware „{ $order-item }“ wurde Ihnen am { DATETIME($order-delivery-date, dateStyle: "long") } geliefert. Der Mangel, den Sie uns am { DATETIME($request-date, dateStyle: "long") } mitgeteilt haben, hat sich mehr als { $jurisdiction ->
        [ES] drei Jahre
        [FR] zwei Jahre
        [IT] zwei Jahre
       *[DE] zwei Jahre
    } nach diesem Tag gezeigt. { $jurisdiction ->
        [ES] Die gesetzliche Gewährleistung nach { legal-citation } erfasst Mängel, die sich innerhalb von drei Jahren nach der Lieferung zeigen.
        [FR] Die gesetzliche Gewährleistung nach { legal-citation } erfasst Mängel, die sich innerhalb von zwei Jahren nach der Lieferung zeigen.
        [IT] Die gesetzliche Gewährleistung nach { legal-citation } erfasst Mängel, die sich innerhalb von zwei Jahren nach der Lieferung zeigen.
       *[DE] Nach { legal-citation } verjähren die gesetzlichen Mängelansprüche in zwei Jahren ab der Lieferung.
    } Im Rahmen der gesetzlichen Gewährleistung können wir diesen Mangel daher nicht mehr beheben.

# In den Gründen verwendet, nach „nach“, „gemäß“ oder „im Sinne von“.
# $legal-article: der Artikel, z. B. „312g Abs. 2 Nr. 1“ (DE, ein Paragraf
# des BGB), „L221-28, 3°“ (FR), „59, comma 1, lettera c)“ (IT) oder
# „103, letra c)“ (ES). $jurisdiction: FR, IT, DE oder ES.
legal-citation =
    { $jurisdiction ->
        [FR] Artikel { $legal-article } des französischen Verbrauchergesetzbuchs (Code de la consommation)
        [IT] Artikel { $legal-article } des italienischen Verbrauchergesetzbuchs (Codice del consumo)
        [ES] Artikel { $legal-article } des spanischen Verbraucherschutzgesetzes (TRLGDCU)
       *[DE] § { $legal-article } BGB
    }

## Nach den Gründen.

# Gedruckt, wenn ein Grund das Widerrufsrecht betrifft: die gesetzliche
# Gewährleistung ist ein eigenes Recht und gilt weiter. $jurisdiction: FR,
# IT, DE oder ES (in Spanien drei Jahre für Waren, sonst zwei).
guarantee-reminder =
    Diese Entscheidung betrifft ausschließlich das Widerrufsrecht. Ihre gesetzlichen Gewährleistungsrechte nach { $jurisdiction ->
        [FR] Artikel L217-3 ff. des französischen Verbrauchergesetzbuchs (Code de la consommation)
        [IT] Artikel 128 ff. des italienischen Verbrauchergesetzbuchs (Codice del consumo)
        [ES] Artikel 114 ff. des spanischen Verbraucherschutzgesetzes (TRLGDCU)
       *[DE] §§ 434 ff. BGB
    } bleiben davon unberührt; sie erfassen Mängel, die sich innerhalb von { $jurisdiction ->
        [ES] drei Jahren
        [FR] zwei Jahren
        [IT] zwei Jahren
       *[DE] zwei Jahren
    } nach der Lieferung zeigen. Sollte sich ein Mangel zeigen, teilen Sie uns dies bitte mit; wir prüfen ihn dann im Rahmen der Gewährleistung.

# Gedruckt, wenn sich die Ablehnung auf bereits bereitgestellte digitale
# Inhalte stützt: für sie gelten eigene Gewährleistungsvorschriften.
# $jurisdiction: FR, IT, DE oder ES.
digital-guarantee-reminder =
    Diese Entscheidung betrifft ausschließlich das Widerrufsrecht. Ihre gesetzlichen Gewährleistungsrechte für digitale Inhalte nach { $jurisdiction ->
        [FR] Artikel L224-25-12 ff. des französischen Verbrauchergesetzbuchs (Code de la consommation)
        [IT] Artikel 135-octies ff. des italienischen Verbrauchergesetzbuchs (Codice del consumo)
        [ES] Artikel 114 ff. des spanischen Verbraucherschutzgesetzes (TRLGDCU)
       *[DE] §§ 327d ff. BGB
    } bleiben davon unberührt. Sollten die Inhalte nicht wie vereinbart funktionieren, teilen Sie uns dies bitte mit; wir beheben den Mangel dann im Rahmen dieser Gewährleistung.

# $enclosures-count: wie viele Unterlagen beiliegen (unter der Unterschrift
# aufgeführt).
enclosures-note =
    { $enclosures-count ->
        [one] Zu Ihrer Information fügen wir das betreffende Dokument bei.
       *[other] Zu Ihrer Information fügen wir die betreffenden Unterlagen bei.
    }

# Ein Entgegenkommen aus Kulanz, obwohl niemanden ein Verschulden trifft; nie
# als Ersatz für eine Erstattung darstellen. $concession-kind: voucher
# (Gutschein), discount (Rabatt) oder free-repair (kostenlose Reparatur).
# $concession-amount (Geldbetrag): Wert des Gutscheins. $concession-percent
# (Zahl): der Rabatt, gefolgt von geschütztem Leerzeichen und „%“.
# $concession-valid-until (Datum): letzter Tag der Gültigkeit.
concession =
    { $concession-kind ->
        [voucher] Aus Kulanz bieten wir Ihnen gern einen Gutschein über { $concession-amount } an, gültig bis zum { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] Aus Kulanz gewähren wir Ihnen gern einen Rabatt von { $concession-percent } % auf Ihre nächste Bestellung, gültig bis zum { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] Aus Kulanz bieten wir Ihnen gern an, die Ware kostenlos zu reparieren; bitte setzen Sie sich mit uns in Verbindung, um einen passenden Termin zu vereinbaren.
    } Dieses Angebot machen wir Ihnen nicht, weil jemandem ein Versäumnis vorzuwerfen wäre, sondern weil wir Ihr Vertrauen sehr schätzen.

# Wie man uns erreicht: $sender-email, $sender-phone.
discuss =
    Wenn Sie darüber sprechen möchten, stehen wir Ihnen gern zur Verfügung: per E-Mail an { $sender-email } oder telefonisch unter { $sender-phone }.

thanks-again =
    Wir danken Ihnen nochmals für Ihr Vertrauen und würden uns freuen, Sie bald wieder bei uns begrüßen zu dürfen.

## Anlagen: die kurze Bezeichnung jedes Dokuments, unter der Unterschrift
## nach label-enclosures aufgeführt.

enclosure-invoice = Rechnungskopie
enclosure-delivery-proof = Liefernachweis
enclosure-terms-of-sale = Allgemeine Geschäftsbedingungen
# Nachweis der ausdrücklichen Zustimmung (digitale Inhalte, Dienstleistungen).
enclosure-consent-record = Nachweis Ihrer ausdrücklichen Zustimmung
enclosure-inspection-report = Prüfbericht zur zurückgesandten Ware
