#!/usr/bin/env bash
# Runs the HEPData validation test (ignored by a plain `cargo test` because it
# needs the hepdata-validator Python package): installs nothing itself.
#   pip install hepdata-validator && tools/validate-hepdata.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -p darkscan-cli --test hepdata_validator -- --ignored
