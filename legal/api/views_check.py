"""POST /api/v1/check/: the citation check (legal.citation_check) for programs.

JSON `{text, as_of?, language?}` or multipart with `file` (.txt UTF-8 or .docx); the answer
is `{as_of, found, truncated, counts, citations}`; errors are problem+json (400, 413, 415).
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from kzai.api.exceptions import PayloadTooLarge
from kzai.api.throttling import AnonThrottle, ResolveAnonThrottle, UserThrottle
from legal import selectors
from legal.citation_check import MAX_UPLOAD_BYTES, InputError, check_text, read_upload, too_large_message

from .serializers.check import CheckBody, CheckResultSerializer, CheckUpload, check_data
from .views import LegalView


@extend_schema(
    tags=["resolve"],
    request={"application/json": CheckBody, "multipart/form-data": CheckUpload},
    responses={200: CheckResultSerializer},
)
class Check(LegalView):
    """Every citation in a text with its verdict on a date: in force, not yet in force,
    repealed, wrong title, no such provision, not verifiable, unknown act, malformed."""

    throttle_classes = [AnonThrottle, UserThrottle, ResolveAnonThrottle]
    pagination_class = None
    cache_responses = False
    parser_classes = [JSONParser, MultiPartParser]
    error_responses = {
        "400": "No text, a bad date or language, or a file that is not UTF-8 text or a .docx.",
        "413": "The text is over 100 KB (or the file over 500 KB).",
        "415": "Send application/json or multipart/form-data.",
    }
    request_body_required = True

    def post(self, request):
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_UPLOAD_BYTES + 4096:
            raise PayloadTooLarge(too_large_message())
        uploading = (request.content_type or "").startswith("multipart/")
        body = (CheckUpload if uploading else CheckBody)(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            if uploading:
                upload = data["file"]
                text = read_upload(upload.name, upload.read(MAX_UPLOAD_BYTES + 1))
            else:
                text = data["text"]
            result = check_text(
                text,
                data.get("as_of") or selectors.today(),
                language=data.get("language") or self.language,
            )
        except InputError as error:
            if error.status == 413:
                raise PayloadTooLarge(str(error)) from None
            raise serializers.ValidationError({"file" if "file" in data else "text": [str(error)]}) from None
        return Response(check_data(result, request))
