#!/usr/bin/env bash
# Run by this IT's own build (exec-maven-plugin, pom.xml), so that no invoker script waits on it:
# five rounds of two deploys at the same time, alpha and beta, each its own Maven, sharing one
# cache folder; each round gives both new content and its own tag. Then each project alone, from
# the last round's content, into another namespace. verify.groovy checks the registry.
# Arguments: the Maven to run, the local repository.
set -euo pipefail
mvn="$1"
repo="$2"
ns="it-concurrent-$(date +%s%3N)"
echo "$ns" > namespace.txt
# Fresh for this run: round 1 also races on writing the base image's layers into it.
cache="$PWD/shared-cache/base-layers"
rm -rf shared-cache
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1"

deploy() { # project namespace tag log
  "$mvn" -B -f "$1/pom.xml" "-Dmaven.repo.local=$repo" deploy -Dmaven.deploy.skip=true \
    -Dmaven.test.skip=true -Dmaven.install.skip=true \
    "-Ddockyard.namespace=$2" "-Ddockyard.tags=$3" "-Ddockyard.baseImageCache=$cache" \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    > "$4" 2>&1 || { echo "rounds.sh: the deploy of $1 failed; see $PWD/$4" >&2; return 1; }
}

for round in 1 2 3 4 5; do
  for project in alpha beta; do
    echo "$project round $round" > "$project/src/main/resources/round.txt"
  done
  deploy alpha "$ns" "round-$round" "round-$round-alpha.log" & alpha=$!
  deploy beta "$ns" "round-$round" "round-$round-beta.log" & beta=$!
  failed=0
  wait "$alpha" || failed=1
  wait "$beta" || failed=1
  ((failed == 0)) || exit 1
  echo "rounds.sh: round $round: both deploys succeeded"
done
for project in alpha beta; do
  deploy "$project" "$ns-alone" round-5 "alone-$project.log"
  echo "rounds.sh: $project alone succeeded"
done
