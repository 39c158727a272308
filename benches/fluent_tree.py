#!/usr/bin/env python3
"""Generate a large, plain Fluent tree for benchmarking `lettrine lint`.

    python3 benches/fluent_tree.py OUT_DIR [--files 300] [--messages-per-file 15] [--seed 1]

writes

    OUT_DIR/en-US/**/*.ftl   the source locale
    OUT_DIR/fr/**/*.ftl      its French translation, with a few planted problems
    OUT_DIR/l10n.toml        the project file compare-locales needs
    OUT_DIR/planted.json     what was planted where, to check both tools' findings

The tree looks like a Mozilla application's: nested folders (`browser/`,
`mail/settings/`, ...), one `branding/brand.ftl` defining the `-brand-*` terms,
and messages with plain and multiline values, attributes, variables, plural
selects, term and message references and `NUMBER()`. The French follows
French typography as lettrine applies it: a no-break space (U+00A0) before `:`,
a narrow no-break space (U+202F) before `; ! ?` and inside « guillemets », and
’ for the apostrophe, so that only the planted problems are real findings.

About 1% of the French messages carry a planted problem, spread over: a
missing message, an obsolete message, a dropped variable, a syntax error, a
missing attribute, a dropped term reference and wrong French spacing.

The output depends only on the arguments: the same seed gives the same tree.
"""

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

NBSP = "\u00a0"  # before `:` in French
NNBSP = "\u202f"  # before `; ! ?` and inside « » in French
APOS = "\u2019"  # French typographic apostrophe

SOURCE, TARGET = "en-US", "fr"

# Folders a file can live in, Mozilla style; the later ones are deeper.
FOLDERS = [
    "browser",
    "browser/preferences",
    "browser/sidebar",
    "browser/newtab",
    "mail",
    "mail/settings",
    "mail/compose",
    "mail/addressbook",
    "calendar",
    "calendar/dialogs",
    "devtools/client",
    "devtools/client/inspector",
    "devtools/shared",
    "toolkit",
    "toolkit/about",
    "toolkit/downloads",
    "security/manager",
    "chat",
]

# What a file is about: (English singular, English plural, French singular,
# French plural, French gender).
NOUNS = [
    ("account", "accounts", "compte", "comptes", "m"),
    ("bookmark", "bookmarks", "marque-page", "marque-pages", "m"),
    ("download", "downloads", "téléchargement", "téléchargements", "m"),
    ("folder", "folders", "dossier", "dossiers", "m"),
    ("tab", "tabs", "onglet", "onglets", "m"),
    ("window", "windows", "fenêtre", "fenêtres", "f"),
    ("message", "messages", "message", "messages", "m"),
    ("contact", "contacts", "contact", "contacts", "m"),
    ("calendar", "calendars", "agenda", "agendas", "m"),
    ("event", "events", "évènement", "évènements", "m"),
    ("task", "tasks", "tâche", "tâches", "f"),
    ("note", "notes", "note", "notes", "f"),
    ("profile", "profiles", "profil", "profils", "m"),
    ("password", "passwords", "mot de passe", "mots de passe", "m"),
    ("certificate", "certificates", "certificat", "certificats", "m"),
    ("extension", "extensions", "extension", "extensions", "f"),
    ("theme", "themes", "thème", "thèmes", "m"),
    ("page", "pages", "page", "pages", "f"),
    ("collection", "collections", "collection", "collections", "f"),
    ("filter", "filters", "filtre", "filtres", "m"),
    ("signature", "signatures", "signature", "signatures", "f"),
    ("address book", "address books", "carnet d’adresses", "carnets d’adresses", "m"),
    ("attachment", "attachments", "pièce jointe", "pièces jointes", "f"),
    ("draft", "drafts", "brouillon", "brouillons", "m"),
    ("template", "templates", "modèle", "modèles", "m"),
    ("notification", "notifications", "notification", "notifications", "f"),
    ("device", "devices", "appareil", "appareils", "m"),
    ("search engine", "search engines", "moteur de recherche", "moteurs de recherche", "m"),
    ("shortcut", "shortcuts", "raccourci", "raccourcis", "m"),
    ("screenshot", "screenshots", "capture d’écran", "captures d’écran", "f"),
    ("container", "containers", "conteneur", "conteneurs", "m"),
    ("login", "logins", "identifiant", "identifiants", "m"),
    ("reminder", "reminders", "rappel", "rappels", "m"),
    ("tag", "tags", "étiquette", "étiquettes", "f"),
    ("feed", "feeds", "flux", "flux", "m"),
    ("session", "sessions", "session", "sessions", "f"),
    ("permission", "permissions", "autorisation", "autorisations", "f"),
    ("cookie", "cookies", "cookie", "cookies", "m"),
    ("report", "reports", "rapport", "rapports", "m"),
    ("dictionary", "dictionaries", "dictionnaire", "dictionnaires", "m"),
]

