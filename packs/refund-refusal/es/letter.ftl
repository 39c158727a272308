### refund-refusal: carta de denegación de una solicitud de reembolso por un
### motivo legal, cortés y objetiva, con un gesto de buena voluntad y la
### disposición a dialogar.
###
### Registro: correspondencia comercial formal de España. La empresa escribe
### en primera persona del plural y trata al cliente de usted. No culpar nunca
### al cliente, no insinuar que ha cambiado de opinión y no presentar nunca el
### gesto de buena voluntad como sustituto del reembolso.
###
### Valores: fechas con { DATETIME($x, dateStyle: "long") } («23 de noviembre
### de 2026»), precedidas de «el»; importes con la variable sola
### ({ $order-amount }), que el compilador formatea («1234,56 €»). Entre la
### cifra y % va un espacio de no separación (U+00A0), como recomienda la RAE.
### $order-item se lee dentro de una frase, con su artículo («un armario de
### roble hecho a medida»).

## Marco de la carta: mensajes comunes a todos los packs.

# $place: la ciudad desde la que se escribe; $date: la fecha de la carta.
date-line = { $place }, { DATETIME($date, dateStyle: "long") }

# Solo el texto del asunto; la maquetación antepone label-subject.
subject = Su solicitud de reembolso – pedido n.º { $order-number }

label-subject = Asunto:
# Delante de la referencia del propio cliente, si el caso la indica.
label-your-ref = Su referencia:
# Delante de nuestra referencia (el número de pedido).
label-our-ref = Nuestra referencia:
label-enclosures = Anexos:
# Se imprime como «Página 1/2» cuando la carta ocupa más de una página.
label-page = Página

# $recipient-salutation: madame, monsieur o neutral (sexo desconocido o
# saludo genérico). $recipient-surname: el apellido (el nombre completo si el
# caso no indica apellido). En español el saludo termina en dos puntos.
salutation =
    { $recipient-salutation ->
        [madame] Estimada Sra. { $recipient-surname }:
        [monsieur] Estimado Sr. { $recipient-surname }:
       *[neutral] Estimados señores:
    }

# Despedida; en español es la misma para todos los saludos.
closing =
    { $recipient-salutation ->
        [madame] Atentamente,
        [monsieur] Atentamente,
       *[neutral] Atentamente,
    }

## Cuerpo de la carta, en el orden de las secciones de pack.toml:
## thanks → decision → motivo(s) → guarantee-reminder → enclosures-note →
## concession → discuss → thanks-again.

# Agradecimiento por el pedido y por el mensaje; el saludo ya nombra al
# cliente. $order-number: número de pedido; $order-date: fecha del pedido;
# $order-item: lo comprado, con su artículo; $request-date: fecha en que el
# cliente envió la solicitud de reembolso.
# lint-ignore: variable-dropped $recipient-salutation $recipient-surname $recipient-name -- el saludo ya nombra al cliente
thanks =
    Le agradecemos el pedido n.º { $order-number } que realizó el { DATETIME($order-date, dateStyle: "long") }, relativo a { $order-item }, así como que se haya tomado la molestia de escribirnos al respecto el { DATETIME($request-date, dateStyle: "long") }.

# La decisión, desde el principio y con claridad. $order-amount: el importe
# abonado. $reasons-count: cuántos motivos siguen (1 o más).
decision =
    Hemos estudiado detenidamente su solicitud y lamentamos comunicarle que no nos es posible reembolsarle el importe de { $order-amount } abonado por este pedido, por { $reasons-count ->
        [one] el motivo que le exponemos a continuación.
       *[other] los motivos que le exponemos a continuación.
    }

## Motivos: un párrafo por cada motivo del caso. { legal-citation } cita la
## base legal; recibe $legal-article (de pack.toml) y $jurisdiction (FR, IT,
## DE o ES) y empieza por «artículo…» SIN artículo determinado, para poder
## escribir «al», «del» o «el» delante («conforme al { legal-citation }»).
## Exponer los hechos de forma neutra, sin culpar nunca al cliente.

