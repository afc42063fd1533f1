# One image per service: docker build --build-arg SERVICE=snapshot-worker .
# Build the jars first: scripts/test.sh, or mvn -DskipTests package.
FROM eclipse-temurin:25-jre
ARG SERVICE
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client mariadb-client redis-tools \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 lifeboat
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /opt/lifeboat/service.jar
USER lifeboat
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/lifeboat/service.jar"]
