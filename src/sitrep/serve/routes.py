"""The endpoints of ``/api/v1`` and the page: thin functions over :mod:`.data` and the store."""

from __future__ import annotations

import asyncio
import hmac
import io
import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import InputError
from ..export import FORMATS, write_export
from ..ingest.readers import document_from_record
from ..store.query import select_incidents
from . import data, params
from .errors import ApiError
from .openapi import openapi

PAGE_LIMIT, PAGE_MAX = 100, 1000
FEATURE_LIMIT, FEATURE_MAX = 2000, 10000
EXPORT_TYPES = {"acled": "text/csv", "ucdp": "text/csv", "geojson": "application/geo+json",
                "jsonl": "application/x-ndjson"}


def _store(request: Request):
    return request.app.state.stores.get()


def list_incidents(request: Request) -> JSONResponse:
    query = params.incident_query(request.query_params)
    limit = params.integer(request.query_params, "limit", minimum=1, maximum=PAGE_MAX, default=PAGE_LIMIT)
    page = select_incidents(_store(request).connection, query, limit=limit,
                            cursor=params.cursor(request.query_params))
    # the stored record is the incident's to_dict: passed on without building the dataclasses
    rows = [dict(json.loads(record), number_of_sources=documents) for record, documents in page.rows]
    return JSONResponse({"incidents": rows, "next_cursor": page.next_cursor})


def incidents_geojson(request: Request) -> JSONResponse:
    query = params.incident_query(request.query_params)
    limit = params.integer(request.query_params, "limit", minimum=1, maximum=FEATURE_MAX,
                           default=FEATURE_LIMIT)
    collection = data.features(_store(request), query, limit=limit,
                               cursor=params.cursor(request.query_params))
    return Response(collection, media_type="application/geo+json")


def clusters(request: Request) -> JSONResponse:
    query = params.incident_query(request.query_params)
    zoom = params.integer(request.query_params, "zoom", minimum=0, maximum=22, default=2)
    return JSONResponse(data.clusters(_store(request), query, zoom=zoom))


def incident(request: Request) -> JSONResponse:
    return JSONResponse(data.incident(_store(request), request.path_params["id"]))


def document(request: Request) -> JSONResponse:
    return JSONResponse(data.document(_store(request), request.path_params["id"]))


def sources(request: Request) -> JSONResponse:
    return JSONResponse({"sources": data.sources(_store(request))})


def daily(request: Request) -> JSONResponse:
    query = params.incident_query(request.query_params)
    return JSONResponse({"days": data.daily(_store(request), query)})


def export(request: Request) -> Response:
    query = params.incident_query(request.query_params)
    format_ = params.choice(request.query_params, "format", FORMATS)
    store = _store(request)
    stream = io.StringIO()
    details = (store.incident(s.incident.id) for s in select_incidents(store.connection, query).incidents)
    write_export(details, format=format_, stream=stream)
    suffix = {"acled": "csv", "ucdp": "csv"}.get(format_, format_)
    return Response(stream.getvalue(), media_type=EXPORT_TYPES[format_], headers={
        "Content-Disposition": f'attachment; filename="sitrep-{format_}.{suffix}"'})


def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(openapi())


async def post_document(request: Request) -> JSONResponse:
    """Ingest one article (``{"id", "text", "published"?, "url"?, "title"?}``) with the bearer token."""
    writer = request.app.state.writer
    if writer is None:
        raise ApiError(403, "writing_disabled", "writing is off: start `sitrep serve` with --token")
    supplied = request.headers.get("authorization", "")
    expected = f"Bearer {writer.token}"
    if not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "missing or wrong bearer token",
                       headers={"WWW-Authenticate": "Bearer"})
    body = await _read_body(request, limit=writer.max_body)
    try:
        record = json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "bad_body", f"the body is not JSON: {exc}") from None
    document_ = document_from_record(record, origin="request body", default_id="posted")
    if not document_.text.strip():
        raise InputError("'text' is empty", source="request body")
    outcome = await asyncio.wrap_future(writer.submit(document_))
    return JSONResponse(outcome, status_code=201 if outcome["status"] != "duplicate" else 200)


async def _read_body(request: Request, *, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"the body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
