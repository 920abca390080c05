#!/bin/sh
echo "keel: bazel coverage is not supported (no coverage tools can be fetched offline)" >&2
exit 1
