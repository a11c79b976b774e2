# qabot: build with Maven, run on a slim JRE as an unprivileged user.
#   docker build -t qabot .
#   docker run -p 8080:8080 -v qabot-data:/data -e QABOT_WEBHOOK_SECRET=... qabot
# Configuration comes only from the environment and an optional mounted YAML file
# (-v ./qabot.yaml:/etc/qabot/qabot.yaml -e QABOT_CONFIG=/etc/qabot/qabot.yaml).
# The JVM's memory fits a 512 MiB container: the same options as the ./qabot launcher, whose
# comments say why each is there (DockerfileTest keeps the two the same); QABOT_JAVA_OPTS replaces
# them (-e QABOT_JAVA_OPTS="-Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# for 100k knowledge items).
# Both base images are build arguments, for a mirror or a locally built base
# (bench/docker/try-image.sh builds and runs the image on Debian stand-ins with buildah and podman).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependencies first: this layer is rebuilt only when a pom changes.
COPY pom.xml ./
COPY config/pom.xml config/
COPY knowledge/pom.xml knowledge/
COPY bot-core/pom.xml bot-core/
COPY store/pom.xml store/
COPY connectors/pom.xml connectors/
COPY admin/pom.xml admin/
COPY app/pom.xml app/
COPY .mvn .mvn
RUN mvn -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -ntp -q -DskipTests -pl app -am package

FROM ${RUNTIME_IMAGE}
# curl for the health check and the class-data archive's build-time serve run
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system qabot && useradd --system --gid qabot --home-dir /data --shell /usr/sbin/nologin qabot \
    && mkdir -p /data && chown qabot:qabot /data
COPY --from=build /src/app/target/qabot.jar /opt/qabot/qabot.jar
ENV QABOT_HTTP_HOST=0.0.0.0 \
    QABOT_HTTP_PORT=8080 \
    QABOT_DATA_DIR=/data \
    QABOT_JAVA_OPTS="-Xmx128m -Xms32m -Xmn24m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
# Class data sharing: the classes a serve run loads, archived at build time by a serve run that
# answers one question, start every container faster. An archive made by `ask` would leave out
# the store, Netty and the metrics, which serve loads at every start (a serve restart took 2.8 s
# of CPU with ask's archive, 2.0 s with its own: README "Start-up and memory"). The archive
# belongs to this jar and this JVM, both fixed in the image; the run's data is thrown away.
RUN export QABOT_DATA_DIR=/tmp/cds QABOT_HTTP_HOST=127.0.0.1 QABOT_HTTP_PORT=18089; \
    java -XX:ArchiveClassesAtExit=/opt/qabot/qabot.jsa -Xlog:cds=off -Xlog:cds+dynamic=off $QABOT_JAVA_OPTS \
        -jar /opt/qabot/qabot.jar serve >/tmp/cds.log 2>&1 & pid=$!; \
    for i in $(seq 1 300); do curl -fs -o /dev/null http://127.0.0.1:18089/readyz && break; sleep 0.5; done; \
    curl -fsS -o /dev/null http://127.0.0.1:18089/api/v1/ask -d '{"text":"How do I run qabot?"}'; \
    kill -TERM $pid; wait $pid; \
    test -s /opt/qabot/qabot.jsa || { cat /tmp/cds.log; exit 1; }; rm -rf /tmp/cds /tmp/cds.log
USER qabot
WORKDIR /data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
# exec: java is PID 1 and gets the stop signal itself, so requests in progress finish before it exits
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/opt/qabot/qabot.jsa -Xlog:cds=off -Xlog:cds+dynamic=off $QABOT_JAVA_OPTS -jar /opt/qabot/qabot.jar serve ${QABOT_CONFIG:+--config \"$QABOT_CONFIG\"}"]
