# shellcheck shell=bash
# Sourced by scripts/bench-load.sh: `build_for HELPER...` builds what those helpers'
# servers need, release builds only, each once (cargo queues on target/ when other
# builds run). Needs $root (the checkout) and $work (a scratch dir outside it).

venv=$root/target/venv-load

build_wrk() {
  command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
}

# The npm package's release addon (`npm run build` is a release build) and CommonJS
# entry points, with its devDependencies (express).
build_npm() {
  [[ -d $root/npm/node_modules/express ]] || (cd "$root/npm" && npm ci --no-audit --no-fund >/dev/null)
  (cd "$root/npm" && npm run --silent build >"$work/npm-build.log" 2>&1) || { cat "$work/npm-build.log"; return 1; }
}

# An example's dependencies, from its lockfile (npm ci never rewrites it).
build_example_deps() { # dir
  [[ -d $root/examples/$1/node_modules ]] || (cd "$root/examples/$1" && npm ci --no-audit --no-fund >/dev/null)
}

# The wasm engine for workerd; bindings/wasm/build.sh needs wasm-bindgen-cli (a long
# cargo install, see scripts/ci/wasm.sh), so a built one is kept.
build_wasm() {
  [[ -e $root/npm/wasm/web/hookseal_wasm_bg.wasm ]] || bash "$root/bindings/wasm/build.sh"
}

# The release wheel (cp310-abi3: the fastcall build) in a venv of its own with the
# pinned servers, so the tests' .venv keeps its build.
build_python() {
  [[ -x $venv/bin/python ]] || "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet -r "$root/scripts/bench-load/requirements.txt"
  rm -rf "$root/target/wheels-load"
  # A cargo target dir of its own: maturin copies the module out of target/maturin/, which
  # another maturin build in the same target dir may be replacing at that moment.
  (cd "$root/python" && CARGO_TARGET_DIR=$root/target/bench-load "$venv/bin/maturin" build --quiet --release --no-default-features --features py310 \
    --out "$root/target/wheels-load" >"$work/wheel-build.log" 2>&1) || { cat "$work/wheel-build.log"; return 1; }
  "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$root"/target/wheels-load/hookseal-*.whl
}

# The Go server, with the cgo engine (go generate builds the core's static library, release).
build_go() {
  (cd "$root/go" && go generate ./... >/dev/null)
  (cd "$root/scripts/bench-load/go-server" && go build -o "$work/go-server" .)
}

# The deliveries are signed by the npm package's `sign`, so npm is always built.
build_for() { # helper...
  build_wrk
  echo "== build: npm (release addon)"
  build_npm
  local h python_built=0
  for h in "$@"; do
    case $h in
      fetch) build_example_deps hono ;;
      edge-worker) build_example_deps edge-worker && build_wasm ;;
      flask | fastapi | django)
        if ((!python_built)); then
          echo "== build: python wheel (release, py310)"
          build_python
          python_built=1
        fi ;;
      go) echo "== build: go server (cgo engine)"; build_go ;;
    esac
  done
}
