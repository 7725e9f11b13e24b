#!/bin/sh
# Collect the workspace's interface strings into compliance/locale/{kk,en} (and nothing else).
#
# `manage.py makemessages` run in the project sends every string to the first of
# settings.LOCALE_PATHS (locale/, the law pages' catalogue). So this runs Django's
# makemessages without settings in a staging folder that holds, as symlinks, only the
# workspace: compliance/ (not its reports/ and migrations/), templates/compliance,
# templates/registration and templates/403.html; its locale/ is compliance/locale.
# Usage: sh scripts/makemessages_workspace.sh   (from the project root; needs GNU gettext)
set -eu
root=$(pwd)
[ -f "$root/manage.py" ] || { echo "run from the project root" >&2; exit 2; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/compliance" "$stage/templates"
for entry in "$root"/compliance/*; do
    case "${entry##*/}" in
        locale | reports | migrations | __pycache__) ;;
        *) ln -s "$entry" "$stage/compliance/" ;;
    esac
done
ln -s "$root/templates/compliance" "$root/templates/registration" "$root/templates/403.html" \
    "$stage/templates/"
ln -s "$root/compliance/locale" "$stage/locale"
cd "$stage"
env -u DJANGO_SETTINGS_MODULE "$root/.venv/bin/django-admin" makemessages \
    --symlinks --no-obsolete --add-location=file --ignore='__pycache__' -l kk -l en
