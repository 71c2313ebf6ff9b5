#!/usr/bin/env bash
# Renders the demo's checked workbook with LibreOffice as it prints, and writes the first page of Sammanställning to docs/sammanstallning.png (every page of it to test-output/sammanstallning/).
# Needs Debian's libreoffice-calc (soffice) and poppler-utils (pdftotext, pdftoppm). Usage: scripts/render-summary.sh [checked.xlsx]
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool saknas / is missing: apt-get install libreoffice-calc poppler-utils" >&2; exit 2; }
done

workbook="${1:-}"
if [ -z "$workbook" ]; then
  npm run -s demo >/dev/null
  workbook=out/tertialrapport-1-2024-eav-kontrollerad.xlsx
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A profile of its own: a running LibreOffice (or another render) cannot block this one. Its locale is
# Swedish, so numbers show as a Swedish Excel shows them (2 739,6 and 100,2 %) whatever this machine's.
mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$workbook" >/dev/null 2>&1
pdf="$work/$(basename "${workbook%.*}").pdf"
[ -f "$pdf" ] || { echo "LibreOffice wrote no PDF for $workbook" >&2; exit 1; }

# The summary's pages: from the page that starts with its title to the page before the first one
# that starts with the validation sheet's header (its header row repeats on every page).
pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
first=""
last=""
for ((page = 1; page <= pages; page++)); do
  head="$(pdftotext -f "$page" -l "$page" -layout "$pdf" - | grep -m1 -v '^[[:space:]]*$' | sed 's/^[[:space:]]*//' || true)"
  if [ -z "$first" ]; then
    case "$head" in Sammanställning*|Summary*) first=$page ;; esac
  elif [ -z "$last" ]; then
    case "$head" in Allvarlighet*|Severity*) last=$((page - 1)) ;; esac
  fi
done
[ -n "$first" ] || { echo "no page starts with Sammanställning in $pdf" >&2; exit 1; }
[ -n "$last" ] || last=$pages

rm -rf test-output/sammanstallning
mkdir -p test-output/sammanstallning docs
pdftoppm -png -r 110 -f "$first" -l "$last" "$pdf" test-output/sammanstallning/sida
pdftoppm -png -r 110 -f "$first" -l "$first" -singlefile "$pdf" docs/sammanstallning
echo "Sammanställning: $((last - first + 1)) sida/sidor av $pages (sidorna $first–$last) → docs/sammanstallning.png, test-output/sammanstallning/"
