#!/bin/sh
# Parity with PETRARCH2 1.2.0 on its unit-test records, default config
# (Phoenix dictionaries): sorted events must be byte-identical to
# tests/data/reference/unittest.phoenix.evts.txt (see its README).
exec sh tests/parity_check.sh data/PETR_config.ini \
    tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml \
    tests/data/reference/unittest.phoenix.evts.txt phoenix
