### refund-refusal: a letter that declines a customer's refund request on a
### lawful ground, politely and factually, offers a goodwill gesture and stays
### open to discussion. English is the source locale.
###
### Tone: plain, courteous British business English. The company writes as
### "we". Never blame the customer, never suggest they changed their mind,
### never present the goodwill gesture as a substitute for a refund.
###
### Values: dates are written { DATETIME($x, dateStyle: "long") }; amounts of
### money are written as the bare variable ({ $order-amount }), which the
### compiler formats for the locale. A case field `a.b` is the variable `$a-b`.

## Letter frame: every pack defines these messages.

# $place (text): the town the letter is written from.
# $date (date): the date of the letter.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# The subject text only; the layout prints label-subject in front of it.
subject = Your refund request – order no. { $order-number }

label-subject = Subject:
# Printed before the customer's own reference, when the case gives one.
label-your-ref = Your ref.:
# Printed before our reference (the order number).
label-our-ref = Our ref.:
label-enclosures = Enclosures:
# Printed as "Page 1/2" on letters longer than one page.
label-page = Page

# $recipient-salutation: madame, monsieur or neutral (gender unknown, or a
# generic greeting is wanted). $recipient-surname: the recipient's surname
# (the full name when the case gives no surname).
salutation =
    { $recipient-salutation ->
        [madame] Dear Ms { $recipient-surname },
        [monsieur] Dear Mr { $recipient-surname },
       *[neutral] Dear Sir or Madam,
    }

# Must agree with the salutation: "Yours sincerely" when the letter opens with
# the recipient's name, "Yours faithfully" after "Dear Sir or Madam".
closing =
    { $recipient-salutation ->
        [madame] Yours sincerely,
        [monsieur] Yours sincerely,
       *[neutral] Yours faithfully,
    }

## Body, in the order of pack.toml's sections:
## thanks → decision → reason(s) → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Opening: thank the customer, by name, for the order and for writing to us.
# $order-item reads in a sentence with its article ("a made-to-measure oak
# bookcase"). $request-date: when the customer sent the refund request.
thanks =
    Thank you, { $recipient-salutation ->
        [madame] Ms { $recipient-surname }
        [monsieur] Mr { $recipient-surname }
       *[neutral] { $recipient-name }
    }, for your order no. { $order-number }, placed with us on { DATETIME($order-date, dateStyle: "long") } for { $order-item }, and for taking the time to write to us about it on { DATETIME($request-date, dateStyle: "long") }.

# The decision, early and plainly. $order-amount: the amount paid (money).
# $reasons-count: how many reason paragraphs follow (1 or more).
decision =
    We have considered your request carefully and regret that we are unable to refund the { $order-amount } paid for this order, for the { $reasons-count ->
        [one] reason
       *[other] reasons
    } set out below.

## Reasons: one paragraph each, printed once per reason code of the case.
## Each cites its legal basis through { legal-citation }, which receives
## $legal-article (from pack.toml) and $jurisdiction (FR, IT, DE or ES).
## State facts neutrally; never blame the customer.

# $order-delivery-date: when the goods were delivered. The 14-day period runs
# from delivery; a request is in time if it is SENT within the period.
# $request-date: when the request was sent.
# $request-days-after-delivery (number, derived): whole days from delivery to
# the request; plural categories one and other.
reason-withdrawal-period-expired =
    Under { legal-citation }, the right of withdrawal may be exercised within fourteen days of the day on which the goods are delivered. Your order was delivered on { DATETIME($order-delivery-date, dateStyle: "long") }, as agreed. What counts is the date on which a request is sent, not the date on which we receive it: yours was sent on { DATETIME($request-date, dateStyle: "long") }, { $request-days-after-delivery ->
        [one] { $request-days-after-delivery } day
       *[other] { $request-days-after-delivery } days
    } after delivery, when this period had already ended. The right of withdrawal therefore no longer applies to this order.

