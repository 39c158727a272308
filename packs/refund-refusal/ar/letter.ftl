### refund-refusal: رسالة اعتذار عن عدم الاستجابة لطلب استرداد المبلغ، لسبب
### قانوني، بأسلوب مهذب وموضوعي، مع بادرة حسن نية واستعداد للحوار.
###
### Register: formal Modern Standard Arabic business letter. The company
### writes as "we" (نحن) and addresses the customer in the plural of respect
### (أنتم: طلبكم، لكم، تفضلوا), whatever the customer's gender. Never blame the
### customer, never suggest they changed their mind, never present the
### goodwill gesture as a substitute for a refund.
###
### Punctuation: Arabic comma ، semicolon ؛ question mark ؟. No Unicode bidi
### control characters here: the compiler isolates every placeable. Latin
### text (order numbers, e-mail addresses, amounts, article numbers) comes
### from variables. Never glue a prefix (بـ، لـ، كـ، الـ) to a variable: put
### variables after a whole word (بتاريخ، رقم، وهو، شراء).
###
### Values: dates { DATETIME($x, dateStyle: "long") }; amounts of money as
### the bare variable ({ $order-amount }). $order-item is the goods or service
### as a noun phrase that reads after «وهو» or «شراء», e.g. «مصباح مكتب من
### النحاس»; it stands in the nominative or genitive only (no visible case
### ending is needed).

## Letter frame: every pack defines these messages.

# $place: the town the letter is written from; $date: the letter's date.
date-line = { $place }، في { DATETIME($date, dateStyle: "long") }

# The subject text only; the layout prints label-subject in front of it.
subject = طلبكم استرداد المبلغ المدفوع – الطلبية رقم { $order-number }

label-subject = الموضوع:
# Printed before the customer's own reference, when the case gives one.
label-your-ref = مرجعكم:
# Printed before our reference (the order number).
label-our-ref = مرجعنا:
label-enclosures = المرفقات:
# Printed as "صفحة 1/2" on letters longer than one page.
label-page = صفحة

# $recipient-salutation: madame, monsieur or neutral (gender unknown).
# $recipient-surname: the name the customer is addressed by. Arabic letters
# name the person in full, so an Arabic case should leave recipient.surname
# unset: it then defaults to the full name. The greeting «تحية طيبة وبعد،»
# belongs to the salutation.
salutation =
    { $recipient-salutation ->
        [madame] السيدة الفاضلة { $recipient-surname }، تحية طيبة وبعد،
        [monsieur] السيد الفاضل { $recipient-surname }، تحية طيبة وبعد،
       *[neutral] حضرة العميل الكريم، تحية طيبة وبعد،
    }

# The closing, in the plural of respect; the same for every salutation.
closing =
    { $recipient-salutation ->
        [madame] وتفضلوا بقبول فائق الاحترام والتقدير،
        [monsieur] وتفضلوا بقبول فائق الاحترام والتقدير،
       *[neutral] وتفضلوا بقبول فائق الاحترام والتقدير،
    }

## Body, in the order of pack.toml's sections:
## thanks → decision → reason(s) → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Thanks for the order and for writing; the salutation already names the
# customer. $order-number: the order number (Latin); $order-date: when it was
# placed; $order-item: what was bought (after «شراء», genitive);
# $request-date: when the refund request was sent.
# lint-ignore: variable-dropped $recipient-salutation $recipient-surname $recipient-name -- the salutation names the customer
thanks =
    نشكركم على طلبيتكم رقم { $order-number } المؤرخة في { DATETIME($order-date, dateStyle: "long") } والمتعلقة بشراء { $order-item }، كما نشكركم على تفضلكم بمراسلتنا بشأنها بتاريخ { DATETIME($request-date, dateStyle: "long") }.

# The decision, early and plainly. $order-amount: the amount paid (money).
# $reasons-count: how many reason paragraphs follow (1 to 9): one (السبب),
# two (السببين), otherwise the plural (الأسباب).
# lint-ignore: plural-missing -- no numeral is printed: from three reasons up Arabic uses the plural, and there is always at least one reason
decision =
    لقد درسنا طلبكم بعناية، ويؤسفنا أن نعلمكم بأنه يتعذر علينا رد المبلغ المدفوع لهذه الطلبية وقدره { $order-amount }، { $reasons-count ->
        [one] للسبب المبيَّن أدناه.
        [two] للسببين المبيَّنين أدناه.
       *[other] للأسباب المبيَّنة أدناه.
    }

