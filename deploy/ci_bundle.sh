#!/usr/bin/env bash
# Build the desktop bundle in a venv of its own (.build/) and smoke-test it with an empty
# environment; what .ci/run would call to test the bundle on Linux:
#
#   bash deploy/ci_bundle.sh
#
# About a minute on 2 cores once the packages are downloaded (PyInstaller ~30 s, the smoke
# test ~10 s). The Windows counterpart is .github/workflows/windows.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .build
.build/bin/pip install -q -r requirements.txt -r deploy/requirements.txt
.build/bin/python deploy/build.py --no-tarball
.build/bin/python deploy/smoke_test.py dist/Jaring