# The part of the application a file holds: (id part, English title with
# {Sg}/{sg}/{pl}, French title with the article helpers below).
FACETS = [
    ("settings", "{Sg} settings", "Paramètres {du}"),
    ("list", "{Sg} list", "Liste des {pl}"),
    ("editor", "{Sg} editor", "Éditeur {de}"),
    ("panel", "{Pl}", "Panneau des {pl}"),
    ("dialog", "Manage {pl}", "Gérer les {pl}"),
    ("manager", "{Sg} manager", "Gestionnaire {de}"),
    ("sidebar", "{Pl} sidebar", "Barre latérale des {pl}"),
    ("menu", "{Sg} menu", "Menu {du}"),
    ("toolbar", "{Sg} toolbar", "Barre d’outils {du}"),
    ("details", "{Sg} details", "Détails {du}"),
    ("import", "Import {pl}", "Importer des {pl}"),
    ("sync", "Sync {pl}", "Synchroniser les {pl}"),
    ("privacy", "{Sg} privacy", "Confidentialité {du}"),
    ("properties", "{Sg} properties", "Propriétés {du}"),
]

# What one can do to a thing: (English verb, past participle, gerund,
# French infinitive, French masculine past participle).
ACTIONS = [
    ("delete", "deleted", "deleting", "supprimer", "supprimé"),
    ("rename", "renamed", "renaming", "renommer", "renommé"),
    ("save", "saved", "saving", "enregistrer", "enregistré"),
    ("export", "exported", "exporting", "exporter", "exporté"),
    ("import", "imported", "importing", "importer", "importé"),
    ("share", "shared", "sharing", "partager", "partagé"),
    ("open", "opened", "opening", "ouvrir", "ouvert"),
    ("archive", "archived", "archiving", "archiver", "archivé"),
    ("restore", "restored", "restoring", "restaurer", "restauré"),
    ("sync", "synced", "syncing", "synchroniser", "synchronisé"),
    ("copy", "copied", "copying", "copier", "copié"),
    ("move", "moved", "moving", "déplacer", "déplacé"),
    ("edit", "edited", "editing", "modifier", "modifié"),
    ("print", "printed", "printing", "imprimer", "imprimé"),
    ("send", "sent", "sending", "envoyer", "envoyé"),
    ("block", "blocked", "blocking", "bloquer", "bloqué"),
    ("pin", "pinned", "pinning", "épingler", "épinglé"),
    ("remove", "removed", "removing", "retirer", "retiré"),
]

# The terms messages refer to: (id, English, French). Brand names are not
# translated, except for the browser's full name.
BRAND_TERMS = [
    ("-brand-shorter-name", "Lumen", "Lumen"),
    ("-brand-short-name", "Lumen", "Lumen"),
    ("-brand-full-name", "Lumen Browser", "Navigateur Lumen"),
    ("-brand-product-name", "Lumen", "Lumen"),
    ("-vendor-short-name", "Lumen Labs", "Lumen Labs"),
    ("-sync-brand-short-name", "Lumen Sync", "Lumen Sync"),
]