## Reasons: one paragraph each, printed once per reason code of the case.
## { legal-citation } cites the legal basis; it receives $legal-article (from
## pack.toml) and $jurisdiction (FR, IT, DE or ES) and starts with «المادة»:
## use it after a whole word («بموجب»، «في»، «بالمعنى المقصود في»), never
## after a prefix such as «لـ». State facts neutrally; never blame the
## customer.

# $order-delivery-date: when the goods were delivered; the fourteen days run
# from delivery and what counts is when the request was SENT ($request-date).
# $request-days-after-delivery (number, derived): whole days from delivery to
# the request. Arabic plural categories: zero (same day), one (يوم واحد, no
# numeral), two (يومين, no numeral), few: 3–10 (أيام, plural), many: 11–99
# (يومًا, singular accusative), other: 100 and above (يوم, singular genitive).
reason-withdrawal-period-expired =
    بموجب { legal-citation }، يجوز ممارسة حق العدول خلال أربعة عشر يومًا من تاريخ تسلُّم السلعة. وقد سُلِّمت إليكم طلبيتكم، كما هو متفق عليه، بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }. والعبرة في احترام هذه المهلة بتاريخ إرسال الطلب لا بتاريخ وصوله إلينا: وقد أُرسل طلبكم بتاريخ { DATETIME($request-date, dateStyle: "long") }، { $request-days-after-delivery ->
        [zero] أي في يوم التسليم نفسه
        [one] أي بعد يوم واحد من التسليم
        [two] أي بعد يومين من التسليم
        [few] أي بعد { $request-days-after-delivery } أيام من التسليم
        [many] أي بعد { $request-days-after-delivery } يومًا من التسليم
       *[other] أي بعد { $request-days-after-delivery } يوم من التسليم
    }، وكانت هذه المهلة قد انقضت حينئذٍ. ولذلك لم يعد حق العدول ساريًا على هذه الطلبية.

# The statutory right of withdrawal covers distance and off-premises
# contracts only, not purchases made in a shop. $order-date: the purchase.
reason-in-store-purchase =
    لقد أجريتم عملية الشراء هذه بأنفسكم في متجرنا بتاريخ { DATETIME($order-date, dateStyle: "long") }. ويسري حق العدول المنصوص عليه في { legal-citation } على العقود المبرمة عن بُعد أو خارج المحلات التجارية، ولا يشمل المشتريات التي تتم داخل المتجر؛ ومن ثم فإنه لا ينطبق على عملية الشراء هذه.

# $order-delivery-date: when the goods were delivered.
reason-custom-made =
    المنتج الذي طلبتموه، وهو { $order-item }، صُنع وفق المواصفات التي حددتموها، وسُلِّم إليكم في الموعد المتفق عليه بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }. وبموجب { legal-citation }، لا يسري حق العدول على السلع المصنوعة وفق مواصفات المستهلك أو المخصَّصة له بشكل واضح.

# Sealed goods that cannot be returned for health or hygiene reasons once
# unsealed. Passive, neutral wording. $order-delivery-date: delivery.
reason-sealed-hygiene-opened =
    المنتج الذي طلبتموه، وهو { $order-item }، سُلِّم إليكم بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") } وختمه الواقي سليم. ولأسباب تتعلق بحماية الصحة والنظافة، لا يمكن استرجاع منتج من هذا النوع بعد فتح ختمه، وقد فُتح ختمه بعد التسليم. وبموجب { legal-citation }، لا يسري حق العدول في هذه الحالة.

# $order-consent-date: when the customer expressly agreed that the supply
# could begin before the end of the withdrawal period, acknowledging the loss
# of the right. $order-delivery-date: when the supply began.
reason-digital-content-started =
    بتاريخ { DATETIME($order-consent-date, dateStyle: "long") }، وافقتم صراحةً على أن يبدأ تزويدكم بالمحتوى الرقمي الذي طلبتموه، وهو { $order-item }، قبل انقضاء مهلة العدول، وأقررتم بأنكم ستفقدون بذلك حقكم في العدول. وقد بدأ التزويد، كما هو متفق عليه، بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }. وبموجب { legal-citation }، لم يعد حق العدول ساريًا.

