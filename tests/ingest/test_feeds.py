import datetime as dt

import pytest

from sitrep.errors import InputError
from sitrep.ingest.feeds import read_feed, strip_html

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title>
<item>
  <title>Shelling hits market town</title>
  <link>https://courier.example/shelling</link>
  <guid>courier-1</guid>
  <pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
  <description>&lt;p&gt;Four people were &lt;b&gt;killed&lt;/b&gt; when shells hit the market in Arden, the council said.&lt;/p&gt;</description>
</item>
<item>
  <title>Plain summary</title>
  <link>https://courier.example/plain</link>
  <pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate>
  <description>Two farmers were wounded near the ridge road.</description>
</item>
<item>
  <title>Empty</title>
  <link>https://courier.example/empty</link>
  <description></description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Field Notes</title>
<entry>
  <title>Convoy ambushed</title>
  <id>tag:notes.example,2025:7</id>
  <link href="https://notes.example/7"/>
  <published>2025-03-06T18:00:00Z</published>
  <summary>Short summary only.</summary>
  <content type="html">&lt;p&gt;Gunmen ambushed an aid convoy on the valley road on Thursday, killing three drivers, a relief agency said.&lt;/p&gt;</content>
</entry>
</feed>
"""


@pytest.fixture
def rss(tmp_path):
    path = tmp_path / "courier.rss"
    path.write_text(RSS, encoding="utf-8")
    return path


def test_rss_entries_become_documents_with_link_date_and_title(rss):
    items = list(read_feed(rss))
    first = items[0]
    assert first.id == "courier-1"
    assert first.url == "https://courier.example/shelling"
    assert first.published == dt.date(2025, 3, 4)
    assert first.title == "Shelling hits market town"
    assert first.text == "Four people were killed when shells hit the market in Arden, the council said."


def test_an_entry_without_guid_takes_its_link_as_id(rss):
    second = list(read_feed(rss))[1]
    assert second.id == "https://courier.example/plain"
    assert second.text == "Two farmers were wounded near the ridge road."


def test_an_entry_without_text_is_an_error_and_the_feed_goes_on(rss):
    items = list(read_feed(rss))
    assert len(items) == 3
    assert isinstance(items[2], InputError)
    assert "#3" in items[2].message
    assert items[2].record_id == "https://courier.example/empty"


def test_atom_content_is_preferred_over_summary(tmp_path):
    path = tmp_path / "notes.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = read_feed(path)
    assert entry.id == "tag:notes.example,2025:7"
    assert entry.url == "https://notes.example/7"
    assert entry.published == dt.date(2025, 3, 6)
    assert "killing three drivers" in entry.text
    assert "<p>" not in entry.text


def test_a_file_that_is_not_a_feed_is_an_input_error(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>hello</note></notes>", encoding="utf-8")
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        list(read_feed(path))


@pytest.mark.parametrize("markup, expected", [
    ("<p>One</p><p>Two &amp; three</p>", "One\nTwo & three"),
    ("<div>Text<script>var x = 1;</script> here</div>", "Text here"),
])
def test_strip_html_keeps_text_and_paragraphs(markup, expected):
    assert strip_html(markup) == expected
