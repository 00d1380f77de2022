#!/usr/bin/env bash
# `npm test`: the whole suite on the embedded SQLite database, needing nothing but Node, npm and
# a Chromium (found or fetched by scripts/find-chromium.sh). Unit tests, integration tests
# against real per-worker SQLite files, the migrations' drift check, and the Playwright journeys
# against the production build. Set DATABASE_URL to a postgres URL to run the database-backed
# parts against PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/London
mkdir -p .tmp/results

CHROMIUM_PATH="$(bash scripts/find-chromium.sh)"
export CHROMIUM_PATH

echo "== Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/results/unit.json
database="SQLite"
[ -n "${DATABASE_URL:-}" ] && database="DATABASE_URL"
echo "== Integration tests (${database})"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.tmp/results/integration.json
echo "== Migrations match the schema (SQLite)"
node scripts/db.mjs check --provider sqlite
browser="${CHROMIUM_PATH:-the Chromium that Playwright installed}"
echo "== End-to-end journeys in ${browser}"
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/results/e2e.json npx playwright test --reporter=list,json
# The benchmark at a tiny size, on the build the journeys just used: a smoke check that it runs,
# that the dashboard's figures equal the hand-written SQL's, and that no request under load fails.
# Timings never fail it (docs/performance.md); the real figures come from `npm run bench`.
echo "== Benchmark smoke (npm run bench -- --size smoke --check)"
node scripts/bench.mjs --size smoke --check

node scripts/test-summary.mjs .tmp/results/unit.json .tmp/results/integration.json .tmp/results/e2e.json