# $order-consent-date: when the customer asked for the service to begin before
# the end of the withdrawal period. $order-delivery-date: when the service was
# fully performed. $order-item is a service here (وهي: الخدمة is feminine).
reason-service-fully-performed =
    بتاريخ { DATETIME($order-consent-date, dateStyle: "long") }، طلبتم منا صراحةً البدء في تقديم الخدمة التي طلبتموها، وهي { $order-item }، قبل انقضاء مهلة العدول، وأقررتم بأنكم ستفقدون حقكم في العدول بمجرد تنفيذنا لها تنفيذًا كاملًا. وقد نفذنا الخدمة تنفيذًا كاملًا، كما هو متفق عليه، بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }. وبموجب { legal-citation }، لا يسري حق العدول على خدمة نُفِّذت بالكامل في هذه الظروف.

# $inspection-date: when we inspected the returned item. Never ask the
# customer to prove anything: the finding is ours.
reason-no-defect-found =
    بتاريخ { DATETIME($inspection-date, dateStyle: "long") }، فحصنا بعناية المنتج الذي أعدتموه إلينا، وهو { $order-item }. وقد تبيَّن من الفحص أنه مطابق للعقد بالمعنى المقصود في { legal-citation }، إذ يتمتع بالصفات والخصائص المتفق عليها، ويصلح للأغراض التي تُستعمل فيها عادةً السلع من النوع نفسه. ولم نرصد أي عيب في المطابقة.

# The inspection report must be among the case's enclosures.
# $inspection-date: the inspection; $order-delivery-date: the delivery.
reason-damage-after-delivery =
    بتاريخ { DATETIME($inspection-date, dateStyle: "long") }، فحصنا بعناية المنتج الذي أعدتموه إلينا، وهو { $order-item }. وقد كشف الفحص عن أضرار حدثت بعد تسليمه بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }، لا عن عيب في المطابقة كان قائمًا وقت التسليم؛ وتجدون تقرير الفحص مرفقًا بهذه الرسالة. وبموجب { legal-citation }، يغطي الضمان القانوني للمطابقة العيوب القائمة وقت تسليم السلعة، ومن ثم فهو لا يشمل هذه الأضرار.

# The defect appeared after the legal guarantee period: two years from
# delivery in FR, IT and DE (سنتين), three years for goods in ES (ثلاث
# سنوات, since 2022). $request-date: when the customer reported it.
# $jurisdiction: FR, IT, DE or ES.
reason-guarantee-expired =
    المنتج المعني، وهو { $order-item }، سُلِّم إليكم بتاريخ { DATETIME($order-delivery-date, dateStyle: "long") }. وقد ظهر العيب الذي أبلغتمونا به بتاريخ { DATETIME($request-date, dateStyle: "long") } بعد مرور أكثر من { $jurisdiction ->
        [ES] ثلاث سنوات
        [IT] سنتين
        [DE] سنتين
       *[FR] سنتين
    } على ذلك التاريخ. وبموجب { legal-citation }، يغطي الضمان القانوني للمطابقة العيوب التي تظهر خلال { $jurisdiction ->
        [ES] ثلاث سنوات
        [IT] سنتين
        [DE] سنتين
       *[FR] سنتين
    } من التسليم؛ ولذلك يتعذر علينا معالجة هذا العيب في إطار هذا الضمان.

# Used inside the reasons, after «بموجب», «في» or «بالمعنى المقصود في».
# $legal-article: the article, e.g. "L221-28, 3°" (FR), "59, comma 1,
# lettera c)" (IT), "312g Abs. 2 Nr. 1" (DE, a section of the BGB) or
# "103, letra c)" (ES). $jurisdiction: FR, IT, DE or ES. The laws are named
# in Arabic only; the article number is the only Latin text.
legal-citation =
    { $jurisdiction ->
        [IT] المادة { $legal-article } من قانون الاستهلاك الإيطالي
        [DE] المادة { $legal-article } من القانون المدني الألماني
        [ES] المادة { $legal-article } من القانون العام الإسباني لحماية المستهلكين والمستخدمين
       *[FR] المادة { $legal-article } من قانون الاستهلاك الفرنسي
    }

## After the reasons.