# $order-delivery-date: fecha de entrega, desde la que corren los catorce
# días. Cuenta la fecha de ENVÍO de la solicitud ($request-date).
# $request-days-after-delivery (número, calculado): días transcurridos entre la
# entrega y la solicitud. Categorías de plural: one («1 día») y other
# («26 días»); Fluent nunca elige many.
reason-withdrawal-period-expired =
    Conforme al { legal-citation }, el derecho de desistimiento puede ejercerse en un plazo de catorce días naturales a contar desde el día en que se reciben los bienes. Su pedido le fue entregado, según lo acordado, el { DATETIME($order-delivery-date, dateStyle: "long") }. Lo que cuenta es la fecha en que se envía la solicitud, no la fecha en que la recibimos: la suya se envió el { DATETIME($request-date, dateStyle: "long") }, { $request-days-after-delivery ->
        [one] { $request-days-after-delivery } día
       *[other] { $request-days-after-delivery } días
    } después de la entrega, cuando dicho plazo ya había finalizado. Por tanto, el derecho de desistimiento ya no puede ejercerse para este pedido.

# El derecho legal de desistimiento se aplica a los contratos a distancia y
# fuera del establecimiento, no a las compras en tienda. $order-date: fecha
# de la compra.
reason-in-store-purchase =
    Usted realizó esta compra personalmente en nuestra tienda el { DATETIME($order-date, dateStyle: "long") }. El derecho legal de desistimiento previsto en el { legal-citation } se aplica a los contratos celebrados a distancia o fuera del establecimiento mercantil; no se extiende a las compras realizadas en tienda y, por tanto, no es aplicable a esta.

# $order-delivery-date: fecha de entrega.
reason-custom-made =
    El producto que usted encargó, { $order-item }, se fabricó conforme a sus especificaciones y se le entregó en el plazo acordado, el { DATETIME($order-delivery-date, dateStyle: "long") }. Conforme al { legal-citation }, el derecho de desistimiento no es aplicable a los bienes confeccionados conforme a las especificaciones del consumidor o claramente personalizados.

# Bienes precintados que, por razones de salud o higiene, no pueden devolverse
# una vez desprecintados (cosméticos, auriculares, ropa interior…). Redacción
# neutra, impersonal. $order-delivery-date: fecha de entrega.
reason-sealed-hygiene-opened =
    El producto que usted encargó, { $order-item }, le fue entregado el { DATETIME($order-delivery-date, dateStyle: "long") } con su precinto de protección intacto. Por razones de protección de la salud y de higiene, un producto de este tipo no puede devolverse una vez desprecintado, y su precinto se retiró después de la entrega. Conforme al { legal-citation }, en este caso no es aplicable el derecho de desistimiento.

# $order-consent-date: fecha en que el cliente consintió expresamente que el
# suministro comenzara antes del fin del plazo de desistimiento, reconociendo
# que perdería ese derecho. $order-delivery-date: inicio del suministro.
reason-digital-content-started =
    El { DATETIME($order-consent-date, dateStyle: "long") } usted dio su consentimiento expreso para que el suministro del contenido digital que encargó, { $order-item }, comenzara antes de que finalizara el plazo de desistimiento, y reconoció que, en consecuencia, perdería su derecho de desistimiento. El suministro comenzó, según lo acordado, el { DATETIME($order-delivery-date, dateStyle: "long") }. Conforme al { legal-citation }, el derecho de desistimiento ya no es aplicable.

# $order-consent-date: fecha en que el cliente pidió expresamente que el
# servicio comenzara antes del fin del plazo de desistimiento.
# $order-delivery-date: fecha en que el servicio quedó completamente prestado.
reason-service-fully-performed =
    El { DATETIME($order-consent-date, dateStyle: "long") } usted nos solicitó expresamente que comenzáramos a prestar el servicio que contrató, { $order-item }, antes de que finalizara el plazo de desistimiento, y reconoció que perdería su derecho de desistimiento una vez que hubiéramos ejecutado completamente el servicio. Prestamos el servicio en su totalidad, según lo acordado, el { DATETIME($order-delivery-date, dateStyle: "long") }. Conforme al { legal-citation }, el derecho de desistimiento no es aplicable a un servicio completamente ejecutado en estas circunstancias.

