#!/usr/bin/env bash
# Builds the base image of the RiskGrid container image: a Java 17 runtime made with jlink from the
# build's own JDK, the Debian packages that own the shared libraries it links, a non-root user and
# nothing else (no shell, no package manager). The result is a `docker save` style tarball that Jib
# takes as its `tar://` base image, so the whole image is built without a Docker daemon, a registry
# or the network. image/README.md says why it is built this way.
#
#   image/build-base-image.sh OUT_DIR [JDK_HOME]
#
# OUT_DIR/riskgrid-base.tar is the base image. The JDK ($RISKGRID_IMAGE_JDK if set, else JDK_HOME,
# else $JAVA_HOME) must be a Java 17 JDK with jmods, as Debian's openjdk-17-jdk-headless is. The
# build is skipped, in well under a second, when OUT_DIR holds a base that this same script made from
# the same JDK since the last change to the machine's packages. Needs: bash, jlink, ldd, dpkg-query
# (Debian or Ubuntu), GNU tar, gzip, sha256sum. No network, no root.
set -euo pipefail
umask 022

die() { echo "build-base-image: $*" >&2; exit 1; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: build-base-image.sh OUT_DIR [JDK_HOME]"
out=$1
jdk=${RISKGRID_IMAGE_JDK:-${2:-${JAVA_HOME:-}}}
[ -n "$jdk" ] || die "no JDK given: pass JDK_HOME or set RISKGRID_IMAGE_JDK or JAVA_HOME"
jdk=$(readlink -f "$jdk")
# Maven passes the java.home of its own JVM; with a JDK 9+ that is the JDK itself.
[ -x "$jdk/bin/jlink" ] || die "$jdk has no bin/jlink: a JDK (not a JRE) is needed"
[ -f "$jdk/jmods/java.base.jmod" ] || die "$jdk has no jmods/: install the JDK's jmods (Debian: openjdk-17-jdk-headless)"
java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release")
[ "${java_version%%.*}" = 17 ] || die "the image runs Java 17, but $jdk is Java '$java_version': set RISKGRID_IMAGE_JDK to a Java 17 JDK"
for tool in ldd dpkg-query tar gzip sha256sum; do
  command -v "$tool" >/dev/null || die "$tool not found (the base image is assembled from the Debian packages of the build machine)"
done

# Skip when nothing that goes into the base has changed: this script, the JDK, the installed packages.
self=$(readlink -f "${BASH_SOURCE[0]}")
key=$( { sha256sum "$self"; echo "$jdk"; cat "$jdk/release"; stat -c '%s %Y' "$jdk/jmods/java.base.jmod";
         stat -c '%Y' /var/lib/dpkg/status 2>/dev/null || true; } | sha256sum | cut -c1-64)
if [ -f "$out/riskgrid-base.tar" ] && [ "$(cat "$out/key" 2>/dev/null)" = "$key" ]; then
  echo "build-base-image: $out/riskgrid-base.tar is up to date"
  exit 0
fi

start=$SECONDS
rm -rf "$out"
work="$out/work"
root="$work/rootfs"
mkdir -p "$root" "$work/archive"

# Debian 12's merged-/usr layout, the mount points a container runtime fills, and the app user's home.
mkdir -p "$root"/usr/{bin,sbin,lib,lib64} "$root"/{etc,dev,proc,sys,tmp,root,opt/java} \
  "$root/home/riskgrid" "$root/var/lib/dpkg/status.d"
for d in bin sbin lib lib64; do ln -s "usr/$d" "$root/$d"; done
chmod 1777 "$root/tmp"
chmod 0700 "$root/root"

# The Java runtime: every module of the build JDK, so the image runs what the tests ran on (and keeps
# jcmd, jstack and jfr for diagnosing a live pod). The X11 libraries go, as in Debian's headless JRE.
# No --strip-debug: it would take the line numbers out of the JDK's frames in every stack trace.
java_home=/opt/java/openjdk
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules ALL-MODULE-PATH \
  --no-man-pages --no-header-files --compress=0 \
  --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so' \
  --output "$root$java_home" 2>&1 | grep -v 'WARNING: Using incubator modules' || true
[ -x "$root$java_home/bin/java" ] || die "jlink made no runtime"
ln -s "$java_home/bin/java" "$root/usr/bin/java"

# The shared libraries: ldd of every ELF file of the runtime, mapped to the Debian packages that own
# them; those packages go in whole (libraries, soname links, copyright files), as installed here.
owner_of() {
  local c v r
  for c in "$1" "$(readlink -f "$1")"; do
    for v in "$c" "${c#/usr}" "/usr$c"; do
      r=$(dpkg-query -S "$v" 2>/dev/null | grep -v '^diversion' | head -n1 || true)
      if [ -n "$r" ]; then echo "${r%%: *}" | cut -d, -f1; return 0; fi
    done
  done
  return 1
}
declare -A needed=() own=()
while IFS= read -r -d '' f; do own[${f##*/}]=1; done < <(find "$root$java_home" -type f -name '*.so*' -print0)
while IFS= read -r -d '' f; do
  [ "$(head -c4 "$f" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] || continue
  while read -r name arrow path _; do
    if [ "$arrow" = "=>" ] && [ "$path" = not ]; then
      # Runtime libraries such as libjvm.so are found at run time next to the one that needs them.
      [ -n "${own[$name]:-}" ] || die "$f needs $name, which is not installed here"
    elif [ "$arrow" = "=>" ] && [ "${path#/}" != "$path" ] && [ "${path#"$root$java_home"/}" = "$path" ]; then
      needed[$path]=1
    elif [ "${name#/}" != "$name" ]; then
      needed[$name]=1 # the dynamic loader
    fi
  done < <(env -u LD_LIBRARY_PATH ldd "$f" 2>/dev/null || true)
done < <(find "$root$java_home" -type f \( -perm -u+x -o -name '*.so*' \) -print0)
declare -A packages=([base-files]=1)
for lib in "${!needed[@]}"; do
  pkg=$(owner_of "$lib") || die "no Debian package owns $lib, which the Java runtime links"
  packages[$pkg]=1
done

listing="$work/files"
: >"$listing"
labels=()
for pkg in $(printf '%s\n' "${!packages[@]}" | sort); do
  dpkg-query -L "$pkg" | while IFS= read -r p; do
    if [ -L "$p" ] || { [ -e "$p" ] && [ ! -d "$p" ]; }; then echo "${p#/}"; fi
  done >>"$listing"
  name=${pkg%%:*}
  dpkg-query -s "$pkg" >"$root/var/lib/dpkg/status.d/$name"
  labels+=("$name=$(dpkg-query -W -f='${Version}' "$pkg")")
done
# LANG=C.UTF-8 needs glibc's C.UTF-8 locale, which Debian ships in libc-bin (whose programs stay out):
# without it Java 17 falls back to ASCII for file names and for its default charset.
dpkg-query -L libc-bin | grep '^/usr/lib/locale/C\.utf8/' | while IFS= read -r p; do
  if [ -f "$p" ]; then echo "${p#/}"; fi
done >>"$listing"
labels+=("libc-bin=$(dpkg-query -W -f='${Version}' libc-bin)(C.utf8 locale)")
tar -C / --no-recursion --verbatim-files-from -T "$listing" -cf - | tar -C "$root" -xf -

# A user for the application (numeric, so Kubernetes' runAsNonRoot can check it) and name lookup
# through /etc/hosts first, which the container runtime writes.
cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
riskgrid:x:10001:10001:RiskGrid:/home/riskgrid:/usr/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
riskgrid:x:10001:
EOF
cat >"$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
EOF

# One layer, reproducible: fixed times, numeric owners, sorted; the home directory belongs to the user.
layer="$work/layer.tar"
common=(--format=gnu --sort=name --mtime=@1 --numeric-owner)
tar -C "$root" "${common[@]}" --owner=0 --group=0 --exclude=./home/riskgrid -cf "$layer" .
tar -C "$root" "${common[@]}" --owner=10001 --group=10001 -rf "$layer" ./home/riskgrid
diff_id=$(sha256sum "$layer" | cut -c1-64)
gzip -n -6 -c "$layer" >"$work/archive/layer.tar.gz"
rm -f "$layer"

runtime_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release")
runtime_version=${runtime_version:-$java_version}
cat >"$work/archive/config.json" <<EOF
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:01Z",
  "config": {
    "Env": [
      "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=$java_home",
      "LANG=C.UTF-8"
    ],
    "User": "10001:10001",
    "WorkingDir": "/home/riskgrid",
    "Labels": {
      "io.riskgrid.base.java": "$runtime_version",
      "io.riskgrid.base.debian-packages": "${labels[*]}"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["sha256:$diff_id"] },
  "history": [
    { "created": "1970-01-01T00:00:01Z", "created_by": "image/build-base-image.sh",
      "comment": "jlink of $runtime_version (all modules) and the Debian packages of the libraries it links" }
  ]
}
EOF
cat >"$work/archive/manifest.json" <<'EOF'
[{"Config": "config.json", "RepoTags": ["riskgrid-base:local"], "Layers": ["layer.tar.gz"]}]
EOF
tar -C "$work/archive" "${common[@]}" --owner=0 --group=0 -cf "$out/riskgrid-base.tar.tmp" manifest.json config.json layer.tar.gz
mv "$out/riskgrid-base.tar.tmp" "$out/riskgrid-base.tar"
rm -rf "$work"
echo "$key" >"$out/key"
echo "build-base-image: $out/riskgrid-base.tar: Java $runtime_version + ${labels[*]}" \
  "($(du -k "$out/riskgrid-base.tar" | cut -f1) KiB, $((SECONDS - start)) s)"
