#!/usr/bin/env bash
# What a Git checkout cannot hold or an invoker copy does not keep: symlinks, empty directories,
# file modes and the tar archives ADD unpacks. Run by prebuild.groovy in the copied IT folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# ADD archives: entries with their own modes (setuid and setgid too) and owners (tar adds no './' entry for named members).
for c in c09-add-tar c10-add-targz; do
  chmod 2750 "$c/stage/dir"
  chmod 0600 "$c/stage/top.txt"
  chmod 4755 "$c/stage/dir/inner.txt"
done
chmod 0700 c09-add-tar/stage/owned
tar --format=gnu -cf c09-add-tar/files.tar --owner=0 --group=0 --numeric-owner \
  -C c09-add-tar/stage top.txt dir
tar --format=gnu -rf c09-add-tar/files.tar --owner=1000 --group=1000 --numeric-owner \
  -C c09-add-tar/stage owned
tar --format=gnu -czf c10-add-targz/files.tar.gz --owner=1000 --group=65534 --numeric-owner \
  -C c10-add-targz/stage top.txt dir
gzip -n -c c11-add-plain/notes.txt > c11-add-plain/notes.txt.gz

# Symlinks: named as sources, and met inside a copied directory.
ln -sfn target.txt c15-symlink-sources/link.txt
ln -sfn realdir c15-symlink-sources/linkdir
ln -sfn file.txt c16-symlinks-inside/withlinks/to-file
ln -sfn dir c16-symlinks-inside/withlinks/to-dir
ln -sfn ../outside.txt c16-symlinks-inside/withlinks/up
ln -sfn /etc/os-release c16-symlinks-inside/withlinks/absolute
ln -sfn missing.txt c16-symlinks-inside/withlinks/dangling

# Empty directories, at the top of a copied tree, nested, and as a source of their own.
mkdir -p c17-empty-dirs/tree/empty c17-empty-dirs/tree/sub/emptier c17-empty-dirs/empty
chmod 0700 c17-empty-dirs/tree/sub/emptier

# Modes of the context, setuid, setgid and sticky bits included.
chmod 4755 c18-file-modes/modes/run.sh
chmod 0600 c18-file-modes/modes/private.txt
chmod 0664 c18-file-modes/modes/shared.txt
chmod 0700 c18-file-modes/modes/locked
chmod 0640 c18-file-modes/modes/locked/inner.txt
chmod 3775 c18-file-modes/modes/open
chmod 0711 c01-dir-contents/tree/sub
