# The two commands a newcomer types on a fresh machine:
#   make run      # the tool's main job (today: the RTM code tables; later: check Models/)
#   make test     # the test suite, then the CLI checks CI runs
# Each installs what it needs first (libgraphviz-dev and libjemalloc-dev when pkg-config cannot find them).

SWIFT ?= swift

.PHONY: deps build run test ci
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) build -c release --product rtmcheck
	$$($(SWIFT) build -c release --show-bin-path)/rtmcheck check Models/

test: deps
	$(SWIFT) test
	bash scripts/cli-checks.sh

ci: test
