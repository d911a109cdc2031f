#!/usr/bin/env bash
# `npm test`: every check genuine has, in order, stopping at the first failure —
# lint, typecheck, unit, integration on PGlite, integration on PostgreSQL (a throwaway server, or
# TEST_DATABASE_URL), production build, and Playwright end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
summary=()
step() {
  local name=$1
  shift
  local t0=$SECONDS
  printf '\n==> %s\n' "$name"
  "$@"
  summary+=("$(printf '%-28s %4ss' "$name" $((SECONDS - t0)))")
}

step "lint" npm run -s lint
step "typecheck" npm run -s typecheck
step "unit tests" npx vitest run --project unit
step "integration (PGlite)" env -u TEST_DATABASE_URL npx vitest run --project integration

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL is needed for the integration suite: install it (initdb, pg_ctl) or set TEST_DATABASE_URL." >&2
    exit 1
  fi
  # shellcheck source=scripts/test/throwaway-postgres.sh
  source scripts/test/throwaway-postgres.sh
fi
step "integration (PostgreSQL)" npx vitest run --project integration

step "build" npm run -s build
E2E_DATABASE_URL=$(npx tsx scripts/test/create-database.ts "$TEST_DATABASE_URL" genuine_e2e)
export E2E_DATABASE_URL
step "end-to-end (Chromium)" npx playwright test

printf '\nAll checks passed in %ss:\n' $((SECONDS - started))
printf '  %s\n' "${summary[@]}"
