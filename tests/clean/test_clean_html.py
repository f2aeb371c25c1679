"""HTML input: article body via trafilatura, embeds kept as plain-text posts."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean import clean_text
from sitrep.clean.html import html_to_text
from sitrep.errors import InputError
from sitrep.ingest.readers import read_document


@pytest.fixture
def embeds_text(fixture_text) -> str:
    return html_to_text(fixture_text("embeds.html"), origin="embeds.html")


def test_tweet_blockquote_becomes_the_plain_x_shape(embeds_text):
    assert ("Shelling has not stopped in Hollin since 4am. At least six dead on our street alone. "
            "pic.twitter.com/Qw3Er5Ty7U\n\u2014 Tomas Varga") in embeds_text
    assert "(@tvarga_news) March 9, 2025" in embeds_text


def test_every_embed_in_html_is_found_as_a_post(embeds_text):
    posts = clean_text(embeds_text).posts
    found = [(p.platform, p.author, p.handle, p.date) for p in posts]
    assert found == [
        ("x", "Tomas Varga", "@tvarga_news", dt.date(2025, 3, 9)),
        ("instagram", "Teral Relief", "@teral.relief", None),
        ("facebook", "Teral Red Crescent", None, dt.date(2025, 3, 9)),
        ("telegram", None, "@teral_front", None),
        ("youtube", None, None, None),
    ]
    assert [p.url for p in posts] == [
        "pic.twitter.com/Qw3Er5Ty7U", "https://www.instagram.com/p/DExample12/",
        "https://www.facebook.com/teralredcrescent/posts/1", "t.me/teral_front/310",
        "https://www.youtube.com/watch?v=hL7tQ2xY9aB",
    ]


def test_article_paragraphs_stay_outside_posts(embeds_text):
    clean = clean_text(embeds_text)
    for sentence in ("Residents of Hollin said the shelling", "The valley's only bridge was closed",
                     "A spokesman for the provincial governor", "The directorate said it would publish"):
        assert clean.post_at(embeds_text.index(sentence)) is None
    assert "Home" not in embeds_text and "Copyright" not in embeds_text


def test_read_document_uses_the_embed_aware_converter(fixture_path):
    document = read_document(fixture_path("embeds.html"))
    assert "\u2014 Tomas Varga" in document.text and "A post shared by Teral Relief" in document.text


@pytest.mark.parametrize("html", [
    "<html><body></body></html>",
    "<html><body><script>var x = 1;</script><p>   </p></body></html>",
    "",
])
def test_html_without_text_raises_input_error_naming_the_source(html):
    with pytest.raises(InputError) as caught:
        html_to_text(html, origin="empty.html")
    assert caught.value.source == "empty.html"


def test_tweet_inside_a_paragraph_is_set_on_its_own_lines_with_its_status_link():
    html = ("<html><body><article><p>The first paragraph of the report describes the fighting in the city "
            "over several days and nights.</p><p>Before the quote <blockquote class=\"twitter-tweet\"><p>Two dead "
            "near the bridge tonight.</p>&mdash; Ana B (@anab) <a href=\"https://twitter.com/anab/status/77\">"
            "April 2, 2025</a></blockquote> and after it, the paragraph goes on for a while longer.</p>"
            "</article></body></html>")
    text = html_to_text(html, origin="inline.html")
    (post,) = clean_text(text).posts
    assert text[post.start:post.end] == ("Two dead near the bridge tonight.\nhttps://twitter.com/anab/status/77\n"
                                         "\u2014 Ana B (@anab) April 2, 2025")
    assert post.url == "https://twitter.com/anab/status/77" and post.date == dt.date(2025, 4, 2)