# $inspection-date: fecha de nuestro examen del producto devuelto. No pedir
# nunca pruebas al cliente: la constatación es nuestra.
reason-no-defect-found =
    El { DATETIME($inspection-date, dateStyle: "long") } examinamos detenidamente el producto que nos devolvió, { $order-item }. El examen determinó que es conforme con el contrato en el sentido del { legal-citation }: presenta las cualidades y características acordadas y es apto para los fines a los que normalmente se destinan los bienes del mismo tipo. No se ha detectado ninguna falta de conformidad.

# El informe del examen debe figurar entre los anexos del caso.
# $inspection-date: fecha del examen; $order-delivery-date: fecha de entrega.
reason-damage-after-delivery =
    El { DATETIME($inspection-date, dateStyle: "long") } examinamos detenidamente el producto que nos devolvió, { $order-item }. El examen reveló daños que se produjeron después de su entrega, el { DATETIME($order-delivery-date, dateStyle: "long") }, y no una falta de conformidad existente en el momento de la entrega; adjuntamos el informe correspondiente. Conforme al { legal-citation }, la garantía legal de conformidad cubre las faltas de conformidad que existan en el momento de la entrega, por lo que no se extiende a estos daños.

# El defecto se manifestó una vez concluido el plazo de la garantía legal:
# tres años desde la entrega para los bienes en España (desde 2022), dos años
# en Francia, Italia y Alemania. $request-date: fecha en que el cliente nos lo
# comunicó. $jurisdiction: FR, IT, DE o ES.
reason-guarantee-expired =
    El producto en cuestión, { $order-item }, le fue entregado el { DATETIME($order-delivery-date, dateStyle: "long") }. El defecto que nos comunicó el { DATETIME($request-date, dateStyle: "long") } se manifestó más de { $jurisdiction ->
        [FR] dos años
        [IT] dos años
        [DE] dos años
       *[ES] tres años
    } después de esa fecha. Conforme al { legal-citation }, la garantía legal de conformidad cubre las faltas de conformidad que se manifiesten en un plazo de { $jurisdiction ->
        [FR] dos años
        [IT] dos años
        [DE] dos años
       *[ES] tres años
    } desde la entrega; por ello, no nos es posible atender este defecto en el marco de dicha garantía.

# Se usa en los motivos, tras «al», «del» o «el». $legal-article: el artículo,
# p. ej. «103, letra c)» (ES), «L221-28, 3°» (FR), «59, comma 1,
# lettera c)» (IT) o «312g Abs. 2 Nr. 1» (DE, un parágrafo del BGB);
# $jurisdiction: FR, IT, DE o ES, el ordenamiento al que pertenece.
legal-citation =
    { $jurisdiction ->
        [FR] artículo { $legal-article } del Código de Consumo francés (Code de la consommation)
        [IT] artículo { $legal-article } del Código de Consumo italiano (Codice del consumo)
        [DE] artículo { $legal-article } del Código Civil alemán (BGB)
       *[ES] artículo { $legal-article } del texto refundido de la Ley General para la Defensa de los Consumidores y Usuarios (TRLGDCU)
    }

## Tras los motivos.