LICENSE = (
    "# This Source Code Form is subject to the terms of the Mozilla Public\n"
    "# License, v. 2.0. If a copy of the MPL was not distributed with this\n"
    "# file, You can obtain one at http://mozilla.org/MPL/2.0/.\n"
)

PLANT_KINDS = [
    "missing-message",
    "obsolete-message",
    "dropped-variable",
    "syntax-error",
    "missing-attribute",
    "dropped-term-reference",
    "typography",
]


def cap(text):
    return text[:1].upper() + text[1:]


def slug(text):
    return text.replace(" ", "-")


class Noun:
    """A noun in both languages, with the French article forms it needs."""

    def __init__(self, en_sg, en_pl, fr_sg, fr_pl, gender):
        self.en_sg, self.en_pl = en_sg, en_pl
        self.fr_sg, self.fr_pl = fr_sg, fr_pl
        self.fem = gender == "f"
        self.vowel = fr_sg[0] in "aeiouéèêh"

    def fr(self):
        """Placeholders for French templates."""
        if self.vowel:
            le, du, de, ce = f"l{APOS}", f"de l{APOS}", f"d{APOS}", "cette" if self.fem else "cet"
        elif self.fem:
            le, du, de, ce = "la ", "de la ", "de ", "cette"
        else:
            le, du, de, ce = "le ", "du ", "de ", "ce"
        sg, pl = self.fr_sg, self.fr_pl
        return {
            "sg": sg,
            "pl": pl,
            "le": le + sg,
            "Le": cap(le) + sg,
            "du": du + sg,
            "de": de + sg,
            "ce": f"{ce} {sg}",
            "Aucun": ("Aucune " if self.fem else "Aucun ") + sg,
            "e": "e" if self.fem else "",  # past participle agreement
        }

    def en(self):
        return {"sg": self.en_sg, "pl": self.en_pl, "Sg": cap(self.en_sg), "Pl": cap(self.en_pl)}


class Message:
    """One message in both languages.

    `en` and `fr` are its lines: the first is what follows `id = ` (empty for
    a multiline value or a message with attributes only), the others are
    indented continuation and attribute lines. The other fields say what
    planting may do to the French: `attrs` can be dropped, `dropped` is a
    realistic translation that lost the variable it names, `terms` can be
    written out, and a `plural` select can lose its default variant."""

    def __init__(self, mid, en, fr, comment=None, attrs=(), dropped=None, terms=(), plural=False):
        self.id = mid
        self.en = en
        self.fr = fr
        self.comment = comment
        self.attrs = list(attrs)
        self.dropped = dropped  # (variable, French text without it)
        self.terms = list(terms)
        self.plural = plural
        self.referenced = False  # another message points at it: never plant here
        self.fr_planted = None  # the planted French lines, [] to leave it out

    def render(self, locale):
        lines = self.en if locale == SOURCE else self.fr
        if locale == TARGET and self.fr_planted is not None:
            if not self.fr_planted:
                return None
            lines = self.fr_planted
        out = [f"# {self.comment}"] if self.comment else []
        out.append(f"{self.id} = {lines[0]}".rstrip())
        out.extend(lines[1:])
        return "\n".join(out)


def accesskey(label):
    return next(c for c in label if c.isalpha()).upper()


def guillemets(inner):
    return f"«{NNBSP}{inner}{NNBSP}»"


# ---------------------------------------------------------------------------
# Message families. The per-action ones take (stem, noun, action); each
# returns one Message whose id is unique for that (stem, action).
# ---------------------------------------------------------------------------

NAME_COMMENT = "Variables:\n#   $name (String) - The name of the {sg}."


def fam_button(stem, n, a):
    verb, _, _, inf, _ = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-button",
        [cap(verb), f"    .title = {cap(verb)} this {en['sg']}", f"    .accesskey = {accesskey(verb)}"],
        [cap(inf), f"    .title = {cap(inf)} {fr['ce']}", f"    .accesskey = {accesskey(inf)}"],
        attrs=["title", "accesskey"],
    )


