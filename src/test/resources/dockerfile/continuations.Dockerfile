from   registry.example.com/base/jre:17   as   runtime
# comments and blank lines inside continuations are skipped
label \
    # maintainer of the image
    team=payments \

    tier=backend
env LANG=C.UTF-8 \
    # comment between pairs
    TZ=UTC
copy --chmod=755 \
     scripts/start.sh \
     scripts/health.sh \
     /usr/local/bin/
entrypoint ["start.sh"]
