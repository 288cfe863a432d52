"""Articles in German, French and Spanish: their language, their figures, and facts across languages."""
from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.articles import SourceInfo, article_from_bytes, parse_article
from factcheck.claims import extract_claims
from factcheck.cli import app
from factcheck.detection import detect, html_lang, language_code
from factcheck.languages import english_form, for_language, reading_text
from factcheck.packs import load_knowledge
from factcheck.yamlio import RuleError

from .conftest import RULES

PUBLISHED = date(2025, 6, 12)  # a Thursday

GERMAN = ("Die deutschen Exporte nach China sind im Mai um 4,8 Prozent gegenüber dem Vorjahr gestiegen, "
          "wie das Statistikamt am Dienstag mitteilte. Die Regierung stellte dafür 1.234,5 Mio. Euro bereit.")
FRENCH = ("Les exportations allemandes vers la Chine ont augmenté de 4,8 % sur un an en mai, selon les "
          "données publiées mardi par l'office statistique. Le gouvernement a débloqué 1 234,5 millions d'euros.")
SPANISH = ("Las exportaciones alemanas a China subieron un 4,8 % interanual en mayo, según los datos "
           "publicados el martes por la oficina de estadística. El Gobierno destinó 28,8 mil millones de dólares.")
ENGLISH = ("German exports to China rose 4.8% in May from a year earlier, the statistics office said on "
           "Tuesday. The government set aside $28.8 billion for the programme.")


def _claims(text: str, kn, lang: str | None = None, published: date = PUBLISHED):
    article = parse_article(text, "a.txt", SourceInfo(None, published, lang), kn)
    return article, extract_claims(article, kn)


def _of(claims, type_):
    return [c for c in claims if c.type == type_]


@pytest.mark.parametrize("text, lang", [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (ENGLISH, "en")])
def test_the_language_of_an_article_is_detected(text, lang, kn):
    assert detect(text, kn) == lang


def test_a_short_text_without_a_clear_vote_is_detected_by_the_model(kn):
    assert detect("Merz und Macron.", kn) in ("de", "fr", "en", "es")
    assert detect("Der Handelsstreit eskaliert weiter", kn) == "de"


def test_front_matter_html_and_sources_declare_the_language(kn, tmp_path):
    md = b"---\nlang: fr-FR\npublished: 2025-06-12\n---\nThe text is in English, but the file says French.\n"
    assert article_from_bytes(md, "text", "a.md", SourceInfo(), kn).lang == "fr"
    page = (b"<html lang='es-ES'><head><title>t</title></head><body><article><p>"
            + ENGLISH.encode() + b"</p></article></body></html>")
    assert article_from_bytes(page, "html", "a.html", SourceInfo(), kn).lang == "es"
    assert article_from_bytes(md, "text", "a.md", SourceInfo(), kn, lang="de").lang == "de"
    assert html_lang('<HTML class="x" LANG="de">') == "de" and html_lang("<html>") is None
    assert language_code("de_DE") == "de" and language_code("not a tag") is None


def test_lang_forces_the_language_and_is_shown_in_the_sources(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "in" / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "sources.yaml").write_text(
        "de.txt: {published: 2025-06-12}\nen.txt: {published: 2025-06-12, lang: en}\n", encoding="utf-8")
    api.run([tmp_path / "in"], tmp_path / "out", rules_dirs=[RULES])
    data = json.loads((tmp_path / "out" / "conflicts.json").read_text(encoding="utf-8"))
    assert {s["id"]: s["lang"] for s in data["sources"]} == {"de.txt": "de", "en.txt": "en"}
    assert "| Language" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    api.run([tmp_path / "in"], tmp_path / "forced", rules_dirs=[RULES], lang="fr")
    forced = json.loads((tmp_path / "forced" / "conflicts.json").read_text(encoding="utf-8"))
    assert {s["lang"] for s in forced["sources"]} == {"fr"}
    assert forced["generator"]["options"]["lang"] == "fr"


def test_an_unknown_lang_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--lang", "xx"])
    assert result.exit_code == 2 and "--lang" in result.output


@pytest.mark.parametrize("number, decimal, groups, english", [
    ("34,5", ",", ".", "34.5"), ("1.234,5", ",", ".", "1,234.5"), ("1.234", ",", ".", "1,234"),
    ("1 234,5", ",", " ", "1,234.5"), ("3.5", ",", ".", None), ("1,234.5", ",", ".", None),
    ("1.23.456", ",", ".", None), ("2025", ",", ".", "2025"), ("12 500", ",", " .", "12,500"),
    ("030 123", ",", " ", None), ("0,5", ",", ".", "0.5")])