def fam_icon(stem, n, a):
    verb, _, _, inf, _ = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-icon",
        ["", f"    .aria-label = {cap(verb)} {en['sg']}", f"    .title = {cap(verb)} the selected {en['sg']}"],
        ["", f"    .aria-label = {cap(inf)} {fr['le']}", f"    .title = {cap(inf)} {fr['le']} sélectionné{fr['e']}"],
        attrs=["aria-label", "title"],
    )


def fam_confirm(stem, n, a):
    verb, _, _, inf, _ = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-confirm",
        [f"{cap(verb)} “{{ $name }}”?"],
        [f"{cap(inf)} {guillemets('{ $name }')}{NNBSP}?"],
        comment=NAME_COMMENT.format(**en),
        dropped=("name", f"{cap(inf)} {fr['ce']}{NNBSP}?"),
    )


def fam_done(stem, n, a):
    verb, pp, _, _, fr_pp = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-done",
        [f"The {en['sg']} “{{ $name }}” was {pp}."],
        [f"{fr['Le']} {guillemets('{ $name }')} a été {fr_pp}{fr['e']}."],
        comment=NAME_COMMENT.format(**en),
        dropped=("name", f"{fr['Le']} a été {fr_pp}{fr['e']}."),
    )


def fam_count(stem, n, a):
    verb, pp, _, _, fr_pp = a
    en, fr = n.en(), n.fr()
    e = fr["e"]
    return Message(
        f"{stem}-{verb}-count",
        [
            "",
            "    { $count ->",
            f"        [one] {{ $count }} {en['sg']} {pp}",
            f"       *[other] {{ $count }} {en['pl']} {pp}",
            "    }",
        ],
        [
            "",
            "    { $count ->",
            f"        [one] {{ $count }} {fr['sg']} {fr_pp}{e}",
            f"       *[other] {{ $count }} {fr['pl']} {fr_pp}{e}s",
            "    }",
        ],
        comment=f"Variables:\n#   $count (Number) - How many {en['pl']} were {pp}.",
        plural=True,
    )


def fam_restart(stem, n, a):
    verb, _, ing, inf, _ = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-restart",
        [f"Restart {{ -brand-short-name }} to finish {ing} your {en['pl']}."],
        [f"Redémarrez {{ -brand-short-name }} pour finir de {inf} vos {fr['pl']}."],
        terms=["-brand-short-name"],
    )


def fam_unavailable(stem, n, a):
    verb, _, _, inf, _ = a
    en, fr = n.en(), n.fr()
    return Message(
        f"{stem}-{verb}-unavailable",
        [f"{{ -brand-product-name }} can’t {verb} this {en['sg']} right now. Try again later."],
        [f"{{ -brand-product-name }} ne peut pas {inf} {fr['ce']} pour le moment. Réessayez plus tard."],
        terms=["-brand-product-name"],
    )


def fam_error(stem, n, a):
    verb, _, _, inf, _ = a
    en = n.en()
    return Message(
        f"{stem}-{verb}-error",
        [f"Couldn’t {verb} “{{ $name }}”: {{ $reason }}"],
        [f"Impossible de {inf} {guillemets('{ $name }')}{NBSP}: {{ $reason }}"],
        comment=NAME_COMMENT.format(**en) + "\n#   $reason (String) - Why it failed, e.g. “the disk is full”.",
        dropped=("reason", f"Impossible de {inf} {guillemets('{ $name }')}."),
    )


def fam_description(stem, n, a):
    verb, pp, _, _, fr_pp = a
    en, fr = n.en(), n.fr()
    e = fr["e"]
    return Message(
        f"{stem}-{verb}-description",
        [
            "",
            f"    {en['Pl']} you {pp} are listed here until you clear them.",
            "    { -brand-short-name } never sends them to { -vendor-short-name }.",
        ],
        [
            "",
            f"    Les {fr['pl']} que vous avez {fr_pp}{e}s sont listé{e}s ici jusqu’à ce que vous les effaciez.",
            "    { -brand-short-name } ne les envoie jamais à { -vendor-short-name }.",
        ],
        terms=["-brand-short-name", "-vendor-short-name"],
    )


