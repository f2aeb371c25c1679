"""Embedded posts: found in each shape, with author, handle, date, url and an exact original span."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean import clean_text
from sitrep.clean.posts import clean_author

# fixture, platform, author, handle, date, url, first words of the post, last words of the post
POST_CASES = [
    ("x_posts.txt", "x", "Mira Sol", "@mirasol_reports", dt.date(2025, 3, 12), "pic.twitter.com/Ab12Cd34Ef",
     "Rescue teams in Qasr Varen", "(@mirasol_reports) March 12, 2025"),
    ("x_posts.txt", "x", "Border Watch Network", "@borderwatchnet", dt.date(2025, 3, 13),
     "https://t.co/Zx9Yw8Vu7T", "Gunmen went house to house in the lower quarter, dragging men out and",
     "(@borderwatchnet) March 13, 2025"),
    ("instagram.txt", "instagram", "Lena Orsk", "@lena.orsk", dt.date(2025, 3, 8), None,
     "View this post on Instagram", "on Mar 8, 2025 at 9:41pm PST"),
    ("facebook.txt", "facebook", "Stavna Municipal Council", None, dt.date(2025, 4, 4), None,
     "The council mourns the four workers", "on Friday, April 4, 2025"),
    ("telegram.txt", "telegram", None, "@frontline_dispatch", dt.date(2025, 6, 2),
     "t.me/frontline_dispatch/4821", "Our units entered the Kelm airfield", "https://t.me/frontline_dispatch/4821"),
    ("youtube.txt", "youtube", None, None, None, None,
     "Aftermath of the Ardel market explosion", "Watch on YouTube"),
]


@pytest.mark.parametrize(("name", "platform", "author", "handle", "date", "url", "first", "last"), POST_CASES)
def test_each_embed_shape_becomes_a_post(fixture_text, name, platform, author, handle, date, url, first, last):
    original = fixture_text(name)
    clean = clean_text(original)
    matching = [post for post in clean.posts if post.handle == handle and post.platform == platform]
    assert len(matching) == 1
    post = matching[0]
    assert (post.author, post.date, post.url) == (author, date, url)
    span = original[post.start:post.end]
    assert span.startswith(first) and span.endswith(last)


def test_fixture_posts_are_the_only_posts(fixture_text):
    counts = {name: len(clean_text(fixture_text(name)).posts)
              for name in ("x_posts.txt", "instagram.txt", "facebook.txt", "telegram.txt", "youtube.txt",
                           "obfuscation.txt", "mojibake.txt")}
    assert counts == {"x_posts.txt": 2, "instagram.txt": 1, "facebook.txt": 1, "telegram.txt": 1,
                      "youtube.txt": 1, "obfuscation.txt": 0, "mojibake.txt": 0}


def test_post_text_stops_at_prompts_and_article_paragraphs(fixture_text):
    original = fixture_text("x_posts.txt")
    first = clean_text(original).posts[0]
    assert "Read more" not in original[first.start:first.end]
    assert "fighting spread" not in original[first.start:first.end]


def test_signature_lines_and_links_are_excluded_and_blanked(fixture_text):
    original = fixture_text("x_posts.txt")
    clean = clean_text(original)
    excluded = [original[start:end] for start, end in clean.excluded]
    assert "pic.twitter.com/Ab12Cd34Ef" in excluded
    assert any(text.startswith("\u2014 Mira Sol") and text.endswith("March 12, 2025") for text in excluded)
    assert any(text.startswith("\u2014 Border Watch Network") for text in excluded)
    for gone in ("pic.twitter.com", "t.co/", "(@mirasol_reports)", "(@borderwatchnet)", "March 13, 2025"):
        assert gone not in clean.text


def test_posts_sit_on_their_own_lines_in_the_cleaned_text(fixture_text):
    for name in ("x_posts.txt", "instagram.txt", "facebook.txt", "telegram.txt", "youtube.txt"):
        original = fixture_text(name)
        clean = clean_text(original)
        for post in clean.posts:
            start, end = clean.to_clean(post.start, post.end)
            assert start == 0 or clean.text[start - 1] == "\n"
            assert end == len(clean.text) or clean.text[end:].startswith("\n") or not clean.text[end:].strip()


def test_inline_signature_is_replaced_by_a_line_break_before_following_prose():
    original = ("Shelling hit the port again tonight. pic.twitter.com/Zz9 \u2014 Port Watch (@portwatch) "
                "May 2, 2025 The city council later said 3 people died.\n")
    clean = clean_text(original)
    (post,) = clean.posts
    assert original[post.start:post.end].endswith("May 2, 2025")
    lines = [line.strip() for line in clean.text.split("\n")]
    assert lines[:2] == ["Shelling hit the port again tonight.", "The city council later said 3 people died."]


def test_post_helpers_find_posts_by_original_offset(fixture_text):
    original = fixture_text("x_posts.txt")
    clean = clean_text(original)
    inside = original.index("death toll expected")
    assert clean.post_at(inside).handle == "@mirasol_reports"
    assert clean.post_at(original.index("Militia fighters stormed")) is None
    link = original.index("pic.twitter.com/Ab12")
    assert clean.is_excluded(link, link + 10)


def test_seed_posts_are_found(seed_text):
    clean = clean_text(seed_text)
    handles = [(post.handle, post.date, post.platform) for post in clean.posts]
    assert handles == [("@CherylWroteIt", dt.date(2025, 3, 8), "x"),
                       ("@tmjnewsnetwork", dt.date(2025, 3, 8), "x")]
    assert clean.posts[0].author == "Cheryl E"
    for post in clean.posts:
        span = seed_text[post.start:post.end]
        assert span.endswith("March 8, 2025") and post.handle in span
        assert post.url and post.url.startswith("pic.twitter.com/") and post.url in span


@pytest.mark.parametrize(("raw", "author"), [
    ("Jane Roe ???????\ufe0f", "Jane Roe"),
    ("Cheryl E \U0001F54A\ufe0f ??????\ufe0f", "Cheryl E"),
    ("Lena Orsk \U0001F1FA\U0001F1E6", "Lena Orsk"),
    ("\u2764\ufe0f Relief Team \u2764\ufe0f", "Relief Team"),
    ("TMJ News Network", "TMJ News Network"),
    ("Jos\u00e9 Mar\u00eda O'Neill", "Jos\u00e9 Mar\u00eda O'Neill"),
    ("Who? Me", "Who? Me"),
    ("???", None),
    ("", None),
])
def test_author_names_lose_emoji_noise(raw, author):
    assert clean_author(raw) == author


def test_a_signature_without_post_text_is_still_a_post():
    original = "\u2014 Desk Team (@desk_team) June 1, 2025\nThe ministry said 5 died.\n"
    (post,) = clean_text(original).posts
    assert original[post.start:post.end] == "\u2014 Desk Team (@desk_team) June 1, 2025"
    assert post.handle == "@desk_team" and post.date == dt.date(2025, 6, 1)


def test_a_telegram_link_inside_a_tweet_belongs_to_the_tweet():
    original = ("An article paragraph about the siege, long enough to stand on its own as prose here.\n\n"
                "Channel says 8 killed at the depot, see t.me/depot_watch/991 for the video\n"
                "\u2014 Siege Monitor (@siegemonitor) July 3, 2025\n")
    (post,) = clean_text(original).posts
    assert post.platform == "x" and post.handle == "@siegemonitor"
    assert original[post.start:post.end].startswith("Channel says 8 killed")
