"""Bytes a set of images costs, read from the registry API, and the floor it could cost.

    python3 measure.py registry REGISTRY NAMESPACE N      -> stored bytes
    python3 measure.py floor REGISTRY BASE_REPO PROJECT N -> floor in bytes

stored: every distinct blob (layers and configs) the N images reference, the base image's once.
floor: the base image plus the distinct jars of all services plus their own classes and resources.
"""
import json
import os
import sys
import urllib.request

ACCEPT = "application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.manifest.v1+json"


def manifest(registry, repo, tag):
    req = urllib.request.Request(f"http://{registry}/v2/{repo}/manifests/{tag}", headers={"Accept": ACCEPT})
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)


def blobs(m):
    yield m["config"]["digest"], m["config"]["size"]
    for layer in m["layers"]:
        yield layer["digest"], layer["size"]


def registry_bytes(registry, namespace, n):
    seen = {}
    for i in range(1, n + 1):
        for digest, size in blobs(manifest(registry, f"{namespace}/service-{i}", "1.0.0")):
            seen[digest] = size
    return sum(seen.values())


def floor(registry, base_repo, project, n):
    base = sum(size for _, size in blobs(manifest(registry, base_repo, "latest")))
    jars, own = {}, 0
    for i in range(1, n + 1):
        module = os.path.join(project, f"service-{i}")
        for folder in ("target/dockyard/app/libs", "target/dockyard/app/snapshot-libs"):
            path = os.path.join(module, folder)
            for name in os.listdir(path) if os.path.isdir(path) else []:
                st = os.stat(os.path.join(path, name))
                jars[(st.st_dev, st.st_ino)] = st.st_size
        for root, _, files in os.walk(os.path.join(module, "target/classes")):
            own += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return base + sum(jars.values()) + own


if __name__ == "__main__":
    if sys.argv[1] == "base":
        print(sum(size for _, size in blobs(manifest(sys.argv[2], sys.argv[3], "latest"))))
    elif sys.argv[1] == "registry":
        print(registry_bytes(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    else:
        print(floor(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))