def fam_checkbox(stem, n, a):
    verb, _, _, inf, _ = a
    en, fr = n.en(), n.fr()
    label_en = f"Always {verb} new {en['pl']} automatically"
    label_fr = f"Toujours {inf} automatiquement les nouve{'lles' if n.fem else 'aux'} {fr['pl']}"
    return Message(
        f"{stem}-{verb}-checkbox",
        ["", f"    .label = {label_en}", f"    .accesskey = {accesskey(label_en)}"],
        ["", f"    .label = {label_fr}", f"    .accesskey = {accesskey(label_fr)}"],
        attrs=["label", "accesskey"],
    )


def fam_size(stem, n, a):
    verb, pp, _, _, fr_pp = a
    en, fr = n.en(), n.fr()
    size = "{ NUMBER($size, maximumFractionDigits: 1) }"
    return Message(
        f"{stem}-{verb}-size",
        [f"{en['Pl']} {pp}: {size} MB"],
        [f"{cap(fr['pl'])} {fr_pp}{fr['e']}s{NBSP}: {size}{NBSP}Mo"],
        comment="Variables:\n#   $size (Number) - The size in megabytes.",
    )


def fam_progress(stem, n, a):
    verb, _, ing, inf, _ = a
    progress = '{ NUMBER($progress, style: "percent") }'
    return Message(
        f"{stem}-{verb}-progress",
        [f"{cap(ing)} “{{ $name }}”… {progress}"],
        [f"En cours{NBSP}: {inf} {guillemets('{ $name }')}… {progress}"],
        comment="Variables:\n#   $name (String) - What is being processed.\n#   $progress (Number) - From 0 to 1.",
        dropped=("name", f"En cours{NBSP}: {inf}… {progress}"),
    )


ACTION_FAMILIES = [
    (fam_button, 5),
    (fam_icon, 2),
    (fam_confirm, 2),
    (fam_done, 2),
    (fam_count, 2),
    (fam_restart, 1),
    (fam_unavailable, 1),
    (fam_error, 2),
    (fam_description, 1),
    (fam_checkbox, 1),
    (fam_size, 1),
    (fam_progress, 1),
]


# The first messages of every file, in this order.
def fixed_messages(stem, n, facet):
    en, fr = n.en(), n.fr()
    title = Message(f"{stem}-title", [facet[1].format(**en)], [facet[2].format(**fr)])
    empty = Message(f"{stem}-empty", [f"No {en['pl']} yet"], [f"{fr['Aucun']} pour le moment"])
    total = Message(
        f"{stem}-total",
        [
            "",
            "    { $count ->",
            f"        [one] You have one {en['sg']}.",
            f"       *[other] You have {{ NUMBER($count) }} {en['pl']}.",
            "    }",
        ],
        [
            "",
            "    { $count ->",
            f"        [one] Vous avez {{ NUMBER($count) }} {fr['sg']}.",
            f"       *[other] Vous avez {{ NUMBER($count) }} {fr['pl']}.",
            "    }",
        ],
        comment=f"Variables:\n#   $count (Number) - The number of {en['pl']}.",
        plural=True,
    )
    # A message reference to the title, which is therefore never planted on.
    help_link = Message(
        f"{stem}-help-link",
        [f"Learn more about {{ {title.id} }}"],
        [f"En savoir plus sur {guillemets('{ ' + title.id + ' }')}"],
    )
    search = Message(
        f"{stem}-search-input",
        ["", f"    .placeholder = Search {en['pl']}", f"    .aria-label = Search {en['pl']}"],
        ["", f"    .placeholder = Rechercher des {fr['pl']}", f"    .aria-label = Rechercher des {fr['pl']}"],
        attrs=["placeholder", "aria-label"],
    )
    return [title, empty, total, help_link, search]


