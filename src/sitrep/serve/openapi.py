"""The OpenAPI 3.1 description of ``/api/v1`` (served at ``/api/v1/openapi.json``)."""

from __future__ import annotations

import functools

from .. import __version__ as VERSION

FILTER_PARAMETERS = [
    ("since", "string", "date", "incidents that end on or after this day (YYYY-MM-DD)"),
    ("until", "string", "date", "incidents that start on or before this day (YYYY-MM-DD)"),
    ("country", "string", None, "ISO 3166-1 alpha-2 code, e.g. SY"),
    ("type", "string", None, "ACLED event type, e.g. Battles"),
    ("min_killed", "integer", None, "best killed figure at least this"),
    ("disputed", "boolean", None, "only disputed (true) or undisputed (false) incidents"),
    ("bbox", "string", None, "west,south,east,north in degrees (west > east crosses 180)"),
    ("q", "string", None, "words in the evidence sentences or place names (all, as prefixes)"),
]
PAGE_PARAMETERS = [
    ("limit", "integer", None, "page size"),
    ("cursor", "string", None, "next_cursor of the previous page"),
]
ERROR = {"$ref": "#/components/responses/Error"}


def _parameters(table) -> list[dict]:
    found = []
    for name, kind, fmt, description in table:
        schema = {"type": kind} | ({"format": fmt} if fmt else {})
        found.append({"name": name, "in": "query", "required": False, "description": description,
                      "schema": schema})
    return found


def _path_id(description: str) -> dict:
    return {"name": "id", "in": "path", "required": True, "description": description,
            "schema": {"type": "string"}}


def _get(summary: str, parameters: list[dict], *, media: str = "application/json",
         not_found: bool = False) -> dict:
    responses = {"200": {"description": "OK", "content": {media: {"schema": {"type": "object"}}}},
                 "400": ERROR}
    if not_found:
        responses["404"] = ERROR
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


@functools.cache
def openapi() -> dict:
    filters, pages = _parameters(FILTER_PARAMETERS), _parameters(PAGE_PARAMETERS)
    export_format = {"name": "format", "in": "query", "required": True,
                     "schema": {"type": "string", "enum": ["acled", "ucdp", "geojson", "jsonl"]}}
    zoom = {"name": "zoom", "in": "query", "required": False, "schema": {"type": "integer"},
            "description": "map zoom level 0..22: the grid is about a quarter tile"}
    post = {"post": {
        "summary": "Ingest one article (only when the server runs with --token); idempotent",
        "security": [{"bearer": []}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["text"],
            "properties": {"id": {"type": "string"}, "text": {"type": "string"},
                           "published": {"type": "string", "format": "date"},
                           "url": {"type": "string"}, "title": {"type": "string"}}}}}},
        "responses": {"201": {"description": "stored"}, "200": {"description": "already stored"},
                      "400": ERROR, "401": ERROR, "403": ERROR, "413": ERROR}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "sitrep", "version": VERSION,
                 "description": "Incidents, claims, sources and documents of a sitrep store."},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/incidents": _get("Incidents, oldest first, one page", filters + pages),
            "/incidents.geojson": _get("Located incidents as a GeoJSON FeatureCollection, one page",
                                       filters + pages, media="application/geo+json"),
            "/incidents/{id}": _get("An incident with every claim and each source's figure",
                                    [_path_id("incident id, e.g. inc-000001")], not_found=True),
            "/clusters": _get("Located incidents counted on a grid, for dense map views", filters + [zoom]),
            "/documents": post,
            "/documents/{id}": _get("A document's text with the spans of its claims, posts and repeats",
                                    [_path_id("document key")], not_found=True),
            "/sources": _get("Each source: claims, and how often its figure was the lowest, best or "
                             "highest of a disputed incident", []),
            "/stats/daily": _get("Killed per day (low, best, high)", filters),
            "/export": _get("The ACLED, UCDP, GeoJSON or JSONL export, filtered", filters + [export_format],
                            media="text/csv"),
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "an error", "content": {"application/json": {"schema": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["code", "message"],
                                         "properties": {"code": {"type": "string"},
                                                        "message": {"type": "string"}}}}}}}}},
        },
    }
