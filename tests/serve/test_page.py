"""The page in a real browser: Debian's chromium under Playwright, against `sitrep serve`
running as a subprocess on a store of fixture articles. These tests fail, never skip,
when the browser cannot start."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SCREENSHOT = Path("/tmp/serve-screenshot.png")


def wait_until(page, expression: str, *, timeout: float = 15.0) -> None:
    """Poll a JavaScript expression (page.wait_for_function evaluates strings, which the page's
    CSP forbids, as it should)."""
    for _ in range(int(timeout / 0.05)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout} s: {expression}")


def wait_for_markers(page) -> int:
    page.wait_for_selector("body[data-markers]")
    wait_until(page, "document.querySelectorAll('.incident-marker, .marker-cluster').length > 0")
    return int(page.get_attribute("body", "data-markers"))


def drawn(page) -> int:
    return page.locator(".incident-marker, .marker-cluster").count()


def test_markers_appear_and_a_screenshot_is_saved(page, server, tmp_path_factory):
    page.goto(server + "/")
    assert wait_for_markers(page) == 10
    assert drawn(page) >= 3  # clusters where incidents are close, circles elsewhere
    page.wait_for_selector("#timeline .uplot")
    wait_until(page, "document.querySelectorAll('.leaflet-overlay-pane path').length > 50")  # countries
    artifact = tmp_path_factory.mktemp("screenshots") / "serve-page.png"
    page.screenshot(path=str(artifact))
    shutil.copy(artifact, SCREENSHOT)
    assert artifact.stat().st_size > 10_000
    assert page.errors == []  # no script error, no CSP violation


def test_a_click_opens_the_panel_with_both_sources_disputed_figures(page, server):
    page.goto(server + "/?view=11.65,13.42,8")
    wait_for_markers(page)
    page.locator(".incident-marker").first.click()
    page.wait_for_selector(".source-figure")
    rows = [row.inner_text().split("\t") for row in page.locator(".source-figure").all()]
    figures = {cells[0].strip(): cells[-1].strip() for cells in rows}
    assert figures == {"Sahel Rights Observatory": "18", "Police in Borno State": "24", "Radio Sahel FM": "31"}
    assert page.locator("#panel .badge.disputed").count() == 1
    assert "incident=inc-" in page.url
    marked = page.locator("#panel mark.number").all_inner_texts()
    assert {"18", "24", "31"} <= set(marked)


def test_a_filter_narrows_the_markers_and_the_url(page, server):
    page.goto(server + "/")
    before = wait_for_markers(page)
    page.fill("input[name=country]", "ua")
    page.press("input[name=country]", "Enter")
    wait_until(page, "document.body.getAttribute('data-markers') === '2'")
    assert before == 10
    assert parse_qs(urlsplit(page.url).query)["country"] == ["UA"]
    page.check("input[name=disputed]")
    wait_until(page, "document.body.getAttribute('data-markers') === '0'")
    assert parse_qs(urlsplit(page.url).query)["disputed"] == ["true"]


def test_the_url_restores_the_filters_of_a_shared_view(page, server):
    page.goto(server + "/?type=Battles&view=14.5,43.2,7")
    assert wait_for_markers(page) == 3
    assert page.input_value("select[name=type]") == "Battles"


def test_the_document_view_marks_claims_figures_posts_and_repeats(page, server):
    page.goto(server + "/?view=15.45,36.4,8")
    wait_for_markers(page)
    page.locator(".incident-marker").first.click()
    page.wait_for_selector(".open-document")
    page.locator(".open-document").first.click()
    page.wait_for_selector("#doc-text")
    assert "Seven" in page.locator("#doc-text .number").all_inner_texts()
    assert page.locator("#doc-text .claim-span").count() >= 1
    assert "Armed men moved" in " ".join(page.locator("#doc-text .repeat").all_inner_texts())
    assert page.locator("#doc-text .post").count() >= 1
    assert "doc=arbat_raid" in page.url


def test_a_hostile_article_runs_nothing_and_is_shown_as_text(page, server):
    page.goto(server + "/?view=14.48,-4.18,8")
    wait_for_markers(page)
    page.locator(".incident-marker").first.click()
    page.wait_for_selector(".open-document")
    panel = page.inner_text("#panel")
    assert "> group" in panel  # the source name made of markup, as text
    page.locator(".open-document").first.click()
    page.wait_for_selector("#doc-text")
    text = page.inner_text("#doc-text")
    assert "<script>window.__sitrepHacked=1</script>" in text
    assert '<img src=x onerror="window.__sitrepHacked=2">' in text
    assert "<script>window.__sitrepHacked=1</script>Market fire in Mopti" in page.inner_text("#panel h2")
    assert "Mopti Voices <script>" in page.inner_text("#panel")  # the post's author, as text
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__sitrepHacked") == "undefined"
    assert page.dialogs == []
    assert page.locator("#panel img, #panel script, #panel b, #panel a[href^='javascript']").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert all(href.startswith(("http://", "https://")) for href in hrefs)
    assert page.errors == []


def test_brushing_the_timeline_filters_the_map_by_date(page, server):
    page.goto(server + "/")
    assert wait_for_markers(page) == 10
    page.wait_for_selector("#timeline .u-over")
    box = page.locator("#timeline .u-over").bounding_box()
    # the timeline runs from 10 Nov 2024 to 10 Mar 2025: the first fifth holds only the Ukrainian incidents
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, y, steps=5)
    page.mouse.up()
    wait_until(page, "document.body.getAttribute('data-markers') === '2'")
    query = parse_qs(urlsplit(page.url).query)
    assert "2024-11-10" <= query["since"][0] <= "2024-11-11" < query["until"][0] < "2025-01-16"
    assert page.input_value("input[name=since]") == query["since"][0]
    assert page.input_value("input[name=until]") == query["until"][0]


def test_places_known_only_roughly_are_drawn_as_rings(page, server):
    page.goto(server + "/?view=15.45,36.4,8")
    wait_for_markers(page)
    ring = page.locator("path.incident-marker").first
    assert float(ring.get_attribute("fill-opacity")) < 0.2 and float(ring.get_attribute("stroke-width")) > 2
