# syntax=docker/dockerfile:1
# uxprobe in a container: one image for serve, run, check and validate (docs/deploy.md).
#   docker build -t uxprobe .
#   docker run --rm uxprobe check https://example.com/
#   docker run --rm -v "$PWD/examples/journeys:/journeys:ro" -e UXPROBE_PASSWORD=demo -p 9716:9716 \
#     uxprobe serve /journeys/login.yaml --region eu-west --var base=http://host.docker.internal:8081

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

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="uxprobe" \
      org.opencontainers.image.description="Synthetic user-journey monitoring: what your users see, per step, phase and region, for Prometheus"
# A fixed uid, so that Kubernetes' runAsNonRoot can check it and mounted files can be granted to it.
RUN groupadd --system --gid 10001 uxprobe \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin uxprobe
COPY --from=build /out/uxprobe.jar /opt/uxprobe/uxprobe.jar
USER 10001:10001
EXPOSE 9716
# JVM flags for a small, long-running agent that mostly waits on the network:
#   UseSerialGC              one GC thread and the smallest footprint; pauses on a heap this small are sub-millisecond
#   MaxRAMPercentage=50      heap at most half the container's memory limit; the rest is metaspace, code cache,
#                            thread stacks, OkHttp's buffers, and the healthcheck's JVM
#   TieredStopAtLevel=1      C1 only: faster start, less compiler memory and CPU; peak speed does not matter here
#   Xss512k                  smaller stacks for the platform threads (probe workers follow the runs that overlap)
#   Xms24m, Min/MaxHeapFreeRatio   start small and hand heap back after GC
#   Xmn12m, SurvivorRatio=2  a young generation with large survivor spaces: a run's garbage dies there instead
#                            of filling the old generation, which the serial GC grows before it collects
#   TrimNativeHeapInterval   give freed malloc memory back to the OS every 5 s
#   ReservedCodeCacheSize, MaxMetaspaceSize, -UsePerfData, MALLOC_ARENA_MAX=2   the launcher's serve flags:
#                            together 171 -> 96 MiB RSS for 50 journeys (docs/benchmarks.md)
#   ExitOnOutOfMemoryError   die and be restarted rather than keep serving half-broken metrics
#   --sun-misc-unsafe-memory-access=allow   the protobuf library behind protobuf scrapes calls sun.misc.Unsafe; without
#                            this Java 25 prints four WARNING lines on stderr at the first one, breaking --log-format json
# More flags (e.g. -Xmx96m): JAVA_TOOL_OPTIONS.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50", "-Xms24m", "-Xmn12m", "-XX:SurvivorRatio=2", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", \
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=64m", "-Xss512k", "-XX:-UsePerfData", \
            "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError", "--sun-misc-unsafe-memory-access=allow", \
            "-jar", "/opt/uxprobe/uxprobe.jar"]
CMD ["--help"]
# The JRE image has no curl or wget, so uxprobe probes itself: a second, small JVM (~0.4 s, ~75 MB for a moment).
# It assumes `serve` on the default port without --web-config; override it (or --no-healthcheck) otherwise.
# Kubernetes ignores it and uses the probes in examples/kubernetes/.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/uxprobe/uxprobe.jar", \
       "check", "--timeout", "5s", "http://127.0.0.1:9716/-/healthy"]
