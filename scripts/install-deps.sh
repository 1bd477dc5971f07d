#!/usr/bin/env bash
# Installs the system packages RTMCheck needs, only where they are missing: Graphviz's libgvc
# (required: the diagrams) and jemalloc (optional: rtmcheck's allocator, 10-20% faster checks;
# Package.swift links it when its development files are present, else the build uses malloc).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
updated=""
install() {
  if [ -z "$updated" ]; then $SUDO apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if ! pkg-config --exists libgvc 2>/dev/null; then
  echo "libgvc not found by pkg-config: installing libgraphviz-dev" >&2
  install libgraphviz-dev pkg-config
  pkg-config --exists libgvc || { echo "libgvc still not found after installing libgraphviz-dev" >&2; exit 1; }
fi
if ! pkg-config --exists jemalloc 2>/dev/null; then
  echo "jemalloc not found by pkg-config: installing libjemalloc-dev (optional)" >&2
  install libjemalloc-dev || echo "libjemalloc-dev not installed: rtmcheck will use the system malloc" >&2
fi
# Graphviz finds its layout plugins through config6a, which libgvc6's install writes; recreate it
# if it is missing (layout would fail with "Layout type not recognized").
config="$(pkg-config --variable=libdir libgvc)/graphviz/config6a"
if [ ! -e "$config" ] && command -v libgvc6-config-update >/dev/null; then libgvc6-config-update -c || true; fi
