#!/usr/bin/env bash
# The Python package as a user gets it from PyPI: starts pypiserver on 127.0.0.1 (a free
# port, a temporary packages directory), uploads every artifact of OUT/python/ with twine,
# then in fresh venvs outside the checkout:
#   pip install hookseal                  the manylinux wheel on CPython 3.9, 3.11 and 3.13,
#                                         and the shared vectors pass against it
#   pip install "hookseal[redis,postgres]"   the store drivers come along (from PyPI)
#   pip install --no-binary hookseal hookseal   builds the sdist (Rust only), vectors pass
#   pip download --only-binary=:all: --platform P hookseal   each platform gets its wheel
# The first two are python/README.md's install lines, run as written (snippets.py keeps them
# in step). Every hookseal that pip picks must come from the local index (pip's report says
# where).
# The server is stopped on exit.
#   bash scripts/ci/packages/python.sh OUT   (OUT as scripts/release/build.sh wrote it)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dist="$(cd "$1/python" && pwd)"
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")
fail() { echo "python packages: $*" >&2; exit 1; }

# The index the machine's pip uses for everything that is not hookseal (pytest, maturin for
# the sdist build, the store drivers): its configured index, else PyPI.
upstream=${PIP_INDEX_URL:-$(python3 -m pip config get global.index-url 2>/dev/null || true)}
upstream=${upstream:-https://pypi.org/simple/}
# The test runner's pin: the newest pytest that still runs on CPython 3.9.
pytest_pin="pytest==8.4.2"

registry="$root/target/pypi-registry"
if [ ! -x "$registry/bin/pypi-server" ] || [ ! -x "$registry/bin/twine" ]; then
  echo "== python packages: pypiserver and twine into target/pypi-registry/ (PyPI)"
  python3 -m venv "$registry"
  "$registry/bin/python" -m pip install --quiet "pypiserver==2.4.2" "twine==7.0.0"
fi

pyenv_root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
interpreter() { # MINOR (3.11): the newest pyenv build of that CPython
  local found
  found=$({ ls -d "$pyenv_root"/versions/"$1".* 2>/dev/null || true; } | sort -V | tail -1)
  [ -x "$found/bin/python$1" ] || fail "no CPython $1 under $pyenv_root"
  echo "$found/bin/python$1"
}

work=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
index="http://127.0.0.1:$port"
mkdir -p "$work/packages"
echo "== python packages: pypiserver on $index"
# `-a . -P .`: uploads without a password (127.0.0.1 only); no fallback: a name the index
# lacks is missing, never redirected to PyPI.
"$registry/bin/pypi-server" run -i 127.0.0.1 -p "$port" -a . -P . --disable-fallback \
  "$work/packages" >"$work/pypiserver.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fsS "$index/simple/" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/pypiserver.log" >&2; fail "pypiserver exited"; }
  sleep 0.1
done
curl -fsS "$index/simple/" >/dev/null || fail "pypiserver did not answer on $index"