def test_numbers_are_rewritten_in_the_english_form_or_not_at_all(number, decimal, groups, english):
    assert english_form(number, decimal, groups) == english


def test_the_reading_text_keeps_offsets_and_masks_what_is_uncertain(kn):
    german = for_language(kn, "de")
    text = "Der Zoll stieg von 3.5 auf 34,5 % und 1.234,5 Mio. Euro."
    read = reading_text(text, german)
    assert len(read) == len(text)
    assert "#.#" in read and "34.5 %" in read and "1,234.5 Mio." in read


def test_german_percentages_money_and_dates(kn):
    article, claims = _claims(GERMAN, kn)
    assert article.lang == "de"
    (pct,) = _of(claims, "percent")
    assert (pct.value, pct.measure, pct.period, pct.qualifiers.basis, pct.qualifiers.direction) == \
        (4.8, "exports", "may", "year-on-year", "rise")
    assert pct.text == "4,8 Prozent" and "4,8 Prozent" in pct.sentence and pct.lang == "de"
    (money,) = _of(claims, "money")
    assert (money.value, money.unit, money.text) == (1234500000.0, "EUR", "1.234,5 Mio. Euro")
    days = {c.display: c.value for c in _of(claims, "date")}
    assert days["Dienstag"] == ("2025-06-10", "2025-06-10")


def test_french_figures_with_spaces_and_elisions(kn):
    _, claims = _claims(FRENCH, kn)
    (pct,) = _of(claims, "percent")
    assert (pct.value, pct.measure, pct.qualifiers.basis) == (4.8, "exports", "year-on-year")
    (money,) = _of(claims, "money")
    assert (money.value, money.unit, money.text) == (1234500000.0, "EUR", "1 234,5 millions d'euros")
    assert {c.value for c in _of(claims, "date") if c.qualifiers.form == "weekday"} == {("2025-06-10", "2025-06-10")}


def test_spanish_figures_with_mil_millones(kn):
    _, claims = _claims(SPANISH, kn)
    (pct,) = _of(claims, "percent")
    assert (pct.value, pct.qualifiers.basis, pct.qualifiers.direction) == (4.8, "year-on-year", "rise")
    (money,) = _of(claims, "money")
    assert (money.value, money.unit) == (28800000000.0, "USD")


@pytest.mark.parametrize("text, lang, day", [
    ("Die Minister trafen sich am 9. Juni 2025 in Brüssel zu einem Gipfel.", "de", "2025-06-09"),
    ("Les ministres se sont réunis le 9 juin à Bruxelles pour un sommet.", "fr", "2025-06-09"),
    ("Los ministros se reunieron el 9 de junio de 2025 en Bruselas en una cumbre.", "es", "2025-06-09"),
    ("Les ministres se sont réunis lundi dernier à Bruxelles pour un sommet.", "fr", "2025-06-09"),
    ("Los ministros se reunirán el próximo lunes en Bruselas en una cumbre.", "es", "2025-06-16"),
    ("Die Minister werden sich am kommenden Montag in Brüssel zu einem Gipfel treffen.", "de", "2025-06-16"),
])
def test_dates_and_weekdays_in_each_language(text, lang, day, kn):
    _, claims = _claims(text, kn, lang)
    assert [c.value for c in _of(claims, "date")] == [(day, day)]


def test_a_spanish_morning_is_not_tomorrow(kn):
    _, claims = _claims("Los ministros se reunieron por la mañana en Bruselas.", kn, "es")
    assert _of(claims, "date") == []


def test_uncertain_numbers_are_not_claims_in_their_language(kn):
    _, claims = _claims("Der Zoll auf Stahl liegt nun bei 3.5 Prozent, zuvor bei 1,234.5 Prozent.", kn, "de")
    assert _of(claims, "percent") == []
    _, english = _claims("The tariff on steel now stands at 34,5 %, after 1 234,5 before.", kn, "en")
    assert [(c.type, c.value) for c in english if c.type in ("percent", "count")] == [("percent", 34.5)]


