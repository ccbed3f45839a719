# Vellum: `make demo` renders every example into out/, `make test` runs the test suite.
SWIFT ?= swift
# System packages the build links against, the default fonts (CMU, Latin Modern Math), the venue styles'
# fonts (TeX Gyre, Linux Libertine), and a second
# family the font-pinning test uses; `time` measures the documented memory bound in the tests.
DEPS := pkg-config librsvg2-dev libcairo2-dev libpango1.0-dev libharfbuzz-dev libfreetype-dev zlib1g-dev \
        libfontconfig-dev fonts-cmu fonts-lmodern fonts-texgyre fonts-texgyre-math fonts-linuxlibertine \
        fonts-dejavu-core fonts-wqy-microhei fonts-symbola time python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build install demo test python-test gallery-test bench fuzz format clean

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The Swift runtime linked statically: a faster start and 10 MB less memory per run.
build: deps
	$(SWIFT) build -c release --product vellum --static-swift-stdlib

# The binary where the Python package (and a shell) finds it.
install: build
	$(SUDO) install -m 755 .build/release/vellum /usr/local/bin/vellum

demo: build
	mkdir -p out
	.build/release/vellum render Templates/examples/*.yaml --out out
	@ls -l out

test: deps
	$(SWIFT) build --build-tests
	python3 -c 'import jsonschema, yaml' 2>/dev/null || python3 -m pip install -q jsonschema pyyaml
	python3 scripts/validate_schema.py .build/debug/vellum
	python3 scripts/schema_differential.py .build/debug/vellum --runs 400 --seed 1
	python3 scripts/shared_descriptions.py .build/debug/vellum --max 0
	python3 scripts/fuzz_numbers.py --binary .build/debug/vellum --runs 120 --seed 7
	python3 scripts/fuzz_svg.py --binary .build/debug/vellum --runs 150 --seed 5
	$(SWIFT) test --skip-build --disable-swift-testing
	$(MAKE) python-test

# The Python package's tests in a virtualenv (pandas, numpy, pytest; sphinx, mkdocs and pre-commit for the
# documentation-builder and hook tests, from PyPI), against the debug binary.
python-test:
	@[ -x .build/pyvenv/bin/python ] || python3 -m venv .build/pyvenv
	.build/pyvenv/bin/pip install -q pandas numpy pytest sphinx mkdocs pre-commit
	.build/pyvenv/bin/pip install -q --force-reinstall --no-deps ./python
	cd python && VELLUM_BIN=$(CURDIR)/.build/debug/vellum ../.build/pyvenv/bin/python -m pytest -q tests

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build out

# The gallery opened in headless Chromium (Debian's chromium package), compared with librsvg's rendering.
gallery-test: deps
	@dpkg-query -W -f='$${Status}' chromium 2>/dev/null | grep -q 'ok installed' || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	$(SWIFT) build --build-tests
	VELLUM_REQUIRE_BROWSER=1 $(SWIFT) test --skip-build --disable-swift-testing --filter GalleryBrowserTests

# Benchmarks (see bench/RESULTS.md): a venv with matplotlib for the comparison, rsvg-convert for the floor.
bench: deps
	@command -v rsvg-convert >/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq librsvg2-bin
	$(SWIFT) build -c release --product vellum --static-swift-stdlib
	@[ -x .build-bench/venv/bin/python ] || python3 -m venv .build-bench/venv
	.build-bench/venv/bin/pip install -q matplotlib pillow numpy pandas scipy
	.build-bench/venv/bin/python bench/bench.py
	.build-bench/venv/bin/python bench/scale.py
	.build-bench/venv/bin/python bench/many-series.py
	bash bench/big-line.sh
	bash bench/logs.sh
	bash bench/distributions.sh
	.build-bench/venv/bin/python bench/lint.py
	.build-bench/venv/bin/pip install -q --force-reinstall --no-deps ./python
	VELLUM_BIN=$(CURDIR)/.build/release/vellum .build-bench/venv/bin/python bench/python_overhead.py

# Mutation fuzzing of the examples, number fuzzing of every mark, then SVG fuzzing of textconv and diff (short
# seeds of the last two run in `make test`):
# RUNS=5000 NUMBER_RUNS=20000 SEED=7 make fuzz
fuzz: deps
	$(SWIFT) build -c release --product vellum --static-swift-stdlib
	python3 scripts/fuzz_specs.py --binary .build/release/vellum --runs $${RUNS:-1000} --seed $${SEED:-1}
	python3 scripts/fuzz_numbers.py --binary .build/release/vellum --runs $${NUMBER_RUNS:-20000} --seed $${SEED:-1}
	python3 scripts/fuzz_svg.py --binary .build/release/vellum --runs $${SVG_RUNS:-5000} --seed $${SEED:-1}
	$(SWIFT) build --build-tests
	VELLUM_PROPERTY_RUNS=$${PROPERTY_RUNS:-20000} $(SWIFT) test --skip-build --disable-xctest
