# Sourced by run.sh and .ci/run: points JAVA_HOME at a JDK 25 or newer, or explains how to get one.
_boxoffice_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
_boxoffice_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
      /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* \
      /Library/Java/JavaVirtualMachines/*25*/Contents/Home "$HOME"/.sdkman/candidates/java/25* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(_boxoffice_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! JAVA_HOME=$(_boxoffice_find_jdk); then
  echo "Boxoffice needs JDK 25 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset})." >&2
  echo "Install one (e.g. Eclipse Temurin 25: https://adoptium.net) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