# The statutory right of withdrawal covers distance and off-premises
# contracts only, not purchases made in a shop.
reason-in-store-purchase =
    You made this purchase in person, in our shop, on { DATETIME($order-date, dateStyle: "long") }. The statutory right of withdrawal under { legal-citation } applies to contracts concluded at a distance or away from business premises; it does not extend to purchases made in a shop, and therefore does not apply to this one.

reason-custom-made =
    The item you ordered, { $order-item }, was made to your specifications and delivered on time, as agreed, on { DATETIME($order-delivery-date, dateStyle: "long") }. Under { legal-citation }, the right of withdrawal does not apply to goods made to the customer’s specifications or clearly personalised.

# Sealed goods that cannot be returned for health or hygiene reasons once
# unsealed (cosmetics, earphones, underwear…). Passive, neutral wording.
reason-sealed-hygiene-opened =
    The item you ordered, { $order-item }, was delivered on { DATETIME($order-delivery-date, dateStyle: "long") } with its protective seal intact. For reasons of health protection and hygiene, an item of this kind cannot be taken back once unsealed, and its seal was opened after delivery. Under { legal-citation }, the right of withdrawal does not apply in this case.

# $order-consent-date: when the customer expressly agreed that the supply
# could begin before the end of the withdrawal period, acknowledging the loss
# of the right. $order-delivery-date: when the supply began.
reason-digital-content-started =
    On { DATETIME($order-consent-date, dateStyle: "long") }, you expressly agreed that the supply of the digital content you ordered, { $order-item }, could begin before the end of the withdrawal period, and acknowledged that you would then lose your right of withdrawal. The supply began, as agreed, on { DATETIME($order-delivery-date, dateStyle: "long") }. Under { legal-citation }, the right of withdrawal therefore no longer applies.

# $order-consent-date: when the customer asked for the service to begin before
# the end of the withdrawal period. $order-delivery-date: when the service was
# fully performed.
reason-service-fully-performed =
    On { DATETIME($order-consent-date, dateStyle: "long") }, you expressly asked us to begin the service you ordered, { $order-item }, before the end of the withdrawal period, and acknowledged that you would lose your right of withdrawal once we had performed it in full. We performed the service in full, as agreed, on { DATETIME($order-delivery-date, dateStyle: "long") }. Under { legal-citation }, the right of withdrawal does not apply to a service fully performed in these circumstances.

# $inspection-date: when we inspected the returned item. Never ask the
# customer to prove anything: the finding is ours.
reason-no-defect-found =
    On { DATETIME($inspection-date, dateStyle: "long") }, we carefully inspected the item you returned to us, { $order-item }. The inspection found that it conforms to the contract within the meaning of { legal-citation }: it has the qualities and characteristics agreed and is fit for the purposes for which such goods are normally used. No lack of conformity was found.

# The inspection report must be among the case's enclosures.
reason-damage-after-delivery =
    On { DATETIME($inspection-date, dateStyle: "long") }, we carefully inspected the item you returned to us, { $order-item }. The inspection found damage that arose after its delivery on { DATETIME($order-delivery-date, dateStyle: "long") }, rather than a lack of conformity existing at the time of delivery; the inspection report is enclosed. Under { legal-citation }, the legal guarantee of conformity covers a lack of conformity that exists when the goods are delivered, and so does not extend to this damage.

# The defect appeared after the legal guarantee period: two years from
# delivery in FR, IT and DE, three years for goods in ES (since 2022).
# $request-date: when the customer reported it. $jurisdiction: FR, IT, DE or ES.
reason-guarantee-expired =
    The item concerned, { $order-item }, was delivered to you on { DATETIME($order-delivery-date, dateStyle: "long") }. The defect you reported to us on { DATETIME($request-date, dateStyle: "long") } appeared more than { $jurisdiction ->
        [ES] three years
        [DE] two years
        [IT] two years
       *[FR] two years
    } after that date. Under { legal-citation }, the legal guarantee of conformity covers defects that appear within { $jurisdiction ->
        [ES] three years
        [DE] two years
        [IT] two years
       *[FR] two years
    } of delivery; we are therefore unable to deal with this defect under that guarantee.

