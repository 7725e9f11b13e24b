"""ETag and Last-Modified on API reads, and the 304 answer to a matching conditional GET.

The ETag is a hash of the rendered body, so it changes exactly when the answer does. The
Last-Modified time comes from the view (`ApiMixin.last_modified`): for the knowledge base,
the time of its last change (legal/freshness.py).
"""

import datetime

from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date


def conditional_response(request, response, last_modified: datetime.datetime | None):
    """Set ETag (and Last-Modified) on a rendered 200 and answer 304 when the client's copy is current."""
    set_response_etag(response)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=timestamp, response=response
    )
