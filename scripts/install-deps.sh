#!/bin/sh
# Installs the Debian packages petrarch-c needs to build and test (the one list:
# README and .ci/run both call this).  Uses sudo when not root.
set -eu
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
    build-essential libexpat1-dev libutf8proc-dev libjansson-dev zlib1g-dev libcmocka-dev \
    clang libclang-rt-14-dev valgrind