def test_titles_read_into_the_english_offices(kn):
    _, de = _claims("Bundeskanzler Friedrich Merz sprach mit US-Präsident Donald Trump.", kn, "de")
    offices = {c.qualifiers.person: (c.qualifiers.role, c.qualifiers.country) for c in _of(de, "title")}
    assert offices == {"Friedrich Merz": ("chancellor", None), "Donald Trump": ("president", "united states")}
    _, fr = _claims("Le président américain Donald Trump a appelé l'ancien président Nicolas Sarkozy.", kn, "fr")
    assert {c.qualifiers.person: c.qualifiers.qualifier for c in _of(fr, "title")} == \
        {"Donald Trump": None, "Nicolas Sarkozy": "former"}
    _, es = _claims("El expresidente Mariano Rajoy habló con la prensa.", kn, "es")
    assert [(c.qualifiers.role, c.qualifiers.qualifier) for c in _of(es, "title")] == [("president", "former")]


def test_an_english_and_a_german_report_of_one_fact_are_one_fact(ruleset):
    report = api.check_texts([
        ("en.txt", "German exports to China rose 4.8% in May from a year earlier, the statistics office said.", PUBLISHED),
        ("de.txt", "Die deutschen Exporte nach China sind im Mai um 5,8 Prozent gegenüber dem Vorjahr gestiegen, "
                   "teilte das Statistikamt mit.", PUBLISHED)], ruleset)
    (finding,) = [f for f in report.findings if f.kind == "percent"]
    assert {c.article for c in finding.claims} == {"en.txt", "de.txt"} and finding.verdict == "contradiction"


def test_a_language_pack_measure_must_be_an_english_key(tmp_path):
    base = tmp_path / "knowledge"
    base.mkdir()
    for path in (RULES / "knowledge").glob("*.yml"):
        (base / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (base / "lang").mkdir()
    (base / "lang" / "de.yml").write_text("language: de\nmeasures:\n  Ausfuhren: [Exporte]\n", encoding="utf-8")
    kn = load_knowledge([base])
    with pytest.raises(RuleError, match="not a key of the English packs"):
        for_language(kn, "de")


def test_month_names_and_number_marks_come_from_cldr(kn):
    french = for_language(kn, "fr")
    assert french.month_abbr["févr"] == "february" and french.weekdays[0] == "lundi"
    assert french.lang_words["decimal"] == "," and " " in french.lang_words["groups"]
    assert for_language(kn, "de").scales["milliarden"] == 10 ** 9 and for_language(kn, "es").scales["mil millones"] == 10 ** 9
    _, claims = _claims("Die Minister trafen sich am 3. März 2025 zu einem Gipfel.", kn, "de")
    assert [c.value for c in _of(claims, "date")] == [("2025-03-03", "2025-03-03")]


def test_german_compounds_are_read_in_two(kn):
    _, claims = _claims("Die Autoexporte in die USA sind im August um 12,4 Prozent gegenüber dem Vorjahr gesunken. "
                        "Die Stahlzölle von 25 Prozent bleiben.", kn, "de")
    exports, tariff = _of(claims, "percent")
    assert (exports.measure, "auto" in exports.mods) == ("exports", True)
    assert (tariff.measure, "steel" in tariff.mods) == ("tariff", True)


def test_money_paid_for_something_takes_the_verb_as_its_measure(kn):
    _, fr = _claims("Ardentis a signé un accord pour racheter Solvane pour 4,2 milliards d'euros.", kn, "fr")
    _, es = _claims("Kalvia se comprometió a comprar maquinaria por valor de 42.500 millones de euros.", kn, "es")
    assert [(c.measure, c.value) for c in _of(fr, "money")] == [("deal value", 4.2e9)]
    assert [(c.measure, c.value) for c in _of(es, "money")] == [("deal value", 4.25e10)]


def test_an_article_in_a_language_without_a_pack_is_noted(ruleset):
    report = api.check_articles([parse_article(ENGLISH, "it.txt", SourceInfo(None, PUBLISHED, "it"), ruleset.knowledge)],
                                ruleset)
    assert any("no language pack for it.txt (it)" in note for note in report.notes)


def test_claims_command_reads_in_the_forced_language(tmp_path):
    (tmp_path / "a.txt").write_text("Les exportations ont augmenté de 4,8 % sur un an en mai.", encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(tmp_path / "a.txt"), "--json", "--lang", "fr", "--rules", str(RULES)])
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(r["type"], r["text"], r["lang"]) for r in rows if r["type"] == "percent"] == [("percent", "4,8 %", "fr")]