# Printed when a reason concerns the right of withdrawal: the legal guarantee
# of conformity is a separate right and still applies. $jurisdiction: FR,
# IT, DE or ES (three years for goods in ES, two elsewhere). The article
# numbers below are legal identifiers, kept as each country writes them.
guarantee-reminder =
    يقتصر هذا القرار على حق العدول وحده، ولا يمس بأي حال الضمان القانوني للمطابقة، الذي يغطي أي عيب في المطابقة يظهر خلال { $jurisdiction ->
        [ES] ثلاث سنوات
        [IT] سنتين
        [DE] سنتين
       *[FR] سنتين
    } من التسليم، وذلك بموجب { $jurisdiction ->
        [IT] المواد 128 وما يليها من قانون الاستهلاك الإيطالي
        [DE] المواد 434 وما يليها من القانون المدني الألماني
        [ES] المواد 114 وما يليها من القانون العام الإسباني لحماية المستهلكين والمستخدمين
       *[FR] المواد L217-3 وما يليها من قانون الاستهلاك الفرنسي
    }. وإذا ظهر أي عيب في المطابقة، فنرجو إبلاغنا به، وسندرسه في إطار هذا الضمان.

# Printed when the refusal rests on digital content already supplied: its
# legal guarantee of conformity has its own articles. $jurisdiction: FR, IT,
# DE or ES.
digital-guarantee-reminder =
    يقتصر هذا القرار على حق العدول وحده، ولا يمس بأي حال الضمان القانوني لمطابقة المحتوى الرقمي، المنصوص عليه في { $jurisdiction ->
        [IT] المواد 135-octies وما يليها من قانون الاستهلاك الإيطالي
        [DE] المواد 327d وما يليها من القانون المدني الألماني
        [ES] المواد 114 وما يليها من القانون العام الإسباني لحماية المستهلكين والمستخدمين
       *[FR] المواد L224-25-12 وما يليها من قانون الاستهلاك الفرنسي
    }. وإذا لم يعمل المحتوى على النحو المتفق عليه، فنرجو إبلاغنا بذلك، وسنعالج الأمر في إطار هذا الضمان.

# $enclosures-count: how many documents are enclosed (1 to 5, listed under the
# signature). one: المستند (no numeral); two: المستندين (dual, no numeral);
# few: 3–10 (مستندات); many: 11–99 (مستندًا); other: 100 and above (مستند);
# zero cannot occur (the paragraph is printed only with enclosures).
enclosures-note =
    { $enclosures-count ->
        [zero] لا نرفق بهذه الرسالة أي مستند.
        [one] ونرفق طيَّه، للاطلاع، المستند المتعلق بطلبيتكم.
        [two] ونرفق طيَّه، للاطلاع، المستندين المتعلقين بطلبيتكم.
        [few] ونرفق طيَّه، للاطلاع، { $enclosures-count } مستندات تتعلق بطلبيتكم.
        [many] ونرفق طيَّه، للاطلاع، { $enclosures-count } مستندًا تتعلق بطلبيتكم.
       *[other] ونرفق طيَّه، للاطلاع، { $enclosures-count } مستند تتعلق بطلبيتكم.
    }

# A goodwill gesture, offered although nobody is at fault. Never present it as
# a replacement for a refund. $concession-kind: voucher, discount or
# free-repair. $concession-amount (money): the voucher's value.
# $concession-percent (number): the discount, followed by the Arabic percent
# sign ٪. $concession-valid-until (date): the last day the gesture can be used.
concession =
    كبادرة حسن نية منا، { $concession-kind ->
        [voucher] يسرنا أن نقدم لكم قسيمة شراء بقيمة { $concession-amount }، صالحة حتى { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] يسرنا أن نمنحكم خصمًا بنسبة { $concession-percent }٪ على طلبيتكم القادمة، صالحًا حتى { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] يسرنا أن نصلح المنتج مجانًا؛ ونرجو منكم التواصل معنا لتحديد الموعد الذي يناسبكم.
    } ولا يعني هذا العرض أن أي طرف قد ارتكب خطأً، وإنما هو تعبير عن تقديرنا لكم ولثقتكم بنا.

# How to reach us. $sender-email, $sender-phone: the company's contact
# details (Latin script).
discuss =
    وإذا رغبتم في مناقشة هذا الأمر، فلا تترددوا في التواصل معنا عبر البريد الإلكتروني على العنوان { $sender-email } أو هاتفيًا على الرقم { $sender-phone }.

thanks-again =
    ونشكركم مجددًا على الثقة التي أوليتمونا إياها، ونأمل أن نتشرف بخدمتكم مرة أخرى.

## Enclosures: the short label of each document, listed under the signature
## after label-enclosures.

enclosure-invoice = نسخة من الفاتورة
enclosure-delivery-proof = إثبات التسليم
enclosure-terms-of-sale = الشروط العامة للبيع
# The record of the customer's express consent (digital content, services).
enclosure-consent-record = إثبات موافقتكم الصريحة
enclosure-inspection-report = تقرير فحص المنتج المُعاد
