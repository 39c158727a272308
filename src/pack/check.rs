//! Checking a pack's manifest (and the frame's fields): every field, its
//! type, default and examples, the sections, references, reasons, derived
//! numbers and review rules, each problem reported at its place in
//! `pack.toml`, all at once.

use super::*;

pub(super) struct Checker<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error<T>(
        &mut self,
        code: &'static str,
        at: &Spanned<T>,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, message).at(self.file, at.span()));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// A review rule's `above`: one decimal string, or a table of them by
    /// currency code for a money field. Problems are reported at `above`.
    fn threshold(&mut self, rule: &str, money: bool, above: &Spanned<toml::Value>) -> Threshold {
        let amount = |this: &mut Self, currency: Option<&str>, value: &toml::Value| {
            let text = value.as_str().unwrap_or_default();
            if crate::l10n::values::MoneyValue::parse(text, "XXX").is_none() {
                let of = currency.map(|c| format!(" for {c}")).unwrap_or_default();
                this.error(
                    "pack::review",
                    above,
                    format!("review rule {rule:?}: the amount{of} must be a decimal string like \"500\", not {value}"),
                );
            }
            text.to_owned()
        };
        let toml::Value::Table(table) = above.get_ref() else {
            return Threshold::Any(amount(self, None, above.get_ref()));
        };
        if !money {
            self.error(
                "pack::review",
                above,
                format!("review rule {rule:?}: amounts by currency need a money field"),
            );
        }
        let mut amounts = BTreeMap::new();
        for (code, value) in table {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                self.error(
                    "pack::review",
                    above,
                    format!("review rule {rule:?}: {code:?} is not a currency code (three capital letters, ISO 4217)"),
                );
            }
            amounts.insert(code.clone(), amount(self, Some(code), value));
        }
        Threshold::PerCurrency(amounts)
    }

    pub(super) fn pack(&mut self, raw: RawManifest, located: &Located) -> Result<Pack> {
        let folder = located.dir.name().to_owned();
        if *raw.id.get_ref() != folder {
            self.error(
                "pack::id",
                &raw.id,
                format!(
                    "the pack id {:?} differs from its folder {folder:?}",
                    raw.id.get_ref()
                ),
            )
            .hints
            .push(format!("rename the folder or set id = \"{folder}\""));
        }
        let version = match semver::Version::parse(raw.version.get_ref()) {
            Ok(v) => v,
            Err(e) => {
                self.error(
                    "pack::version",
                    &raw.version,
                    format!("the version is not semver: {e}"),
                )
                .hints
                .push("write MAJOR.MINOR.PATCH, like \"1.0.0\"".to_owned());
                semver::Version::new(0, 0, 0)
            }
        };
        if let Some(style) = &raw.default_style
            && !is_plain_name(style.get_ref())
        {
            self.error(
                "pack::default-style",
                style,
                format!("{:?} is not a style name", style.get_ref()),
            )
            .hints
            .push(name_rule("style", STYLE_FILE));
        }
        let locales: Vec<String> = raw
            .locales
            .get_ref()
            .iter()
            .map(|l| l.get_ref().clone())
            .collect();
        for locale in raw.locales.get_ref() {
            if locale
                .get_ref()
                .parse::<unic_langid::LanguageIdentifier>()
                .is_err()
            {
                self.error(
                    "pack::locale",
                    locale,
                    format!("{:?} is not a locale identifier", locale.get_ref()),
                );
            }
        }
        if !locales.contains(raw.source_locale.get_ref()) {
            self.error(
                "pack::source-locale",
                &raw.source_locale,
                format!(
                    "the source locale {:?} is not one of the pack's locales",
                    raw.source_locale.get_ref()
                ),
            );
        }

        let reason_codes: BTreeSet<String> =
            raw.reasons.keys().map(|k| k.get_ref().clone()).collect();
        let mut fields = frame_fields();
        let frame_count = fields.len();
        // Keys and variables taken so far, so that a manifest of many
        // fields is checked in one pass.
        let mut taken: HashSet<String> = fields
            .iter()
            .flat_map(|f| [f.key.clone(), f.variable()])
            .collect();
        for raw_field in raw.fields {
            let key = raw_field.key.clone();
            if let Some(field) = self.field(raw_field, &reason_codes, Some(locales.as_slice())) {
                if taken.contains(&field.key) || taken.contains(&field.variable()) {
                    let which = if fields[..frame_count].iter().any(|f| f.key == field.key) {
                        "is a field of the letter frame"
                    } else {
                        "is declared twice (or gives the same variable as another field)"
                    };
                    self.error(
                        "pack::duplicate-field",
                        &key,
                        format!("the field {:?} {which}", key.get_ref()),
                    );
                } else {
                    taken.insert(field.key.clone());
                    taken.insert(field.variable());
                    fields.push(field);
                }
            }
        }
        self.cross_check_fields(&fields);

        let by_key: HashMap<&str, &Field> = fields.iter().map(|f| (f.key.as_str(), f)).collect();
        let field_kind = |key: &str| by_key.get(key).map(|f| f.kind.clone());
        let mut references = Vec::new();
        for r in raw.references {
            if field_kind(r.field.get_ref()).is_none() {
                self.error(
                    "pack::unknown-field",
                    &r.field,
                    format!(
                        "the reference names an unknown field {:?}",
                        r.field.get_ref()
                    ),
                );
            }
            references.push(Reference {
                label: r.label.into_inner(),
                field: r.field.into_inner(),
            });
        }

        let mut sections = Vec::new();
        for s in raw.sections {
            if let Some(each) = &s.each
                && !matches!(
                    field_kind(each.get_ref()),
                    Some(FieldKind::List { values: Some(_) })
                )
            {
                self.error(
                    "pack::each",
                    each,
                    format!(
                        "`each` needs a list field with codes; {:?} is not one",
                        each.get_ref()
                    ),
                );
            }
            let when = match &s.when {
                None => None,
                Some(w) => match (&w.get_ref().set, &w.get_ref().reason_kind) {
                    (Some(key), None) if field_kind(key).is_some() => {
                        Some(Condition::Set(key.clone()))
                    }
                    (Some(key), None) => {
                        self.error(
                            "pack::unknown-field",
                            w,
                            format!("`when` names an unknown field {key:?}"),
                        );
                        None
                    }
                    (None, Some(kind)) => Some(Condition::ReasonKind(kind.clone())),
                    _ => {
                        self.error(
                            "pack::when",
                            w,
                            "`when` takes either `set` or `reason-kind`".to_owned(),
                        );
                        None
                    }
                },
            };
            sections.push(Section {
                message: s.message.into_inner(),
                each: s.each.map(Spanned::into_inner),
                when,
            });
        }

        let mut reasons = BTreeMap::new();
        for (code, reason) in raw.reasons {
            for required in &reason.requires {
                if field_kind(required.get_ref()).is_none() {
                    self.error(
                        "pack::unknown-field",
                        required,
                        format!(
                            "reason {:?} requires an unknown field {:?}",
                            code.get_ref(),
                            required.get_ref()
                        ),
                    );
                }
            }
            reasons.insert(
                code.into_inner(),
                Reason {
                    kind: reason.kind.into_inner(),
                    legal: reason.legal,
                    requires: reason
                        .requires
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                },
            );
        }

        let mut review = Vec::new();
        for rule in raw.review {
            let trigger = match (&rule.field, &rule.above, rule.reasons.is_empty()) {
                (Some(field), Some(above), true) => {
                    if !matches!(
                        field_kind(field.get_ref()),
                        Some(FieldKind::Money { .. } | FieldKind::Number)
                    ) {
                        self.error(
                            "pack::review",
                            field,
                            format!(
                                "review rule {:?}: {:?} is not a money or number field",
                                rule.id.get_ref(),
                                field.get_ref()
                            ),
                        );
                    }
                    let money =
                        matches!(field_kind(field.get_ref()), Some(FieldKind::Money { .. }));
                    let threshold = self.threshold(rule.id.get_ref(), money, above);
                    ReviewTrigger::Above {
                        field: field.get_ref().clone(),
                        threshold,
                    }
                }
                (None, None, false) => {
                    for code in &rule.reasons {
                        if !reasons.contains_key(code.get_ref()) {
                            self.error(
                                "pack::review",
                                code,
                                format!(
                                    "review rule {:?} names an unknown reason {:?}",
                                    rule.id.get_ref(),
                                    code.get_ref()
                                ),
                            );
                        }
                    }
                    ReviewTrigger::Reasons(
                        rule.reasons.iter().map(|r| r.get_ref().clone()).collect(),
                    )
                }
                _ => {
                    self.error(
                        "pack::review",
                        &rule.id,
                        "a review rule has either `field` and `above`, or `reasons`".to_owned(),
                    );
                    continue;
                }
            };
            review.push(ReviewRule {
                id: rule.id.into_inner(),
                help: rule.help,
                trigger,
            });
        }

        let derived = raw
            .derived
            .into_iter()
            .filter_map(|d| self.derived(d, &by_key, &taken))
            .collect();

        let mut messages = BTreeMap::new();
        for locale in &locales {
            let files = locale_files(located.tree.as_ref(), &join(&located.dir, locale))?;
            if files.is_empty() {
                self.error(
                    "pack::no-messages",
                    &raw.locales,
                    format!(
                        "the locale {locale} has no .ftl files in {}/{locale}/",
                        located.dir
                    ),
                );
            }
            messages.insert(locale.clone(), files);
        }

        Ok(Pack {
            id: raw.id.into_inner(),
            version,
            description: raw.description,
            source_locale: raw.source_locale.into_inner(),
            locales,
            default_style: raw.default_style.map(Spanned::into_inner),
            fields,
            references,
            sections,
            reasons,
            review,
            derived,
            messages,
            origin: located.tree.display(&located.dir),
            manifest: self.file.clone(),
        })
    }

    /// Checks a derived number: a key of its own, over two date fields.
    /// `taken` holds the keys and variables of the fields.
    fn derived(
        &mut self,
        raw: manifest::RawDerived,
        fields: &HashMap<&str, &Field>,
        taken: &HashSet<String>,
    ) -> Option<Derived> {
        let key = raw.key.get_ref().clone();
        let mut ok = true;
        if !key.split('.').all(field::is_key_part) {
            self.error(
                "pack::field-key",
                &raw.key,
                format!("{key:?} is not a valid key"),
            );
            ok = false;
        } else if taken.contains(&key) || taken.contains(&field::variable_name(&key)) {
            self.error(
                "pack::duplicate-field",
                &raw.key,
                format!("the derived number {key:?} has the name (or variable) of a field"),
            );
            ok = false;
        }
        let [from, to] = raw.days_between.get_ref().as_slice() else {
            self.error(
                "pack::derived",
                &raw.days_between,
                "`days-between` takes two date fields: [\"from\", \"to\"]".to_owned(),
            );
            return None;
        };
        for name in [from, to] {
            let kind = fields.get(name.as_str()).map(|f| &f.kind);
            if !matches!(kind, Some(FieldKind::Date)) {
                let what = if kind.is_some() {
                    "not a date field"
                } else {
                    "an unknown field"
                };
                self.error(
                    "pack::derived",
                    &raw.days_between,
                    format!("`days-between` names {name:?}, {what}"),
                );
                ok = false;
            }
        }
        ok.then(|| Derived {
            key,
            help: raw.help,
            rule: DerivedRule::DaysBetween {
                from: from.clone(),
                to: to.clone(),
            },
        })
    }

    /// Checks one field on its own. `locales` are the pack's, which its
    /// `locale-example` keys must be (or a regional variant of); `None`
    /// for the frame, which serves every pack.
    pub(super) fn field(
        &mut self,
        raw: RawField,
        reason_codes: &BTreeSet<String>,
        locales: Option<&[String]>,
    ) -> Option<Field> {
        let key = raw.key.get_ref().clone();
        if !key.split('.').all(field::is_key_part) {
            self.error(
                "pack::field-key",
                &raw.key,
                format!("{key:?} is not a valid field key"),
            )
            .hints
            .push(
                "use lower-case words with hyphens, dotted for tables: order.delivery-date"
                    .to_owned(),
            );
            return None;
        }
        let kind = match raw.kind.get_ref().as_str() {
            "text" => FieldKind::Text,
            "date" => FieldKind::Date,
            "number" => FieldKind::Number,
            "group" => FieldKind::Group,
            "money" => match &raw.currency {
                Some(c) => FieldKind::Money {
                    currency_field: c.get_ref().clone(),
                },
                None => {
                    self.error("pack::money", &raw.kind, format!("the money field {key:?} needs `currency`, the field holding its currency code"));
                    return None;
                }
            },
            "enum" => match &raw.values {
                Some(values) if !values.is_empty() => FieldKind::Enum {
                    values: values.clone(),
                },
                _ => {
                    self.error(
                        "pack::enum",
                        &raw.kind,
                        format!("the enum field {key:?} needs `values`"),
                    );
                    return None;
                }
            },
            "list" => match (&raw.values, &raw.values_from) {
                (Some(values), None) => FieldKind::List {
                    values: Some(values.clone()),
                },
                (None, Some(from)) if from.get_ref() == "reasons" => FieldKind::List {
                    values: Some(reason_codes.iter().cloned().collect()),
                },
                (None, Some(from)) => {
                    self.error(
                        "pack::values-from",
                        from,
                        "`values-from` can only be \"reasons\"".to_owned(),
                    );
                    return None;
                }
                (None, None) => FieldKind::List { values: None },
                (Some(_), Some(from)) => {
                    self.error(
                        "pack::values-from",
                        from,
                        "give either `values` or `values-from`".to_owned(),
                    );
                    return None;
                }
            },
            other => {
                self.error(
                    "pack::field-type",
                    &raw.kind,
                    format!("unknown field type {other:?}"),
                )
                .hints
                .push("the types are text, date, money, number, enum, list, group".to_owned());
                return None;
            }
        };
        let required = match (raw.required, raw.required_if) {
            (true, Some(r)) => {
                self.error(
                    "pack::required",
                    &r,
                    "give either `required` or `required-if`".to_owned(),
                );
                Required::Yes
            }
            (true, None) => Required::Yes,
            (false, Some(r)) => {
                let r = r.into_inner();
                Required::If {
                    field: r.field,
                    values: r.values,
                }
            }
            (false, None) => Required::No,
        };
        let default = match (raw.default, raw.default_from, raw.locale_default) {
            (None, None, None) => None,
            (Some(v), None, None) => Some(Default::Value(v)),
            (None, Some(from), None) => Some(Default::From(from.into_inner())),
            (None, None, Some(map)) => Some(Default::ByLocale(map)),
            _ => {
                self.error(
                    "pack::default",
                    &raw.key,
                    format!("the field {key:?} has more than one kind of default"),
                );
                None
            }
        };
        let example = raw.example.map(|example| {
            self.example(&key, &kind, None, &example);
            example.into_inner()
        });
        let mut locale_example = BTreeMap::new();
        for (locale, example) in raw.locale_example.unwrap_or_default() {
            if self.example_locale(&key, &locale, locales) {
                self.example(&key, &kind, Some(locale.get_ref()), &example);
            }
            locale_example.insert(locale.into_inner(), example.into_inner());
        }
        Some(Field {
            key,
            kind,
            required,
            default,
            help: raw.help,
            example,
            locale_example,
        })
    }

    /// An example (of `locale`, for a `locale-example`) must be a value a
    /// case could give the field: `lettrine new` writes it into a case that
    /// must build as it is.
    fn example(
        &mut self,
        key: &str,
        kind: &FieldKind,
        locale: Option<&str>,
        example: &Spanned<toml::Value>,
    ) {
        let which = locale.map(|l| format!(" for {l}")).unwrap_or_default();
        if *kind == FieldKind::Group {
            self.error(
                "pack::example",
                example,
                format!("the group {key:?} has an example{which}; a group has no value"),
            )
            .hints
            .push("give examples to the fields inside it".to_owned());
        } else if !kind.accepts(example.get_ref()) {
            self.error(
                "pack::example",
                example,
                format!(
                    "the example of {key:?}{which} must be {}, not {}",
                    kind.describe(),
                    example.get_ref()
                ),
            );
        }
    }

    /// Whether a `locale-example` key is a locale the field can be written
    /// in: a locale identifier and, in a pack, one of its locales or a
    /// regional variant of one. Reports it when it is not.
    fn example_locale(
        &mut self,
        key: &str,
        locale: &Spanned<String>,
        locales: Option<&[String]>,
    ) -> bool {
        let Ok(id) = locale.get_ref().parse::<unic_langid::LanguageIdentifier>() else {
            self.error(
                "pack::locale-example",
                locale,
                format!(
                    "the field {key:?} has an example for {:?}, which is not a locale identifier",
                    locale.get_ref()
                ),
            )
            .hints
            .push("write a language (fr) or a language and a region (fr-CH)".to_owned());
            return false;
        };
        let Some(locales) = locales else {
            return true;
        };
        if locales
            .iter()
            .any(|l| l == locale.get_ref() || l == id.language.as_str())
        {
            return true;
        }
        self.error(
            "pack::locale-example",
            locale,
            format!(
                "the field {key:?} has an example for {:?}, which is not one of the pack's locales",
                locale.get_ref()
            ),
        )
        .hints
        .push(format!(
            "the locales are {}; a regional variant of one (fr-CH) may have an example of its own",
            field::quoted_list(locales)
        ));
        false
    }

    /// Checks what fields say about each other: currencies, conditions,
    /// defaults and parents exist.
    fn cross_check_fields(&mut self, fields: &[Field]) {
        let file = self.file;
        let by_key: HashMap<&str, &Field> = fields.iter().map(|f| (f.key.as_str(), f)).collect();
        let find = |key: &str| by_key.get(key).copied();
        let mut problems = Vec::new();
        for field in fields {
            if let FieldKind::Money { currency_field } = &field.kind
                && !matches!(
                    find(currency_field).map(|f| &f.kind),
                    Some(FieldKind::Enum { .. } | FieldKind::Text)
                )
            {
                problems.push((&field.key, format!("the money field {:?} takes its currency from {currency_field:?}, which is not a text or enum field", field.key)));
            }
            if let Required::If { field: other, .. } = &field.required
                && !matches!(find(other).map(|f| &f.kind), Some(FieldKind::Enum { .. }))
            {
                problems.push((
                    &field.key,
                    format!(
                        "the field {:?} is required-if {other:?}, which is not an enum field",
                        field.key
                    ),
                ));
            }
            if let Some(Default::From(other)) = &field.default
                && find(other).is_none()
            {
                problems.push((
                    &field.key,
                    format!(
                        "the field {:?} defaults from an unknown field {other:?}",
                        field.key
                    ),
                ));
            }
            if let Some(parent) = field.parent()
                && let Some(p) = find(parent)
                && p.kind != FieldKind::Group
            {
                problems.push((
                    &field.key,
                    format!(
                        "the field {:?} is inside {parent:?}, which is not a group",
                        field.key
                    ),
                ));
            }
        }
        let spans = key_spans(file);
        for (key, problem) in problems {
            let span = spans.get(key.as_str()).cloned().unwrap_or(0..0);
            self.diagnostics
                .push(Diagnostic::error("pack::field", problem).at(file, span));
        }
    }
}
