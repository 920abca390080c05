#!/bin/bash
# The bounded smoke test of a keel_fuzz_test: runs the fuzzer launcher ($1) for $2 inputs
# from seed $3, starting from the seed corpus, and fails on any crash, leak, UBSan report
# or model mismatch. New corpus entries go to the test's temporary directory; a crash
# input is kept in the undeclared outputs (outputs.zip).
set -euo pipefail
launcher=$1
runs=$2
seed=$3
export KEEL_FUZZ_CORPUS="$TEST_TMPDIR/corpus"
export KEEL_FUZZ_ARTIFACTS="${TEST_UNDECLARED_OUTPUTS_DIR:-$TEST_TMPDIR}/"
"$launcher" -runs="$runs" -seed="$seed" -timeout=20 -print_final_stats=1