# Used inside the reasons, after "Under", "of" or "within the meaning of".
# $legal-article: the article, e.g. "L221-28, 3°" (FR),
# "59, comma 1, lettera c)" (IT), "312g Abs. 2 Nr. 1" (DE, a section of the
# BGB, written with §) or "103, letra c)" (ES). $jurisdiction: FR, IT, DE or
# ES, whose law the article belongs to.
legal-citation =
    { $jurisdiction ->
        [IT] Article { $legal-article } of the Italian Consumer Code (Codice del consumo)
        [DE] § { $legal-article } of the German Civil Code (BGB)
        [ES] Article { $legal-article } of the Spanish General Law for the Defence of Consumers and Users (TRLGDCU)
       *[FR] Article { $legal-article } of the French Consumer Code (Code de la consommation)
    }

## After the reasons.

# Printed when a reason concerns the right of withdrawal: the legal guarantee
# of conformity is a separate right and still applies. $jurisdiction: FR, IT,
# DE or ES; the guarantee lasts three years for goods in ES, two elsewhere.
guarantee-reminder =
    This decision concerns the right of withdrawal only. It does not affect the legal guarantee of conformity, which covers any lack of conformity that appears within { $jurisdiction ->
        [ES] three years
        [DE] two years
        [IT] two years
       *[FR] two years
    } of delivery, under { $jurisdiction ->
        [IT] Articles 128 and following of the Italian Consumer Code (Codice del consumo)
        [DE] §§ 434 and following of the German Civil Code (BGB)
        [ES] Articles 114 and following of the Spanish General Law for the Defence of Consumers and Users (TRLGDCU)
       *[FR] Articles L217-3 and following of the French Consumer Code (Code de la consommation)
    }. Should a lack of conformity appear, please let us know and we will examine it under that guarantee.

# Printed when the refusal rests on digital content already supplied: its
# legal guarantee of conformity has its own articles. $jurisdiction: FR, IT,
# DE or ES.
digital-guarantee-reminder =
    This decision concerns the right of withdrawal only. It does not affect the legal guarantee of conformity of digital content, under { $jurisdiction ->
        [IT] Articles 135-octies and following of the Italian Consumer Code (Codice del consumo)
        [DE] §§ 327d and following of the German Civil Code (BGB)
        [ES] Articles 114 and following of the Spanish General Law for the Defence of Consumers and Users (TRLGDCU)
       *[FR] Articles L224-25-12 and following of the French Consumer Code (Code de la consommation)
    }. Should the content not work as agreed, please let us know and we will put it right under that guarantee.

# $enclosures-count: how many documents are enclosed (listed under the
# signature).
enclosures-note =
    { $enclosures-count ->
        [one] For your reference, we enclose the relevant document.
       *[other] For your reference, we enclose the relevant documents.
    }

# A goodwill gesture, offered although nobody is at fault. Never present it as
# a replacement for a refund. $concession-kind: voucher, discount or
# free-repair. $concession-amount (money): the voucher's value.
# $concession-percent (number): the discount, printed followed by "%".
# $concession-valid-until (date): the last day the gesture can be used.
concession =
    As a goodwill gesture, { $concession-kind ->
        [voucher] we are pleased to offer you a voucher for { $concession-amount }, valid until { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] we are pleased to offer you a discount of { $concession-percent }% on your next order, valid until { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] we would be pleased to repair the item free of charge; please contact us to arrange a convenient time.
    } We make this offer not because anyone is at fault, but because we value you as a customer.

# How to reach us. $sender-email, $sender-phone: the company's contact details.
discuss =
    Should you wish to discuss this further, please do not hesitate to contact us by email at { $sender-email } or by telephone on { $sender-phone }.

thanks-again =
    Thank you once again for the trust you have placed in us. We hope to have the pleasure of serving you again.

## Enclosures: the short label of each document, listed under the signature
## after label-enclosures.

enclosure-invoice = Copy of the invoice
enclosure-delivery-proof = Proof of delivery
enclosure-terms-of-sale = Terms and conditions of sale
# The record of the customer's express consent (digital content, services).
enclosure-consent-record = Record of your express consent
enclosure-inspection-report = Inspection report
