# qabot: build with Maven, run on a slim JRE as an unprivileged user.
#   docker build -t qabot .
#   docker run -p 8080:8080 -v qabot-data:/data -e QABOT_WEBHOOK_SECRET=... qabot
# Configuration comes only from the environment and an optional mounted YAML file
# (-v ./qabot.yaml:/etc/qabot/qabot.yaml -e QABOT_CONFIG=/etc/qabot/qabot.yaml).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: this layer is rebuilt only when a pom changes.
COPY pom.xml ./
COPY config/pom.xml config/
COPY knowledge/pom.xml knowledge/
COPY bot-core/pom.xml bot-core/
COPY store/pom.xml store/
COPY connectors/pom.xml connectors/
COPY app/pom.xml app/
COPY .mvn .mvn
RUN mvn -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -ntp -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
# curl for the health check only
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system qabot && useradd --system --gid qabot --home-dir /data --shell /usr/sbin/nologin qabot \
    && mkdir -p /data && chown qabot:qabot /data
COPY --from=build /src/app/target/qabot.jar /opt/qabot/qabot.jar
USER qabot
WORKDIR /data
VOLUME /data
ENV QABOT_HTTP_HOST=0.0.0.0 \
    QABOT_HTTP_PORT=8080 \
    QABOT_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["sh", "-c", "exec java -jar /opt/qabot/qabot.jar serve ${QABOT_CONFIG:+--config \"$QABOT_CONFIG\"}"]
