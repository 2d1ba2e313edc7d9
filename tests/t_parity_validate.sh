#!/bin/sh
# Parity with PETRARCH2 1.2.0 on its unit-test records with the Validate
# dictionaries (data/PETR_validate.ini): sorted events must be byte-identical
# to tests/data/reference/unittest.validate.evts.txt (see its README).
exec sh tests/parity_check.sh data/PETR_validate.ini \
    tests/data/reference/PETR.UnitTest.batch.validate-ok.xml \
    tests/data/reference/unittest.validate.evts.txt validate
