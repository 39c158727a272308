### delivery-delay: a letter that tells a customer their order will arrive
### later than promised, gives the new date and its cause, apologises, sets
### out the customer's options and may offer a goodwill gesture. English is
### the source locale.
###
### Tone: plain, courteous British business English. The company writes as
### "we". State the delay and the new date early; give the cause as a fact,
### never as an excuse, and never blame the supplier, the carrier or the
### customer. Never make the gesture depend on the customer giving up the
### right to cancel.
###
### Values: dates are written { DATETIME($x, dateStyle: "long") }; amounts of
### money are written as the bare variable ({ $order-amount }), which the
### compiler formats for the locale. A case field `a.b` is the variable `$a-b`.

## Letter frame: every pack defines these messages.

# $place (text): the town the letter is written from.
# $date (date): the date of the letter.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# The subject text only; the layout prints label-subject in front of it.
# $order-number: the order number.
subject = Delay in the delivery of your order no. { $order-number }

label-subject = Subject:
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
## thanks → delay → cause → apology → options → gesture → discuss →
## thanks-again.

# Opening: thank the customer, by name, for the order.
# $recipient-salutation, $recipient-surname, $recipient-name: as in the
# salutation. $order-number (text), $order-date (date): when it was placed.
# $order-item reads in a sentence with its article ("a solid oak dining
# table").
thanks =
    Thank you, { $recipient-salutation ->
        [madame] Ms { $recipient-surname }
        [monsieur] Mr { $recipient-surname }
       *[neutral] { $recipient-name }
    }, for your order no. { $order-number } for { $order-item }, placed with us on { DATETIME($order-date, dateStyle: "long") }.

# The news, early and plainly. $order-promised-date (date): the delivery date
# we promised. $delay-new-date (date): the new expected date. $delay-days
# (number, worked out from the two dates, 1 or more): the days between them.
delay =
    We are sorry to have to tell you that your order will not be delivered on the date we promised, { DATETIME($order-promised-date, dateStyle: "long") }. We now expect to deliver it on { DATETIME($delay-new-date, dateStyle: "long") }, { $delay-days ->
        [one] one day
       *[other] { $delay-days } days
    } later than planned.

# The cause, as a fact and in one or two sentences. $delay-cause:
# supplier-delay (our supplier delivered late to us), carrier-incident (an
# incident at the carrier), high-demand (more orders than our stock) or
# weather (transport disrupted by the weather). Never shift the blame: the
# apology that follows takes responsibility.
cause =
    { $delay-cause ->
        [supplier-delay] The delay is due to a supply problem: our supplier has not delivered on time the goods we need to prepare your order.
        [carrier-incident] The delay is due to an incident at the carrier in charge of your delivery, which has held up the shipment of your order.
        [high-demand] The delay is due to exceptionally high demand for this item in recent weeks: we received far more orders than we had anticipated, and our stock ran out before your order could be prepared. We will fulfil it from our next delivery of stock.
       *[weather] The delay is due to severe weather, which has disrupted transport in recent days and held up the shipment of your order.
    }

# The apology, with no excuse and no "but".
apology =
    We gave you a delivery date and have not kept to it. We sincerely apologise for this delay and for any inconvenience it may cause you.

# The customer's options: cancel with a full refund, or wait. $order-amount
# (money): the total paid, delivery included. Do not cite articles of law.
options =
    If the new date does not suit you, you may cancel your order: simply let us know, and we will refund the full amount you paid, { $order-amount }, within 14 days of your cancellation. If you are happy to wait, there is nothing you need to do; we will keep you informed of your order’s progress.

# A goodwill gesture; never make it a condition of giving up the right to
# cancel. $gesture-kind: shipping-refund, discount or voucher.
# $gesture-amount (money): the delivery charge refunded, or the voucher's
# value. $gesture-percent (number): the discount, printed followed by "%".
# $gesture-valid-until (date): the last day the discount or voucher can be
# used. A cancellation refunds the delivery charge anyway, hence the wording
# of shipping-refund.
gesture =
    { $gesture-kind ->
        [shipping-refund] As a token of our apology, we will refund the { $gesture-amount } delivery charge you paid if you decide to keep your order; should you cancel it, that charge is of course included in the full refund.
        [discount] Whatever you decide, we would like to offer you, as a token of our apology, a discount of { $gesture-percent }% on your next order, valid until { DATETIME($gesture-valid-until, dateStyle: "long") }.
       *[voucher] Whatever you decide, we would like to offer you, as a token of our apology, a voucher for { $gesture-amount }, valid until { DATETIME($gesture-valid-until, dateStyle: "long") }.
    }

# How to reach us. $sender-email, $sender-phone: the company's contact details.
discuss =
    Should you have any questions, or wish to let us know your decision, please do not hesitate to contact us by email at { $sender-email } or by telephone on { $sender-phone }.

thanks-again =
    Thank you for your patience and understanding, and for the trust you have placed in us.

## Enclosures: the short label of each document, listed under the signature
## after label-enclosures.

enclosure-order-confirmation = Copy of your order confirmation
enclosure-terms-of-sale = Terms and conditions of sale
# Only with a voucher gesture.
enclosure-voucher = Your voucher
