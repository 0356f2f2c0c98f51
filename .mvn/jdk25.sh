# Sourced by ./mvnw, ./uxprobe and .ci/run: points JAVA_HOME at a JDK 25.
# Order: JAVA_HOME if it is 25, then `java` on PATH, then the usual install folders.

uxprobe_shell_opts=$-
set +f # the search below needs globbing, which ./mvnw turns off

uxprobe_java_major() { # prints the major version of the java at $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}

uxprobe_find_jdk25() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/openjdk /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(uxprobe_java_major "$candidate/bin/java")" = "25" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [ -z "${JAVA_HOME:-}" ] || [ "$(uxprobe_java_major "$JAVA_HOME/bin/java" 2>/dev/null)" != "25" ]; then
  if uxprobe_jdk=$(uxprobe_find_jdk25); then
    export JAVA_HOME="$uxprobe_jdk"
  else
    echo "uxprobe needs a JDK 25 and found none (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt)." >&2
    echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
  fi
fi
case "$uxprobe_shell_opts" in *f*) set -f ;; esac
