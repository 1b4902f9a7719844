# syntax=docker/dockerfile:1
ARG JAVA_VERSION=21
ARG BASE=eclipse-temurin:${JAVA_VERSION}-jre

FROM ${BASE}

ARG APP_NAME=orders
ARG JAVA_VERSION
LABEL org.opencontainers.image.title="${APP_NAME} service" \
      org.opencontainers.image.vendor='Dockyard $NOT_EXPANDED'
ENV APP_HOME=/opt/${APP_NAME} \
    PATH=$PATH:/opt/${APP_NAME}/bin
ENV JAVA_OPTS="-Xmx512m -Djava.version=${JAVA_VERSION}"
WORKDIR $APP_HOME
COPY --chown=1000:1000 --chmod=0644 target/${APP_NAME}.jar app.jar
COPY bin/ bin/
USER 1000:1000
EXPOSE 8080 8081/tcp 9000-9001/udp
VOLUME ["/tmp", "$APP_HOME/logs"]
ENTRYPOINT ["java", "-jar", "$APP_HOME/app.jar"]
CMD ["--spring.profiles.active=${PROFILE:-prod}"]