# Se imprime cuando un motivo se refiere al derecho de desistimiento: la
# garantía legal de conformidad es un derecho distinto y sigue vigente.
# $jurisdiction: FR, IT, DE o ES (tres años para los bienes en España, dos en
# los demás).
guarantee-reminder =
    Esta decisión se refiere únicamente al derecho de desistimiento y no afecta en modo alguno a la garantía legal de conformidad, que cubre cualquier falta de conformidad que se manifieste en un plazo de { $jurisdiction ->
        [FR] dos años
        [IT] dos años
        [DE] dos años
       *[ES] tres años
    } desde la entrega, conforme a { $jurisdiction ->
        [FR] los artículos L217-3 y siguientes del Código de Consumo francés (Code de la consommation)
        [IT] los artículos 128 y siguientes del Código de Consumo italiano (Codice del consumo)
        [DE] los artículos 434 y siguientes del Código Civil alemán (BGB)
       *[ES] los artículos 114 y siguientes del TRLGDCU
    }. Si se manifestara alguna falta de conformidad, le rogamos que nos lo comunique y la examinaremos en el marco de dicha garantía.

# Se imprime cuando la denegación se basa en un contenido digital ya
# suministrado: su garantía legal de conformidad tiene sus propios artículos.
# $jurisdiction: FR, IT, DE o ES.
digital-guarantee-reminder =
    Esta decisión se refiere únicamente al derecho de desistimiento y no afecta en modo alguno a la garantía legal de conformidad de los contenidos digitales, prevista en { $jurisdiction ->
        [FR] los artículos L224-25-12 y siguientes del Código de Consumo francés (Code de la consommation)
        [IT] los artículos 135-octies y siguientes del Código de Consumo italiano (Codice del consumo)
        [DE] los artículos 327d y siguientes del Código Civil alemán (BGB)
       *[ES] los artículos 114 y siguientes del TRLGDCU
    }. Si el contenido no funcionara según lo acordado, le rogamos que nos lo comunique y lo subsanaremos en el marco de dicha garantía.

# $enclosures-count: número de documentos adjuntos (enumerados bajo la firma).
enclosures-note =
    { $enclosures-count ->
        [one] Adjuntamos, para su información, el documento correspondiente a su pedido.
       *[other] Adjuntamos, para su información, los documentos correspondientes a su pedido.
    }

# Gesto de buena voluntad, ofrecido aunque nadie tenga la culpa; no
# presentarlo nunca como sustituto del reembolso. $concession-kind: voucher
# (vale), discount (descuento) o free-repair (reparación gratuita).
# $concession-amount (importe): valor del vale. $concession-percent (número):
# el descuento, seguido de espacio de no separación y «%».
# $concession-valid-until (fecha): último día de validez.
concession =
    { $concession-kind ->
        [voucher] Como gesto de buena voluntad, nos complace ofrecerle un vale por valor de { $concession-amount }, válido hasta el { DATETIME($concession-valid-until, dateStyle: "long") }.
        [discount] Como gesto de buena voluntad, nos complace ofrecerle un descuento del { $concession-percent } % en su próximo pedido, válido hasta el { DATETIME($concession-valid-until, dateStyle: "long") }.
       *[free-repair] Como gesto de buena voluntad, nos complace ofrecerle la reparación gratuita del producto; le rogamos que se ponga en contacto con nosotros para acordar el momento que mejor le convenga.
    } Le hacemos este ofrecimiento no porque haya habido falta alguna por ninguna de las partes, sino porque valoramos sinceramente su confianza.

# Cómo ponerse en contacto con nosotros: $sender-email, $sender-phone.
discuss =
    Si desea tratar este asunto con más detalle, no dude en ponerse en contacto con nosotros por correo electrónico en { $sender-email } o por teléfono llamando al { $sender-phone }.

thanks-again =
    Le agradecemos una vez más la confianza depositada en nosotros y esperamos tener el placer de atenderle de nuevo.

## Anexos: la denominación breve de cada documento, enumerado bajo la firma
## tras label-enclosures.

enclosure-invoice = Copia de la factura
enclosure-delivery-proof = Justificante de entrega
enclosure-terms-of-sale = Condiciones generales de venta
# Constancia del consentimiento expreso del cliente (contenidos digitales,
# servicios).
enclosure-consent-record = Justificante de su consentimiento expreso
enclosure-inspection-report = Informe del examen del producto devuelto
