# Two commands on a fresh machine: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/audit-extractor
DEMO_OUT ?= demo_out
# A held-out layout (never seen in training); override with DEMO_REPORT=path/to/report.pdf.
DEMO_REPORT ?= labelled_samples/test/smeta7_table-01.pdf

# The realistic corpus is generated, not committed; regenerated only when its generator changes.
REALISTIC ?= build/corpus
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: setup system-deps demo test test-all lint train evaluate evaluate-lofo bench bench-driver bench-reader bench-ocr corpus corpus-realistic corpus-sample schema clean serve bench-serve

setup: system-deps $(VENV)/.installed

# tesseract reads scanned pages; installed from Debian when we are root, else we say how.
system-deps:
	@if ! command -v tesseract >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing tesseract-ocr (Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null; \
	  else \
	    echo "warning: tesseract not found; scanned pages cannot be read (sudo apt-get install tesseract-ocr)"; \
	  fi; \
	fi
	@# PostgreSQL: the service's tests start a throwaway cluster with it (skipped without it).
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing postgresql (Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else \
	    echo "warning: PostgreSQL not found; its service tests will be skipped (sudo apt-get install postgresql)"; \
	  fi; \
	fi
	@# Chromium: the review app's browser tests drive Debian's build (skipped without it).
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else \
	    echo "warning: chromium not found; the review app's browser tests will be skipped (sudo apt-get install chromium)"; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

demo: setup
	@echo "== one report, as a member uploading it would =="
	$(CLI) extract $(DEMO_REPORT) -o $(DEMO_OUT)/single.json
	$(PY) -c "import json,sys; r=json.load(open('$(DEMO_OUT)/single.json')); a=r['audit']; print(a['standard'], a['standard_version'], a['site_name'], a['country'], a['audit_date']); [print(' ', f['finding_id'][-4:], f['kind'], f['severity'], [i['code'] for i in f['ilo_indicators']], f['description'][:70]) for f in r['findings']]"
	@echo "== bulk import of the shipped sample reports with Ray =="
	$(CLI) bulk labelled_samples --out $(DEMO_OUT)/bulk --workers 2
	@echo "records: $(DEMO_OUT)/bulk  (JSONL records, Parquet findings, manifest.json)"

test: setup
	$(PY) -m pytest -q -m "not slow"

test-all: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check extractor pipelines tests benchmarks
	$(VENV)/bin/ruff format --check extractor pipelines tests benchmarks
	$(VENV)/bin/mypy

corpus: setup
	$(PY) -m pipelines.corpus --out labelled_samples
	$(PY) -m pipelines.training.classifier_data --out labelled_samples/classifier

# About 340 reports (18 % scans, 8-60 pages); skipped when build/corpus/stamp.json matches.
corpus-realistic: setup
	$(PY) -m pipelines.corpus realistic --out $(REALISTIC) --jobs $(JOBS) --if-stale

# The small committed sample of the realistic corpus (one short report per family, one scan).
corpus-sample: setup
	$(PY) -m pipelines.corpus realistic --sample --out labelled_samples/realistic_sample

train: setup corpus-realistic
	$(CLI) train

# Held-out layouts of labelled_samples/, held-out families of the realistic corpus, the classifier.
evaluate: setup corpus-realistic
	$(CLI) evaluate --split test
	$(CLI) evaluate --split test --samples $(REALISTIC) --out eval_results/realistic-test.json
	$(CLI) evaluate --classifier

# Leave-one-family-out cross-validation of the finding reader over the realistic corpus's train
# families (one model per family, each trained on at most 3 reports per layout variant of the
# others: about 40 minutes on 2 cores).
LOFO_FAMILIES ?= smeta,amfori_bsci,sa8000,rba,fla,better_work,buyer_legacy,firm_legacy
evaluate-lofo: setup corpus-realistic
	$(CLI) evaluate --split test --lofo --realistic $(REALISTIC) --lofo-families $(LOFO_FAMILIES) \
		--lofo-max-per-variant 3

bench: setup
	$(PY) benchmarks/bench_bulk.py

# Long reports (10-60 pages, text and scans): reader and pipeline against raw pdfplumber/pypdfium2.
bench-reader: setup
	$(PY) benchmarks/bench_reader.py

# OCR settings on every scanned sample page: speed and words read against the gold records.
bench-ocr: setup
	$(PY) benchmarks/bench_ocr.py

# How the bulk driver's cost grows with 1k, 10k and 100k small inputs (takes a while).
bench-driver: setup
	$(PY) benchmarks/bench_driver.py

# Upload service: accepted uploads/s and upload-to-record latency (benchmarks/results/serve-*.json).
bench-serve: setup
	$(PY) benchmarks/bench_serve.py

# The member upload API on http://127.0.0.1:8000 (docs at /docs) with one extraction worker;
# state in ./service_data/. Add a member first: .venv/bin/audit-extractor members add NAME
SERVE_ARGS ?=
serve: setup
	$(CLI) serve $(SERVE_ARGS)

schema: setup
	$(CLI) schema -o schema/audit-record.schema.json

clean:
	rm -rf $(DEMO_OUT) .pytest_cache .ruff_cache .mypy_cache
	@# service_data/ (the service's database, keys and uploads) is kept on purpose.
