#!/usr/bin/env bash
# Run by this IT's own build (exec-maven-plugin, pom.xml), so that no invoker script waits on it:
# the build of project/ on the full small filesystem, which must fail and leave nothing behind;
# then, with the filler removed, the same build again, without any cleanup. verify.groovy checks.
# Arguments: the Maven to run, the local repository.
set -euo pipefail
mvn="$1"
repo="$2"
mount="$DOCKYARD_TEST_SMALL_FS/build"
dockyard="$mount/project/target/dockyard"
image="$(cat namespace.txt)/disk-full-build"
build() { # log
  "$mvn" -B -f "$mount/project/pom.xml" "-Dmaven.repo.local=$repo" deploy -Dmaven.deploy.skip=true \
    -Dmaven.test.skip=true -Ddockyard.tarball=true > "$1" 2>&1
}
if build full.log; then
  echo "builds.sh: the build on a full disk succeeded; see $PWD/full.log" >&2
  exit 1
fi
# Nothing half-written is left to be taken for an image, and nothing was pushed.
for file in image.tar image.json; do
  if [[ -e "$dockyard/$file" ]]; then
    echo "builds.sh: the failed build left $dockyard/$file" >&2
    exit 1
  fi
done
curl --noproxy '*' -s -o /dev/null -w '%{http_code}\n' \
  "http://${DOCKYARD_TEST_REGISTRY:-127.0.0.1:5000}/v2/$image/tags/list" > tags-after-failure.txt
rm "$mount/filler.bin"
build rerun.log || { echo "builds.sh: the build with space failed; see $PWD/rerun.log" >&2; exit 1; }
