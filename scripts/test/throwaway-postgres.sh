# Sourced by scripts/test-all.sh: starts a throwaway PostgreSQL server (temp folder, 127.0.0.1, a
# free port), exports TEST_DATABASE_URL, and stops and removes it when the shell exits.
# initdb/pg_ctl refuse to run as root, so as root they run as the postgres user.

# Debian's postgresql package keeps initdb/pg_ctl off PATH.
if ! command -v initdb >/dev/null; then
  for bin in /usr/lib/postgresql/*/bin; do PATH="$bin:$PATH"; done
fi

pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/genuine-pg.XXXXXX")
pg_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
pg_as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$pg_tmp"
  pg_as=(runuser -u postgres --)
fi

stop_throwaway_postgres() {
  "${pg_as[@]}" pg_ctl -D "$pg_tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_tmp"
}
trap stop_throwaway_postgres EXIT

"${pg_as[@]}" initdb -D "$pg_tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_tmp/initdb.log" 2>&1 ||
  { cat "$pg_tmp/initdb.log"; exit 1; }
# Durability settings off: this server holds nothing but test data and is deleted afterwards.
"${pg_as[@]}" pg_ctl -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  >/dev/null || { cat "$pg_tmp/server.log"; exit 1; }

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "throwaway PostgreSQL ($(pg_ctl --version)) at 127.0.0.1:$pg_port"
