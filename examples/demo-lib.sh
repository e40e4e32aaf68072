# Shared by the examples' demo-receiver.sh scripts (sourced): how to get the hookseal
# package of each runtime built from this checkout. Each function fails, with one line
# saying why, when the runtime is not installed, so the demo skips that receiver.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The npm package: the native addon and the CommonJS entry points (as scripts/ci/node.sh).
hookseal_npm() {
  command -v node >/dev/null || { echo "node is not installed"; return 1; }
  if ! ls "$root"/npm/hookseal.*.node >/dev/null 2>&1 || [[ ! -e $root/npm/cjs/index.js ]]; then
    (cd "$root/npm" && npm install --no-audit --no-fund && npm run build)
  fi
}

# The Python wheel, built with maturin and installed with REQUIREMENTS into the venv at
# the repository root (as scripts/ci/python.sh does).
hookseal_python() { # requirements.txt
  local python=${PYTHON:-python3}
  command -v "$python" >/dev/null || { echo "$python is not installed"; return 1; }
  [[ -x $root/.venv/bin/python ]] || "$python" -m venv "$root/.venv"
  "$root/.venv/bin/python" -m pip install --quiet -r "$1"
  if ! "$root/.venv/bin/python" -c 'import hookseal' 2>/dev/null; then
    "$root/.venv/bin/python" -m pip install --quiet maturin==1.16.0
    local wheels=$root/target/wheels-examples
    rm -rf "$wheels"
    (cd "$root/python" && "$root/.venv/bin/maturin" build --out "$wheels")
    "$root/.venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheels"/hookseal-*.whl
  fi
}

# The Go module's static library and wasm module for this host (go generate in go/, as
# scripts/ci/go.sh does).
hookseal_go() {
  command -v go >/dev/null || { echo "go is not installed"; return 1; }
  [[ -e $root/go/lib/$(go env GOOS)_$(go env GOARCH)/libhookseal.a && -e $root/go/internal/engine/hookseal.wasm ]] ||
    bash "$root/go/build-lib.sh"
}

# The wasm engine (npm/wasm), built by bindings/wasm/build.sh when it is missing. Its
# wasm-bindgen-cli is not installed here (a long `cargo install`; scripts/ci/wasm.sh
# does it): without it build.sh fails with one line saying so, and the demo skips.
hookseal_wasm() {
  command -v node >/dev/null || { echo "node is not installed"; return 1; }
  [[ -e $root/npm/wasm/web/hookseal_wasm_bg.wasm ]] && return 0
  command -v rustup >/dev/null || { echo "rustup is not installed"; return 1; }
  rustup target add wasm32-unknown-unknown
  [[ -x $root/bindings/wasm/node_modules/.bin/wasm-opt ]] ||
    (cd "$root/bindings/wasm" && npm ci --no-audit --no-fund)
  bash "$root/bindings/wasm/build.sh"
}

# The demo-receiver.sh of a Node example whose entry point is server.js.
node_receiver() { # dir build|run [PORT]
  case ${2:-} in
    build) hookseal_npm && cd "$1" && npm install --no-audit --no-fund ;;
    run) cd "$1" && PORT=$3 exec node server.js ;;
    *) echo "usage: demo-receiver.sh build | run PORT" >&2; return 2 ;;
  esac
}
