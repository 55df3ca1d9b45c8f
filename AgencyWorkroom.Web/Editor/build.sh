#!/usr/bin/env bash
# Rebuilds wwwroot/lib/editor/workroom-editor.js from src/editor.js with the versions that
# package-lock.json pins (Node and npm from Debian). The bundle is committed, so running the
# app never needs Node; run this after changing src/ or a version (decision 013).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund
npx esbuild src/editor.js --bundle --format=esm --minify --target=es2022 --legal-comments=eof \
  --outfile=../wwwroot/lib/editor/workroom-editor.js
