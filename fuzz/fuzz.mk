# fuzz/fuzz.mk -- libFuzzer targets (fuzz/README.md); included by the Makefile.
#
#   make fuzz [FUZZ_TIME=60] [FUZZ_JOBS=2] [FUZZ_TARGETS="fuzz_ptb fuzz_xml"]
#       builds build-fuzz/fuzz/* with clang (-fsanitize=fuzzer,address,undefined;
#       Debian libclang-rt-14-dev) and runs each target FUZZ_TIME seconds on its
#       seed corpus (fuzz/seeds.sh), FUZZ_JOBS at a time.  Exit 1 if one crashed.
#   $(BUILD)/fuzz-replay/TARGET FILE...   (built for `make test`, any compiler)
#       the same target without libFuzzer: replays files; tests/t_fuzz_regress.sh
#       runs tests/data/fuzz-regress/TARGET/* through it.

FUZZ_ALL     := $(sort $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c)))
FUZZ_SUPPORT := fuzz_common fuzz_dict
FUZZ_TARGETS ?= $(filter-out $(FUZZ_SUPPORT),$(FUZZ_ALL))
FUZZ_TIME    ?= 60
FUZZ_JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
# The coder's per-sentence work budget (src/coder/pv.h) is smaller here: an
# input that reaches it is a finding only if it crashes or leaks on the way,
# and filling the product's 128 MB of scratch under ASan takes seconds.
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=all -DPY_STEP_BUDGET=200000L -DPY_MEMORY_BUDGET=8388608u
FUZZ_SUPPORT_OBJ := $(FUZZ_SUPPORT:%=$(BUILD)/obj/fuzz/%.o)
FUZZ_REPLAY_BIN  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/%)

.PHONY: fuzz fuzz-build fuzz-bins
fuzz: fuzz-build
	FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) sh fuzz/run.sh $(FUZZ_TARGETS)

fuzz-build:
	$(MAKE) BUILD=build-fuzz CC=clang SAN= OPT="$(FUZZ_CFLAGS)" fuzz-bins

fuzz-bins: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%)

$(BUILD)/obj/fuzz/%.o: CFLAGS += -Ifuzz -DPC_DATA_DIR=\"$(CURDIR)/data\"

$(BUILD)/fuzz/%: $(BUILD)/obj/fuzz/%.o $(FUZZ_SUPPORT_OBJ) $(BUILD)/libpetrarch.a
	@mkdir -p $(dir $@)
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_SUPPORT_OBJ) \
	    $(BUILD)/libpetrarch.a $(LDLIBS)

$(BUILD)/fuzz-replay/%: $(BUILD)/obj/fuzz/%.o $(BUILD)/obj/fuzz/replay_main.o \
                        $(FUZZ_SUPPORT_OBJ) $(BUILD)/libpetrarch.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/obj/fuzz/replay_main.o $(FUZZ_SUPPORT_OBJ) \
	    $(BUILD)/libpetrarch.a $(LDLIBS)

# the fuzz regression test needs the replay binaries
test: $(FUZZ_REPLAY_BIN)