@pytest.mark.parametrize("text, lang, person, office", [
    ("Frankreichs Präsidenten Emmanuel Macron traf er am Dienstagabend.", "de", "Emmanuel Macron", "president [france]"),
    ("La présidente de la Commission européenne, Ursula von der Leyen, est arrivée.", "fr", "Ursula von der Leyen",
     "president of european commission"),
    ("Le ministre de l'Économie Éric Lombard a parlé.", "fr", "Éric Lombard", "minister of economy"),
    ("El ministro de Economía, Carlos Cuerpo, viajó a Bruselas.", "es", "Carlos Cuerpo", "minister of economy"),
    ("El presidente estadounidense, Donald Trump, habló.", "es", "Donald Trump", "president [united states]"),
])
def test_titles_with_portfolios_and_places_read_as_in_english(text, lang, person, office, kn):
    _, claims = _claims(text, kn, lang)
    assert [(c.qualifiers.person, c.value) for c in _of(claims, "title")] == [(person, office)]


def test_a_weekday_with_a_part_of_the_day(kn):
    _, claims = _claims("Die Minister trafen sich am Dienstagabend in Brüssel zu einem Gipfel.", kn, "de")
    assert [c.value for c in _of(claims, "date")] == [("2025-06-10", "2025-06-10")]


def test_a_year_before_a_count_stays_two_numbers_and_a_phone_number_is_no_figure(kn):
    french = for_language(kn, "fr")
    assert reading_text("en 2025 300 personnes, 1 234,5 euros", french) == "en 2025 300 personnes, 1,234.5 euros"
    assert reading_text("au 030 123 456", french) == "au ### ### ###"


@pytest.mark.parametrize("text, lang, day", [
    ("Am Freitag wollen die Finanzminister in Brüssel erneut beraten.", "de", "2025-06-13"),
    ("Los ministros se reunirán el viernes en Bruselas en una cumbre.", "es", "2025-06-13"),
    ("Les ministres se réuniront vendredi à Bruxelles pour un sommet.", "fr", "2025-06-13"),
    ("Los ministros se reunieron el viernes en Bruselas en una cumbre.", "es", "2025-06-06"),
])
def test_the_tense_of_a_weekday_in_each_language(text, lang, day, kn):
    _, claims = _claims(text, kn, lang)
    assert [c.value for c in _of(claims, "date")] == [(day, day)]


def test_a_doubled_initialism_is_one_place(kn):
    _, claims = _claims("Las exportaciones a EE.UU. cayeron un 5 % en mayo. Otras cosas.", kn, "es")
    assert [(c.measure, c.mods) for c in _of(claims, "percent")] == [("exports", frozenset({"united states"}))]


def test_the_rules_hash_covers_the_language_packs(tmp_path):
    import shutil

    from factcheck.rules import load_ruleset

    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    pack = copy / "knowledge" / "lang" / "fr.yml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_ruleset([copy]).digest() != load_ruleset([RULES]).digest()


def test_german_story_words_are_names_not_common_nouns(kn):
    from factcheck.claims import first_pass

    article = parse_article("Die Regierung in Nordhafen stellte der Branche Hilfen im Wert von 1,5 Mrd. Euro bereit, "
                            "sagte Ministerin Karin Vosslund in Norland.", "a.txt", SourceInfo(None, PUBLISHED, "de"), kn)
    assert first_pass(article, kn)[2] == {"nordhafen", "karin", "vosslund", "norland"}


def test_claimreview_appearances_say_their_language(tmp_path):
    from .conftest import ROOT

    api.run([ROOT / "tests" / "data" / "kalvia"], tmp_path, rules_dirs=[RULES], formats=("claimreview",))
    records = json.loads((tmp_path / "claimreview.jsonld").read_text(encoding="utf-8"))
    languages = {a["name"]: a["inLanguage"] for r in records for a in r["itemReviewed"]["appearance"]}
    assert languages == {"k_en.txt": "en", "k_de.txt": "de", "k_fr.txt": "fr", "k_es.txt": "es"}


def test_a_language_knowledge_keeps_its_own_derived_caches():
    from factcheck.claims import dates, money
    from factcheck.store import _EXTRACTION, modules_behind

    kn = load_knowledge([RULES / "knowledge"])
    english = (dates.patterns(kn), money.patterns(kn))
    german = for_language(kn, "de")
    assert german is not kn and "_derived" not in german.__dict__
    assert dates.patterns(german) is not english[0] and money.patterns(german) is not english[1]
    assert dates.patterns(kn) is english[0] and dates.patterns(german) is dates.patterns(german)
    assert kn.__dict__["_derived"] is not german.__dict__["_derived"]
    assert "languages.py" in modules_behind(_EXTRACTION)
