# syntax=docker/dockerfile:1
# One service's container image, started from the JDK's AOT cache (JEP 483/514/515) trained in this build with the
# image's own JVM (docs/operations.md, "Images"). From the repository's root, after the jars are built:
#
#   ./mvnw -B -DskipTests package
#   docker build --network host --build-arg SERVICE=booking-service -t ghcr.io/boxoffice/booking-service:dev .
#
# The training run starts the service's application context against the PostgreSQL and Redis named by the TRAINING_*
# arguments (reached from the build, hence --network host; each service migrates its own schema there) and exits
# before it serves (-Dspring.context.exit=onRefresh). A training run that fails fails the build. The cache is valid only
# with the JVM that wrote it, which is why it is written here and not by the Maven build.
ARG BASE=eclipse-temurin:25-jre

FROM ${BASE} AS extracted
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}-*.jar /build/service.jar
# The AOT cache needs the application as plain jars on a fixed class path: app.jar and lib/.
RUN java -Djarmode=tools -jar /build/service.jar extract --destination /build/application --application-filename app.jar

FROM ${BASE}
ARG SERVICE
ARG VERSION=dev
# A throwaway database: the training run migrates its schema there, and ARG values stay in the image's history.
ARG TRAINING_DB_URL=jdbc:postgresql://127.0.0.1:5432/boxoffice
ARG TRAINING_DB_USER=postgres
ARG TRAINING_DB_PASSWORD=postgres
ARG TRAINING_REDIS_HOST=127.0.0.1
ARG TRAINING_REDIS_PORT=6379
LABEL org.opencontainers.image.title=${SERVICE} \
      org.opencontainers.image.version=${VERSION} \
      org.opencontainers.image.licenses=Apache-2.0
WORKDIR /application
# Dependencies first: they change less often than the application, so pushes reuse their layer.
COPY --from=extracted /build/application/lib/ lib/
COPY --from=extracted /build/application/app.jar app.jar
# The training run uses the collector the chart runs with (G1); the cache records the jars' sizes and times, so it is
# written after they are in place and the files are not touched again. .ci/aot-training-env gives it throwaway keys
# (it signs and verifies nothing; the chart gives the real ones at run time), mounted for this step only.
RUN --mount=type=bind,source=.ci/aot-training-env,target=/run/aot-training-env \
    . /run/aot-training-env && \
    BOXOFFICE_DB_URL="${TRAINING_DB_URL}" BOXOFFICE_DB_USER="${TRAINING_DB_USER}" \
      BOXOFFICE_DB_PASSWORD="${TRAINING_DB_PASSWORD}" \
      BOXOFFICE_REDIS_HOST="${TRAINING_REDIS_HOST}" BOXOFFICE_REDIS_PORT="${TRAINING_REDIS_PORT}" \
      java -XX:+UseG1GC -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar \
      > /tmp/aot-training.log 2>&1 \
    || { grep -v '\[aot\]' /tmp/aot-training.log | tail -n 40; \
         echo "The AOT training run of ${SERVICE} failed (above). Are PostgreSQL (${TRAINING_DB_URL}) and Redis" \
              "(${TRAINING_REDIS_HOST}:${TRAINING_REDIS_PORT}) reachable from the build (docker build --network host)?"; \
         exit 1; }; \
    rm -rf /tmp/*
# The distroless "nonroot" id; the chart runs pods as the same user, with a read-only root filesystem and /tmp as an
# emptyDir. The heap follows the container's memory limit; the chart adds its JVM options in JAVA_TOOL_OPTIONS and
# declares the ports (services.yaml).
USER 65532:65532
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-Djava.io.tmpdir=/tmp", "-jar", "app.jar"]
