"""The API's one error shape, ``{"error": {"code", "message"}}``, and the handlers that make it.

Bad parameters and bodies are 400 (the message names the parameter), unknown ids 404,
a wrong token 401, a body over the limit 413; anything unexpected is a 500 with the same
shape and no traceback (it is logged on the server).
"""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from ..errors import InputError, SitrepError
from .data import NotFound

log = logging.getLogger("sitrep.serve")


class ApiError(Exception):
    """An HTTP error with a code and a message for the client."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, *, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


async def api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers)


async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
    if isinstance(exc, NotFound):
        return error_response(404, exc.code, exc.message)
    if isinstance(exc, InputError):
        return error_response(400, exc.code, exc.message)
    log.error("store error on %s: %s", request.url.path, exc.message)
    return error_response(500, exc.code, exc.message)


async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path)
    return error_response(500, "internal_error", "the server could not answer this request")


HANDLERS = {ApiError: api_error, SitrepError: sitrep_error, HTTPException: http_error,
            Exception: unexpected_error}
