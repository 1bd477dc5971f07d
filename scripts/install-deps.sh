#!/usr/bin/env bash
# Installs the system packages RTMCheck needs, only where they are missing.
set -euo pipefail
if pkg-config --exists libgvc 2>/dev/null; then
  # Graphviz finds its layout plugins through config6a, which libgvc6's install writes; recreate it
  # if it is missing (layout would fail with "Layout type not recognized").
  config="$(pkg-config --variable=libdir libgvc)/graphviz/config6a"
  if [ ! -e "$config" ] && command -v libgvc6-config-update >/dev/null; then libgvc6-config-update -c || true; fi
  exit 0
fi
echo "libgvc not found by pkg-config: installing libgraphviz-dev" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libgraphviz-dev pkg-config >/dev/null
pkg-config --exists libgvc || { echo "libgvc still not found after installing libgraphviz-dev" >&2; exit 1; }
