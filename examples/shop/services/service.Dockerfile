# One template for every service below services/.
FROM ${dockyard.from}
ARG GREETING=shared-template
ENV GREETING=${GREETING} \
    SERVICE_HOME=/srv
LABEL service="${project.artifactId}"
COPY ${dockyard.libs}/ $SERVICE_HOME/libs/
COPY ${dockyard.classes}/ $SERVICE_HOME/classes/
CMD ["java", "-cp", "/srv/classes:/srv/libs/*", "${dockyard.mainClass}"]
