"""Planted buildifier lint finding: formatted, but it loads a symbol it never uses."""

load("@rules_cc//cc:defs.bzl", "cc_library")
