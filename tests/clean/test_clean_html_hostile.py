"""HTML as scrapers find it: <noscript> fallbacks and absurdly deep nesting."""

import pytest

from sitrep.clean.html import html_to_text

BODY = ("<p>Gunmen killed twelve people in the village of Kiri on Monday, the district police chief told "
        "reporters by telephone.</p><p>Residents said the attackers arrived on motorcycles and burned "
        "several houses before leaving the area.</p>")


def test_noscript_text_is_not_article_text():
    page = (f"<html><body><article>{BODY}<noscript><p>Please enable JavaScript to view the comments. "
            "500 readers were killed by this browser.</p></noscript></article></body></html>")
    text = html_to_text(page, origin="page.html")
    assert "Gunmen killed twelve people" in text
    assert "JavaScript" not in text and "500" not in text


@pytest.mark.parametrize("depth", [253, 254, 300, 3000])
def test_deeply_nested_articles_still_yield_their_text(depth):
    page = "<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>"
    text = html_to_text(page, origin="deep.html")
    assert "Gunmen killed twelve people in the village of Kiri" in text
    assert "Residents said" in text


def test_deep_nesting_still_skips_scripts_and_noscript():
    page = ("<html><body>" + "<div>" * 400 + "<script>var killed = 99;</script><noscript>Enable JS</noscript>"
            + BODY + "</div>" * 400 + "</body></html>")
    text = html_to_text(page, origin="deep.html")
    assert "var killed" not in text and "Enable JS" not in text and "Gunmen" in text
