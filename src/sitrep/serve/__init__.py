"""``sitrep serve``: the JSON API under ``/api/v1`` and the map page, over the incident store.

:func:`create_app` builds the Starlette application (:mod:`.app`); the endpoints are in
:mod:`.routes`, their parameters in :mod:`.params`, the reads in :mod:`.data`, the
error shape in :mod:`.errors` and the OpenAPI description in :mod:`.openapi`. The page
(``static/index.html``, ``app.js``, ``app.css``) uses vendored Leaflet,
leaflet.markercluster, topojson-client, uPlot and world-atlas (``static/vendor``).
"""

from .app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
