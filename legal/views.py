"""Browsing pages (being written)."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


home = act_list = act_detail = version_detail = provision_detail = _todo
practice_list = practice_detail = obligation_list = obligation_detail = _todo
