"""The JSON API through Starlette's test client, over a store of fixture articles."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from sitrep.serve import ServeConfig, create_app

TOKEN = "test-token-7f3a"


def places(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {row["location"]["name"] for row in response.json()["incidents"] if row["location"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({"since": "2025-02-01"}, {"Konduga", "Mopti", "Kassala"}),
    ({"until": "2024-12-31"}, {"Kherson", "Kupiansk"}),
    ({"since": "2025-01-17", "until": "2025-01-17"}, {"Hodeidah", "Bayt al-Faqih"}),
    ({"country": "ng"}, {"Konduga"}),
    ({"country": "UA"}, {"Kherson", "Kupiansk"}),
    ({"type": "battles"}, {"Al-Mahjar", "Bajil", "Bayt al-Faqih"}),
    ({"min_killed": "50"}, {"Hodeidah", "Zabid"}),
    ({"disputed": "true"}, {"Hodeidah", "Konduga"}),
    ({"bbox": "30,45,40,51"}, {"Kherson", "Kupiansk"}),
    ({"bbox": "10,10,20,20"}, {"Konduga"}),
    ({"q": "livestock"}, {"Konduga"}),
    ({"q": "Kupiansk"}, {"Kupiansk"}),
    ({"q": "cattle market"}, {"Mopti"}),
    ({"country": "YE", "min_killed": "10", "disputed": "false"}, {"Bajil", "Zabid"}),
])
def test_each_filter_selects_the_matching_incidents(client, params, expected):
    assert places(client.get("/api/v1/incidents", params=params)) == expected


def test_disputed_false_is_the_complement_of_disputed_true(client):
    everything = places(client.get("/api/v1/incidents"))
    disputed = places(client.get("/api/v1/incidents", params={"disputed": "true"}))
    undisputed = places(client.get("/api/v1/incidents", params={"disputed": "false"}))
    assert disputed | undisputed == everything and not disputed & undisputed


def test_pages_follow_the_cursor_in_a_stable_order_without_repeats(client):
    whole = [row["id"] for row in client.get("/api/v1/incidents").json()["incidents"]]
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/v1/incidents", params=params).json()
        assert len(body["incidents"]) <= 3
        seen += [row["id"] for row in body["incidents"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == whole and len(set(seen)) == len(seen) == 10
    dates = [row["date"]["start"] for row in client.get("/api/v1/incidents").json()["incidents"]]
    assert dates == sorted(dates)


def test_a_cursor_keeps_the_filters_of_its_query(client):
    first = client.get("/api/v1/incidents", params={"country": "YE", "limit": 2}).json()
    rest = client.get("/api/v1/incidents", params={"country": "YE", "cursor": first["next_cursor"]}).json()
    assert len(first["incidents"]) + len(rest["incidents"]) == 5
    assert {row["location"]["country"] for row in rest["incidents"]} == {"YE"}


@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/v1/incidents?since=yesterday", "since"),
    ("/api/v1/incidents?until=2025-13-01", "until"),
    ("/api/v1/incidents?country=Syria", "country"),
    ("/api/v1/incidents?min_killed=ten", "min_killed"),
    ("/api/v1/incidents?min_killed=-1", "min_killed"),
    ("/api/v1/incidents?disputed=maybe", "disputed"),
    ("/api/v1/incidents?bbox=1,2,3", "bbox"),
    ("/api/v1/incidents?bbox=0,50,10,40", "bbox"),
    ("/api/v1/incidents?bbox=0,0,200,10", "bbox"),
    ("/api/v1/incidents?limit=0", "limit"),
    ("/api/v1/incidents?limit=5000", "limit"),
    ("/api/v1/incidents?cursor=not-a-cursor", "cursor"),
    ("/api/v1/incidents.geojson?since=2025-02-30", "since"),
    ("/api/v1/clusters?zoom=99", "zoom"),
    ("/api/v1/stats/daily?country=1", "country"),
    ("/api/v1/export?format=xls", "format"),
    ("/api/v1/export", "format"),
])
def test_a_bad_parameter_is_a_400_naming_it(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error) == {"code", "message"} and error["code"] == "bad_parameter"
    assert error["message"].startswith(parameter + ":")
    assert "Traceback" not in response.text


@pytest.mark.parametrize("url", ["/api/v1/incidents/inc-999999", "/api/v1/documents/no-such-document",
                                 "/api/v1/nowhere", "/nowhere"])
def test_an_unknown_id_or_path_is_a_404_in_the_error_shape(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_wrong_method_is_answered_in_the_error_shape(client):
    response = client.delete("/api/v1/incidents")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_the_disputed_incident_lists_each_sources_figure_and_every_claim(client, incident_at):
    konduga = incident_at("Konduga")
    data = client.get(f"/api/v1/incidents/{konduga['id']}").json()
    assert data["disputed"] is True and data["killed"] == {"low": 18, "best": 18, "high": 31}
    figures = {s["source"]: s["low"] for s in data["source_figures"]}
    assert figures == {"Sahel Rights Observatory": 18, "Police in Borno State": 24, "Radio Sahel FM": 31}
    for claim in data["claim_records"]:
        assert {"count", "source", "date", "location", "evidence", "document"} <= set(claim)
        assert claim["count"]["qualifier"] and claim["evidence"]["end"] > claim["evidence"]["start"]
    syndicated = [c for c in data["claim_records"] if c["document"] == "konduga-syndicated"]
    assert syndicated and not syndicated[0]["independent"]


def test_a_claims_number_span_points_at_its_figure_in_the_document(client, incident_at):
    konduga = incident_at("Konduga")
    data = client.get(f"/api/v1/incidents/{konduga['id']}").json()
    for claim in data["claim_records"]:
        text = client.get(f"/api/v1/documents/{claim['document']}").json()["text"]
        evidence = claim["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
        assert text[claim["number"]["start"]:claim["number"]["end"]] == claim["count"]["text"]


def test_the_document_view_has_the_text_and_the_spans_of_claims_posts_and_repeats(client):
    doc = client.get("/api/v1/documents/hostile-market").json()
    assert doc["text"].startswith("<script>") and doc["url"].startswith("javascript:")
    assert doc["posts"] and doc["posts"][0]["handle"] == "@moptivoices"
    assert all(doc["text"][c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"]
               for c in doc["claims"])
    raid = client.get("/api/v1/documents/arbat_raid").json()
    (post,), (repeat,) = raid["posts"], raid["duplicates"]
    assert post["start"] <= repeat["start"] < repeat["end"] <= post["end"]
    assert raid["text"][repeat["start"]:].startswith("Armed men moved") and repeat["of_end"] < post["start"]
    assert raid["claims"] and all(c["incident"] for c in raid["claims"] if c["outcome"] == "killed")


def test_geojson_is_a_feature_collection_of_the_filtered_incidents(client):
    body = client.get("/api/v1/incidents.geojson", params={"country": "UA"}).json()
    assert body["type"] == "FeatureCollection"
    names = {f["properties"]["place"] for f in body["features"]}
    assert names == {"Kherson", "Kupiansk"}
    kherson = next(f for f in body["features"] if f["properties"]["place"] == "Kherson")
    assert kherson["geometry"] == {"type": "Point", "coordinates": [pytest.approx(32.61, abs=0.1),
                                                                    pytest.approx(46.64, abs=0.1)]}
    paged = client.get("/api/v1/incidents.geojson", params={"limit": 4}).json()
    assert len(paged["features"]) == 4 and paged["next_cursor"]


def test_clusters_count_the_located_incidents_in_view(client):
    world = client.get("/api/v1/clusters", params={"zoom": 1}).json()
    assert world["total"] == 10 and sum(c["count"] for c in world["clusters"]) == 10
    yemen = client.get("/api/v1/clusters", params={"zoom": 3, "bbox": "40,10,46,18"}).json()
    assert yemen["total"] == 5


def test_sources_show_whose_figures_were_lowest_best_and_highest(client):
    rows = {row["source"]: row for row in client.get("/api/v1/sources").json()["sources"]}
    assert rows["Radio Sahel FM"]["highest"] == 1 and rows["Radio Sahel FM"]["lowest"] == 0
    observatory = rows["Sahel Rights Observatory"]
    assert observatory["lowest"] == 1 and observatory["best"] == 1 and observatory["claims"] == 2
    assert rows["Police in Borno State"]["disputed_incidents"] == 1
    assert all(row["claims"] >= 1 for row in rows.values())


def test_daily_stats_add_up_the_incidents_of_each_day(client):
    days = {d["date"]: d for d in client.get("/api/v1/stats/daily").json()["days"]}
    incidents = client.get("/api/v1/incidents").json()["incidents"]
    for date, day in days.items():
        same_day = [i for i in incidents if i["date"]["start"] == date]
        assert day["incidents"] == len(same_day)
        assert day["best"] == sum(i["killed"]["best"] or 0 for i in same_day)
        assert day["low"] <= day["best"] <= day["high"]
    assert set(client.get("/api/v1/stats/daily", params={"country": "NG"}).json()["days"][0]) >= {"date", "best"}
    assert [d["date"] for d in client.get("/api/v1/stats/daily", params={"country": "NG"}).json()["days"]] == \
        ["2025-02-14"]


@pytest.mark.parametrize("format_", ["acled", "ucdp", "geojson", "jsonl"])
def test_exports_are_filtered(client, format_):
    response = client.get("/api/v1/export", params={"format": format_, "country": "UA"})
    assert response.status_code == 200
    if format_ in ("acled", "ucdp"):
        rows = list(csv.DictReader(io.StringIO(response.text)))
    elif format_ == "geojson":
        rows = response.json()["features"]
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == 2  # Kherson and Kupiansk


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/incidents", "/incidents.geojson", "/incidents/{id}", "/clusters", "/documents",
                                  "/documents/{id}", "/sources", "/stats/daily", "/export"}
    names = {p["name"] for p in spec["paths"]["/incidents"]["get"]["parameters"]}
    assert names >= {"since", "until", "country", "type", "min_killed", "disputed", "bbox", "q", "cursor", "limit"}


def test_the_page_has_a_strict_csp_and_no_inline_script_or_style(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.text
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html) and "<style" not in html and " style=" not in html
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


@pytest.mark.parametrize("tiles", ["javascript:alert(1)/{z}/{x}/{y}", "https://tiles.example.org/map.png", "//x/{z}/{x}/{y}"])
def test_a_tile_url_must_be_an_http_template(example_db, tiles):
    from sitrep.errors import InputError

    with pytest.raises(InputError) as raised:
        create_app(ServeConfig(db=str(example_db), tiles=tiles))
    assert raised.value.source == "--tiles"


def test_a_tile_server_is_allowed_by_the_csp_and_named_in_the_page(example_db):
    from starlette.testclient import TestClient

    tiles = "https://tiles.example.org/{z}/{x}/{y}.png?a=1&b=\"2\""
    with TestClient(create_app(ServeConfig(db=str(example_db), tiles=tiles))) as tiled:
        response = tiled.get("/")
    assert "img-src 'self' data: https://tiles.example.org;" in response.headers["content-security-policy"]
    assert 'content="https://tiles.example.org/{z}/{x}/{y}.png?a=1&amp;b=&quot;2&quot;"' in response.text


# --- writing --------------------------------------------------------------------------

ARTICLE = {"id": "posted-1", "published": "2025-04-02", "url": "https://news.example.org/gao-bus",
           "text": "Nine passengers were killed when a bus hit a roadside bomb near Gao, in northern Mali, "
                   "on Tuesday, April 1, 2025, the regional governor said."}


@pytest.fixture
def writer(fresh_db):
    from starlette.testclient import TestClient

    with TestClient(create_app(ServeConfig(db=str(fresh_db), token=TOKEN, max_body=4000)),
                    raise_server_exceptions=False) as test_client:
        yield test_client


def test_writing_is_off_without_a_token(client):
    response = client.post("/api/v1/documents", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "writing_disabled"


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_a_missing_or_wrong_token_is_a_401(writer, header):
    headers = {"Authorization": header} if header else {}
    response = writer.post("/api/v1/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_a_body_over_the_limit_is_a_413(writer):
    big = dict(ARTICLE, text="Gunmen attacked a village. " * 400)
    response = writer.post("/api/v1/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize(("body", "fragment"), [
    (b"{not json", "not JSON"), (b'{"id": "x"}', "text"), (b'{"text": "x", "published": "April"}', "published"),
    (b"[1, 2]", "JSON object"),
])
def test_a_bad_body_is_a_400(writer, body, fragment):
    response = writer.post("/api/v1/documents", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                                        "Content-Type": "application/json"})
    assert response.status_code == 400 and fragment in response.json()["error"]["message"]


def test_a_posted_article_is_ingested_once_and_listed(writer):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/v1/documents", json=ARTICLE, headers=headers)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "added" and first.json()["incidents"]
    again = writer.post("/api/v1/documents", json=ARTICLE, headers=headers)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert again.json()["document"] == first.json()["document"]
    gao = writer.get("/api/v1/incidents", params={"country": "ML", "q": "bus"}).json()["incidents"]
    assert len(gao) == 1 and gao[0]["killed"]["best"] == 9


def test_the_api_lists_exactly_what_sitrep_incidents_prints(client, example_db, capsys):
    from sitrep.cli import main

    assert main(["incidents", "--db", str(example_db), "--country", "YE", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert client.get("/api/v1/incidents", params={"country": "YE"}).json()["incidents"] == printed