artifacts=("$dist"/hookseal-*)
[ ${#artifacts[@]} -ge 9 ] || fail "expected 8 wheels and an sdist in $dist, found ${artifacts[*]}"
echo "== python packages: twine upload ${#artifacts[@]} artifacts"
"$registry/bin/twine" upload --non-interactive --disable-progress-bar \
  --repository-url "$index/" -u ci -p ci "${artifacts[@]}"
served=$(curl -fsS "$index/simple/hookseal/" | grep -c 'href=' || true)
[ "$served" -eq ${#artifacts[@]} ] || fail "the index serves $served files, not ${#artifacts[@]}"

# Fresh venvs and working directories outside the checkout; no PYTHONPATH, so `hookseal`
# is what pip installed; no bytecode written beside python/tests/.
unset PYTHONPATH VIRTUAL_ENV
export PYTHONDONTWRITEBYTECODE=1
venv() { # NAME MINOR: a fresh venv with the test runner, its python's path on stdout
  "$(interpreter "$2")" -m venv "$work/$1"
  "$work/$1/bin/python" -m pip install --quiet --index-url "$upstream" "$pytest_pin" >&2
  echo "$work/$1/bin/python"
}
# from_index REPORT WANT: pip --report's hookseal came from the local index, a file named WANT*.
from_index() {
  "$1" -c '
import json, sys
report, index, want = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
[url] = [i["download_info"]["url"] for i in report["install"] if i["metadata"]["name"] == "hookseal"]
name = url.rsplit("/", 1)[-1]
if not url.startswith(index + "/") or not name.startswith(want):
    sys.exit(f"hookseal came from {url}, not {index}/…/{want}*")
print("   picked", name)' "$2" "$index" "$3"
}
# vectors PYTHON: the shared vectors (python/tests/test_vectors.py) against the installed package.
vectors() {
  (cd "$work" && "$1" -c '
import hookseal, pathlib, sys
assert "site-packages" in pathlib.Path(hookseal.__file__).parts, hookseal.__file__
assert hookseal.__version__ == sys.argv[1], (hookseal.__version__, sys.argv[1])' "$version" &&
    "$1" -m pytest -q -p no:cacheprovider "$root/python/tests/test_vectors.py" | tail -1)
}
timed() { # VAR COMMAND...: runs COMMAND, the seconds it took in VAR
  local start=$EPOCHREALTIME
  "${@:2}"
  printf -v "$1" '%s' "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
}

# python/README.md's install lines, as a user types them (scripts/docs/snippets.py checks that
# the README's block is these lines).
mapfile -t readme <<'SH'
pip install hookseal
pip install "hookseal[redis,postgres]"
SH
# as_user VENV REPORT COMMAND [EXTRA_INDEX]: a user's command in VENV (its pip first on
# PATH), outside the checkout; pip reads the local index from PIP_INDEX_URL (and any extra
# index from PIP_EXTRA_INDEX_URL) and writes its report to REPORT. No pip cache: each install
# downloads (and the sdist builds) as on a fresh machine, so the times are the index's.
as_user() {
  (cd "$work" && PATH="$work/$1/bin:$PATH" PIP_INDEX_URL="$index/simple/" \
    PIP_EXTRA_INDEX_URL="${4:-}" PIP_REPORT="$2" PIP_QUIET=1 PIP_NO_CACHE_DIR=1 bash -c "$3")
}

# pip picks the cp39-abi3 wheel on 3.9 and the faster cp310-abi3 one from 3.10 on.
manylinux() { echo "hookseal-$version-$([ "$1" = 3.9 ] && echo cp39 || echo cp310)-abi3-manylinux2014_x86_64"; }
seconds="" wheel_seconds="" sdist_seconds=""
for minor in 3.9 3.11 3.13; do
  echo "== python packages: ${readme[0]} on CPython $minor"
  python=$(venv "py$minor" "$minor")
  timed seconds as_user "py$minor" "$work/py$minor.json" "${readme[0]}"
  from_index "$python" "$work/py$minor.json" "$(manylinux "$minor")"
  echo "   installed in ${seconds}s"
  [ "$minor" != 3.11 ] || wheel_seconds=$seconds
  vectors "$python"
done

echo "== python packages: ${readme[1]} on CPython 3.12"
python=$(venv extras 3.12)
# The drivers come from PyPI: the extra index.
as_user extras "$work/extras.json" "${readme[1]}" "$upstream"
from_index "$python" "$work/extras.json" "$(manylinux 3.12)"
(cd "$work" && "$python" -c '
import psycopg, psycopg_pool, redis
from hookseal.stores import PostgresStore, RedisStore
print("   drivers: redis", redis.__version__, "psycopg", psycopg.__version__)')

echo "== python packages: pip install --no-binary hookseal hookseal (the sdist) on CPython 3.11"
python=$(venv sdist 3.11)
# The build dependency (maturin) comes from PyPI; hookseal only from the local index.
timed sdist_seconds "$python" -m pip install --quiet --no-cache-dir --index-url "$index/simple/" \
  --extra-index-url "$upstream" --no-binary hookseal --report "$work/sdist.json" hookseal
from_index "$python" "$work/sdist.json" "hookseal-$version.tar.gz"
echo "   built and installed in ${sdist_seconds}s"
vectors "$python"

echo "== python packages: pip download --only-binary=:all: --platform P hookseal"
for platform in manylinux2014_x86_64 manylinux2014_aarch64 musllinux_1_2_x86_64 \
  musllinux_1_2_aarch64; do
  for abi in 3.9:cp39 3.11:cp310; do
    rm -rf "$work/download" && mkdir -p "$work/download"
    (cd "$work" && "$python" -m pip download --quiet --no-deps --no-cache-dir \
      --index-url "$index/simple/" --only-binary=:all: --platform "$platform" \
      --python-version "${abi%%:*}" -d "$work/download" hookseal)
    got=$(cd "$work/download" && ls)
    [[ $got == "hookseal-$version-${abi#*:}-abi3-"*"$platform"*.whl ]] ||
      fail "--platform $platform --python-version ${abi%%:*} resolved '$got'"
    echo "   $platform, CPython ${abi%%:*}: $got"
  done
done

echo "== python packages: install from the local index, CPython 3.11:" \
  "wheel ${wheel_seconds}s, sdist build ${sdist_seconds}s"