class File:
    def __init__(self, path, stem, group, messages):
        self.path = path  # relative to the locale folder
        self.stem = stem
        self.group = group  # the resource comment
        self.messages = messages
        self.fr_extra = []  # planted obsolete messages, French only

    def render(self, locale):
        out = [LICENSE, f"### {self.group}", ""]
        for i, m in enumerate(self.messages):
            # Mozilla files group their messages under `##` headings.
            if i == 0:
                out += ["## Header", ""]
            elif i == 5:
                out += ["## Actions", ""]
            text = m.render(locale)
            if text is not None:
                out += [text, ""]
        if locale == TARGET:
            for text in self.fr_extra:
                out += [text, ""]
        return "\n".join(out).rstrip("\n") + "\n"


def make_file(rng, path, stem, noun, facet, count):
    """`count` messages about `noun`: the fixed ones, then random actions."""
    messages = fixed_messages(stem, noun, facet)[:count]
    if any(m.id.endswith("-help-link") for m in messages):
        messages[0].referenced = True
    seen = {m.id for m in messages}
    families, weights = zip(*ACTION_FAMILIES)
    tries = 0
    while len(messages) < count:
        m = rng.choices(families, weights)[0](stem, noun, rng.choice(ACTIONS))
        tries += 1
        if m.id in seen:
            if tries < 20 * count:
                continue
            m.id = f"{m.id}-{tries}"  # huge files: number the ids instead
        seen.add(m.id)
        messages.append(m)
    return File(path, stem, f"{cap(noun.en_pl)}: {facet[0]}", messages)


def brand_file(locale):
    if locale == SOURCE:
        out = [LICENSE, "## Brand names. Do not translate the product names.", ""]
    else:
        out = [LICENSE, "## Noms de marque. Ne pas traduire les noms des produits.", ""]
    for tid, en_v, fr_v in BRAND_TERMS:
        out.append(f"{tid} = {en_v if locale == SOURCE else fr_v}")
    return "\n".join(out) + "\n"


def build_files(rng, n_files, per_file):
    """Lays out n_files - 1 message files; brand.ftl makes n_files."""
    combos = [(noun, facet) for noun in NOUNS for facet in FACETS]
    rng.shuffle(combos)
    files = []
    for i in range(n_files - 1):
        noun_t, facet = combos[i % len(combos)]
        noun = Noun(*noun_t)
        stem = f"{slug(noun.en_sg)}-{facet[0]}"
        if i >= len(combos):
            stem += f"-{i // len(combos) + 1}"
        files.append(make_file(rng, f"{rng.choice(FOLDERS)}/{stem}.ftl", stem, noun, facet, per_file))
    return files


# ---------------------------------------------------------------------------
# Planting problems in the French.
# ---------------------------------------------------------------------------


def first_placeable(m):
    """The first `{ $var }` written as such on the French first line."""
    for var in ("name", "count", "reason"):
        if f"{{ ${var} }}" in m.fr[0]:
            return var
    return None


