#!/usr/bin/env bash
# Runs the whole Boxoffice platform on this machine: builds it, finds or starts PostgreSQL and Redis, starts the six
# services, waits until every one is ready, and stops everything on Ctrl-C.
#
#   ./run.sh              build, then run
#   ./run.sh --no-build   run what was built last time
#
# Data stores: BOXOFFICE_DB_URL (+ BOXOFFICE_DB_USER / BOXOFFICE_DB_PASSWORD) and BOXOFFICE_REDIS_HOST
# (+ BOXOFFICE_REDIS_PORT / BOXOFFICE_REDIS_PASSWORD) when set; else the machine's own servers on 127.0.0.1:5432
# and :6379; else embedded ones, whose data stays in .boxoffice/data.
set -euo pipefail
cd "$(dirname "$0")"
. .ci/java.sh

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

mkdir -p .boxoffice
if $build; then
  echo "==> Building Boxoffice with $JAVA_HOME (the first build downloads ~300 MB; log: .boxoffice/build.log)"
  if ! ./mvnw -B -ntp -DskipTests package > .boxoffice/build.log 2>&1; then
    tail -n 40 .boxoffice/build.log >&2
    echo "The build failed; the full log is .boxoffice/build.log." >&2
    exit 1
  fi
  grep -E '^\[INFO\] (Boxoffice .*(SUCCESS|FAILURE)|Total time)' .boxoffice/build.log | sed 's/^\[INFO\]/ /'
fi
# The launcher is the tool module platform-launcher; its build writes the class path it runs on.
launcher=platform-launcher/target
if ! ls gateway-service/target/gateway-service-*.jar > /dev/null 2>&1 || [ ! -f "$launcher/launcher.classpath" ]; then
  echo "Nothing built yet: run ./run.sh without --no-build first." >&2
  exit 1
fi

# After a build, the launcher first trains the JDK's AOT cache of each service (a minute or two, once per build);
# with --no-build it uses the caches it has (BOXOFFICE_AOT: auto, train or off).
if $build; then
  export BOXOFFICE_AOT="${BOXOFFICE_AOT:-train}"
fi
exec "$JAVA_HOME/bin/java" -cp "$launcher/classes:$(cat "$launcher/launcher.classpath")" \
  org.boxoffice.platform.localrun.PlatformLauncher "$PWD"
