"""The rule-based check that a text is English."""

import pytest

from sitrep.clean.language import guess_language, language_warnings


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen killed twelve people in the village of Kiri on Monday, the district police chief said "
         "after the attack.", "English"),
        ("Des hommes armés ont tué douze civils dans le village de Kiri lundi, selon les autorités locales "
         "qui ont confirmé le bilan.", "French"),
        ("Hombres armados mataron a doce civiles en la aldea de Kiri el lunes, según las autoridades que "
         "confirmaron el balance de la tarde.", "Spanish"),
        ("Bewaffnete haben am Montag in dem Dorf zwölf Zivilisten getötet, sagte die Polizei nach dem Angriff "
         "auf die Siedlung.", "German"),
        ("قتل مسلحون اثني عشر مدنيا في قرية شمال البلاد يوم الاثنين بحسب مصادر محلية", "Arabic"),
        ("Боевики убили двенадцать мирных жителей в деревне на севере страны в понедельник, сообщила полиция.",
         "Cyrillic"),
        ("Ten killed.", None),  # too short to judge
        ("On 9 May 2020, 21 coalition airstrikes reportedly targeted Khabb district (Al Jawf). "
         "No fatalities nor injuries reported.", "English"),
    ],
)
def test_languages_are_told_apart_by_script_and_function_words(text, language):
    guessed = guess_language(text)
    assert guessed == language or (language is not None and guessed is not None and guessed.startswith(language))


def test_terse_english_notes_are_not_flagged():
    note = ("Looting: Police arrested 4 suspects in Kisumu (Kisumu) during protests; 2 injured. "
            "Fatalities: 0. Actors: Police Forces of Kenya; Rioters; Civilians.")
    assert language_warnings(note) == ()
