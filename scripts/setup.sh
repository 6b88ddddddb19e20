#!/usr/bin/env bash
# Set up lagebild: a virtual environment with the fastest Python found, lagebild installed
# into it (editable, from this checkout).
#
#   scripts/setup.sh [VENV_DIR] [EXTRAS]     defaults: .venv  dev
#
# Why not plain `python3 -m venv`: spaCy's PyPI wheels for Python 3.11 are compiled with
# Cython's profiling hooks, which take the GIL at every entry of a C function inside the
# parser's nogil loop: the same model parses about 2x slower than under Python >= 3.12,
# whose wheels are built without the hooks (numbers in the README's "Benchmarks" section).
# lagebild still runs on 3.11, only slower.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
extras=${2:-dev}

is_fast() {  # the interpreter runs and is Python >= 3.12
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1
}

pick_python() {
    local candidate
    # on PATH first, then pyenv's installed versions (pyenv shims of unselected versions fail
    # to run, which is_fast rejects)
    for candidate in python3.12 python3.13 python3.14 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && is_fast "$candidate"; then
            echo "$candidate"
            return
        fi
    done
    echo "setup: no Python >= 3.12 found; using python3 (works, but parses ~2x slower)" >&2
    echo python3
}

python=$(pick_python)
echo "setup: $("$python" --version) → $venv" >&2
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -e ".[$extras]"
echo "setup: done; run $venv/bin/lagebild --help (or activate: . $venv/bin/activate)" >&2