def plant(rng, files, total):
    """Plants about 1% of `total` problems, spread evenly over PLANT_KINDS,
    at most one per message. Returns what was planted, for planted.json."""
    budget = max(len(PLANT_KINDS), round(total * 0.01))
    quota = {k: budget // len(PLANT_KINDS) for k in PLANT_KINDS}
    for k in PLANT_KINDS[: budget % len(PLANT_KINDS)]:
        quota[k] += 1

    pool = [(f, m) for f in files for m in f.messages if not m.referenced]
    rng.shuffle(pool)
    planted = []

    def missing(f, m):
        m.fr_planted = []
        return "message left out of the translation"

    def obsolete(f, m):
        # en-US removed a message that the translation still has. It goes
        # into the file of the message drawn, which itself stays untouched.
        old = f"{f.stem}-legacy-notice-{len(f.fr_extra) + 1}"
        f.fr_extra.append(f"{old} = Cette option sera bientôt retirée.")
        return f"{old} exists only in the translation"

    def dropped_variable(f, m):
        var, text = m.dropped
        m.fr_planted = [text] + m.fr[1:]
        return f"${var} dropped"

    def syntax_error(f, m):
        if m.plural:
            # `*[other]` typed as `[other]`: a select needs a default variant.
            m.fr_planted = [line.replace("*[other]", " [other]") for line in m.fr]
            return "select expression without a default variant"
        var = first_placeable(m)
        m.fr_planted = [m.fr[0].replace(f"{{ ${var} }}", f"{{ ${var}", 1)] + m.fr[1:]
        return f"unclosed placeable {{ ${var}"

    def missing_attribute(f, m):
        attr = rng.choice(m.attrs)
        m.fr_planted = [line for line in m.fr if not line.strip().startswith(f".{attr} =")]
        return f".{attr} left out"

    def dropped_term(f, m):
        # The translator wrote the brand name out instead of referencing it.
        term = m.terms[0]
        name = next(fr for tid, _, fr in BRAND_TERMS if tid == term)
        m.fr_planted = [line.replace(f"{{ {term} }}", name) for line in m.fr]
        return f"{{ {term} }} written out as “{name}”"

    def typography(f, m):
        m.fr_planted = [line.replace(NNBSP, " ").replace(NBSP, " ") for line in m.fr]
        return "plain spaces before : ? and inside « »"

    rules = {
        "missing-message": (lambda m: True, missing),
        "obsolete-message": (lambda m: True, obsolete),
        "dropped-variable": (lambda m: m.dropped is not None, dropped_variable),
        "syntax-error": (lambda m: m.plural or first_placeable(m), syntax_error),
        "missing-attribute": (lambda m: m.attrs, missing_attribute),
        "dropped-term-reference": (lambda m: m.terms, dropped_term),
        "typography": (lambda m: any(NNBSP in line or NBSP in line for line in m.fr), typography),
    }
    taken = set()
    for kind in PLANT_KINDS:
        fits, apply = rules[kind]
        for f, m in pool:
            if quota[kind] == 0:
                break
            if id(m) in taken or not fits(m):
                continue
            taken.add(id(m))
            quota[kind] -= 1
            planted.append({"kind": kind, "file": f"{TARGET}/{f.path}", "id": m.id, "detail": apply(f, m)})
    return planted


L10N_TOML = """\
# compare-locales project: en-US is the reference, every other folder a locale.
# Run: compare-locales l10n.toml THIS_DIR fr
basepath = "."
locales = ["fr"]

[[paths]]
    reference = "en-US/**/*.ftl"
    l10n = "{l10n_base}/{locale}/**/*.ftl"
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--files", type=int, default=300, help="files per locale, brand.ftl included (default 300)")
    ap.add_argument("--messages-per-file", type=int, default=15, help="messages in each file (default 15)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    if args.files < 2 or args.messages_per_file < 1:
        ap.error("need --files >= 2 and --messages-per-file >= 1")

    rng = random.Random(args.seed)
    files = build_files(rng, args.files, args.messages_per_file)
    total = sum(len(f.messages) for f in files)
    planted = plant(rng, files, total)

    out = args.out_dir
    for locale in (SOURCE, TARGET):
        shutil.rmtree(out / locale, ignore_errors=True)  # no stale files
        brand = out / locale / "branding" / "brand.ftl"
        brand.parent.mkdir(parents=True)
        brand.write_text(brand_file(locale), encoding="utf-8")
        for f in files:
            p = out / locale / f.path
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(f.render(locale), encoding="utf-8")
    (out / "l10n.toml").write_text(L10N_TOML, encoding="utf-8")

    counts = {k: sum(1 for p in planted if p["kind"] == k) for k in PLANT_KINDS}
    fr_messages = total - counts["missing-message"] + counts["obsolete-message"]
    manifest = {
        "seed": args.seed,
        "files_per_locale": len(files) + 1,
        "messages": {SOURCE: total, TARGET: fr_messages},
        "terms": len(BRAND_TERMS),
        "planted_counts": counts,
        "planted": planted,
    }
    (out / "planted.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(files) + 1} files and {total} messages in {SOURCE}, "
        f"{len(planted)} planted problems in {TARGET} ({', '.join(f'{v} {k}' for k, v in counts.items())})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
