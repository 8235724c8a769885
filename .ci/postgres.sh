#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1:55432 for the store tests and print its URL.
# Prints nothing (and the PostgreSQL tests skip) when no server can be installed or started.
set -u
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null 2>&1 || exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/steppe-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "$bin/initdb -D $dir/data -A trust -U steppe" >/dev/null 2>&1 || exit 0
as_pg "$bin/pg_ctl -D $dir/data -l $dir/log -w start -o \"-k $dir -p 55432 -c listen_addresses=127.0.0.1\"" >/dev/null 2>&1 || exit 0
as_pg "$bin/createdb -h 127.0.0.1 -p 55432 -U steppe steppe_test" >/dev/null 2>&1 || exit 0
echo "$dir" > /tmp/steppe-pg.dir
echo "postgresql+psycopg://steppe@127.0.0.1:55432/steppe_test"
