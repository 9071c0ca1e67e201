#!/usr/bin/env bash
# Starts a KalamDB server with development defaults: 127.0.0.1:8080, data in ./data, logs in ./logs,
# root password kalamdb123. Builds the server jar first when it is missing or older than the sources.
# Any argument is passed to the server (for example a path to a server.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=kalamdb-server/target/kalamdb-server.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -path ./data -prune -o -name '*.java' -newer "$JAR" -print -quit)" ] \
   || [ -n "$(find . -path ./data -prune -o -name 'pom.xml' -newer "$JAR" -print -quit)" ]; then
  echo "Building the server jar (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
export KALAMDB_ROOT_PASSWORD="${KALAMDB_ROOT_PASSWORD:-kalamdb123}"
mkdir -p target
exec java -Djava.io.tmpdir="$(pwd)/target" -jar "$JAR" "$@"
