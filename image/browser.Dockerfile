# syntax=docker/dockerfile:1
# uxprobe with headless Chromium, for journeys with browser steps (docs/deploy.md, "Browser journeys").
# The image for HTTP journeys is built without a Docker engine by image/build.sh (Jib); this variant needs one:
#   docker build -f image/browser.Dockerfile -t uxprobe:browser .
#   docker run --rm -v "$PWD/examples/journeys:/journeys:ro" -e UXPROBE_PASSWORD=demo -p 9716:9716 \
#     uxprobe:browser /journeys/player.yaml --region eu-west --var base=http://host.docker.internal:8081
# Not verified: no Docker engine runs where this was written, so this file has never been built.

ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

# Every pom.xml of the checkout, at its place and nothing else. This stage reruns on any change, but its output
# only changes with a pom, so the dependency layer below stays cached while only sources change.
FROM ${BUILD_IMAGE} AS poms
WORKDIR /src
COPY . .
RUN mkdir /poms && find . -name pom.xml -not -path '*/target/*' | tar -cf - -T - | tar -xf - -C /poms

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw ./
COPY .mvn/ .mvn/
COPY --from=poms /poms/ ./
# Maven itself (the wrapper fetches it with Java: the image has neither curl nor wget) and every plugin and
# dependency, in a layer of its own.
RUN ./mvnw -B --no-transfer-progress dependency:go-offline
COPY . .
RUN ./mvnw -B --no-transfer-progress -DskipTests package \
 && mkdir -p /out && cp agent/target/uxprobe.jar /out/uxprobe.jar

# Browser journeys: the same agent beside Debian's chromium and chromium-driver (docs/deploy.md, "Browser journeys").
# Debian, not the JRE image's Ubuntu, whose chromium is only a snap stub.
FROM ${RUNTIME_IMAGE} AS jre
FROM debian:bookworm-slim AS browser
LABEL org.opencontainers.image.title="uxprobe (browser)" \
      org.opencontainers.image.description="uxprobe with headless Chromium for journeys with browser steps"
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    MALLOC_ARENA_MAX=2 HOME=/tmp
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 uxprobe \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin uxprobe
COPY --from=build /out/uxprobe.jar /opt/uxprobe/uxprobe.jar
USER 10001:10001
EXPOSE 9716
# as below; Chromium's own memory is outside the JVM's, so the heap takes a smaller share of the limit
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=20", "-Xms24m", "-Xmn12m", "-XX:SurvivorRatio=2", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", \
            "-XX:-ShrinkHeapInSteps", "-XX:-TieredCompilation", "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=64m", "-Xss512k", "-XX:-UsePerfData", \
            "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError", "--sun-misc-unsafe-memory-access=allow", \
            "-jar", "/opt/uxprobe/uxprobe.jar", "serve"]
# as the Jib image: serve is the entrypoint, the arguments are its journey files and options
CMD ["--help"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/uxprobe/uxprobe.jar", \
       "check", "--timeout", "5s", "http://127.0.0.1:9716/-/healthy"]
