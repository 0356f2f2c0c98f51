#!/usr/bin/env bash
# Builds the uxprobe container image without a Docker engine or a registry (docs/deploy.md#the-image):
#   1. a Java runtime of only the modules the agent uses (jlink of the JDK 25 that builds uxprobe),
#   2. the C library it links against, from Debian's libc6 (and libgcc-s1) packages,
#   3. a non-root user (uid/gid 10001) and /etc files (image/rootfs/),
# then Jib (jib-maven-plugin, profile `image` of agent/pom.xml) puts the agent on top, `serve` as the entrypoint.
#
#   image/build.sh              -> agent/target/uxprobe-image.tar (docker save's format): podman load, docker load, skopeo
#   image/check.sh              unpacks it and runs the agent from its filesystem (what .ci/run does)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk25.sh"
work=$root/image/target
rootfs=$work/rootfs
rm -rf "$work"
mkdir -p "$work/staging" "$work/debs"
staging=$work/staging

# 1. The runtime. jdeps finds the modules the classes name; jdk.naming.dns (a region's own DNS server, through JNDI)
# and jdk.charsets (pages in Shift_JIS, GBK, windows-125x...) are looked up at run time, which jdeps cannot see.
# java.desktop is left out on purpose (14 MB): only optional code in Jackson, SnakeYAML and Micrometer names java.beans.
modules=java.base,java.naming,java.net.http,java.sql,jdk.httpserver,jdk.management,jdk.unsupported,jdk.naming.dns,jdk.charsets
echo "image: jlink $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --output "$staging/opt/java"

# the shaded jar is what jdeps reads: build it if missing (the image itself is built by Jib from the same classes)
jar=$root/agent/target/uxprobe.jar
[ -f "$jar" ] || "$root/mvnw" -q -B -f "$root/pom.xml" -pl agent -am -DskipTests package
needed=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps "$jar" | tr ',' '\n' | grep -vx java.desktop || true)
missing=$(comm -23 <(echo "$needed" | sort -u) <(echo "$modules" | tr ',' '\n' | sort -u))
if [ -n "$missing" ]; then
  echo "image: the agent now uses module(s) the runtime lacks: $missing; add them to 'modules' in image/build.sh" >&2
  exit 1
fi

# 2. The C library: the files of Debian's packages that the runtime's binaries and libraries need (ldd lists them),
# as real files (no symlinks: Jib would follow an absolute one on this machine, not in the image).
download() { ( cd "$work/debs" && apt-get download -o APT::Sandbox::User=root libc6 libgcc-s1 >/dev/null 2>&1 ); }
if ! download; then
  # a fresh machine may have no package lists yet
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  download || { echo "image: apt-get download libc6 libgcc-s1 failed: is a Debian mirror reachable?" >&2; exit 1; }
fi
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/debs/x"; done
mkdir -p "$staging/lib/x86_64-linux-gnu" "$staging/lib64"
libs=$(find "$staging/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
       | awk -v runtime="$staging/opt/java/" '$2 == "=>" && $3 ~ /^\// && index($3, runtime) != 1 {print $1}' | sort -u)
for lib in $libs libgcc_s.so.1; do
  cp -L "$work/debs/x/lib/x86_64-linux-gnu/$lib" "$staging/lib/x86_64-linux-gnu/$lib"
done
cp -L "$work/debs/x/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$staging/lib/x86_64-linux-gnu/"
cp -L "$work/debs/x/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$staging/lib64/"   # the path every ELF binary names

# 3. Users, name lookup, an empty /tmp and /proc (a mount point)
cp -R "$root/image/rootfs/." "$staging/"
mkdir -p "$staging/tmp" "$staging/proc" "$staging/journeys"

# no symlinks left (the legal notices of the runtime are relative ones): Jib writes files
cp -RL "$staging" "$rootfs"
rm -rf "$staging"
echo "image: runtime $(du -sh "$rootfs" | cut -f1) ($(echo $libs libgcc_s.so.1 | tr ' ' ',') from Debian $(dpkg-deb -f "$work"/debs/libc6_*.deb Version))"

# 4. The agent on top, by Jib: agent/target/uxprobe-image.tar
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" "$root/mvnw" -B -q -f "$root/pom.xml" -Pimage -pl agent -am -DskipTests -Duxprobe.image.rootfs="$rootfs" package
tar=$root/agent/target/uxprobe-image.tar
echo "image: $tar, $(du -h "$tar" | cut -f1) (compressed layers)"
