# petrarch-c build.  `make` builds build/petrarch; `make test` runs every test.
# `make SAN=1 test` builds and tests under AddressSanitizer + UBSan (in build-san/).

CC      ?= cc
OPT     ?= -O2 -g
SAN     ?=
BUILD   ?= build$(if $(SAN),-san,)

CFLAGS_BASE = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
              -Iinclude -Isrc -MMD -MP
ifneq ($(SAN),)
  CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS     += -fsanitize=address,undefined
endif
CFLAGS  += $(OPT) $(CFLAGS_BASE)
LDLIBS  += -lexpat -lutf8proc -ljansson -lz -lm -lpthread

LIB_SRC  := $(sort $(shell find src -name '*.c'))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_SRC := $(sort $(wildcard tests/unit/support_*.c))
TEST_SUPPORT_OBJ := $(TEST_SUPPORT_SRC:%.c=$(BUILD)/obj/%.o)

.SECONDARY:
.PHONY: all test unit-tests check-tests clean bench tools
all: $(BUILD)/petrarch

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libpetrarch.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The CLI finds the bundled config and dictionaries here unless PETRARCH_DATA is set.
$(CLI_OBJ): CFLAGS += -DPC_DATA_DIR=\"$(CURDIR)/data\" -DPC_MODEL_DIR=\"$(CURDIR)/models\"

$(BUILD)/petrarch: $(CLI_OBJ) $(BUILD)/libpetrarch.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libpetrarch.a $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(TEST_SUPPORT_OBJ) $(BUILD)/libpetrarch.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(TEST_SUPPORT_OBJ) $(BUILD)/libpetrarch.a $(LDLIBS) -lcmocka

unit-tests: $(TEST_BIN)

# Every test: C unit tests (cmocka) and the data-driven/CLI tests in tests/*.sh.
test: $(BUILD)/petrarch $(TEST_BIN)
	@BUILD=$(BUILD) sh tests/run_all.sh $(TEST_BIN)

bench: $(BUILD)/petrarch $(BUILD)/bench
	BUILD=$(BUILD) sh bench/run.sh $(BENCH_ARGS)

# Events from raw text through our own tagger and parser against PETRARCH2 on
# the gold parses (bench/eval_events.sh); `make eval EVAL_ARGS="--beam 8"`.
.PHONY: eval
eval: $(BUILD)/petrarch
	BUILD=$(BUILD) sh bench/eval_events.sh $(EVAL_ARGS)

# The coding benchmark (bench/README.md); `make bench BENCH_ARGS=--large` for 200,000 sentences.
$(BUILD)/bench: $(BUILD)/obj/bench/bench.o $(BUILD)/libpetrarch.a
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libpetrarch.a $(LDLIBS)

clean:
	rm -rf build build-san build-clang build-fuzz

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# Developer tools in tests/tools/*.c, linked against the library.
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
tools: $(TOOL_BIN)
$(BUILD)/tools/%: $(BUILD)/obj/tests/tools/%.o $(BUILD)/libpetrarch.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libpetrarch.a $(LDLIBS)

# libFuzzer targets and their replay binaries (`make fuzz`, fuzz/README.md).
include fuzz/fuzz.mk

# The tagger and parser models (models/README.md): `make models` retrains them
# from the treebanks vendored in data/train/ (no network); `make eval-models`
# prints their accuracy and speed on the held-out data.  The parser learns from
# GUM's PTB trees and from EWT's dependency trees turned into PTB trees by a
# dependency-guided parser (the converter) trained on GUM's pairs of both.
TRAIN_DIR    := data/train
MODEL_ACTORS := $(addprefix data/dictionaries/,Phoenix.Countries.actors.txt \
                Phoenix.International.actors.txt Phoenix.MilNonState.actors.txt)
TAGGER_ARGS  ?= --epochs 12 --average 3 --seed 2 --prune 0.5
PARSER_ARGS  ?= --epochs 15 --beam 8 --prune 2 --seed 2 --augment-coord 2500
CONVERT_ARGS ?= --epochs 15 --beam 8 --prune 1
CONVERTER    := $(BUILD)/models/deps2ptb.bin
EWT_TREES    := $(BUILD)/models/ewt-train-dev.ptb
.PHONY: models eval-models eval-converter
$(CONVERTER): $(BUILD)/petrarch
	@mkdir -p $(@D)
	$(BUILD)/petrarch train parser -o $@ $(CONVERT_ARGS) \
	    --deps $(TRAIN_DIR)/gum-train.conllu.gz $(TRAIN_DIR)/gum-train.ptb.gz
$(EWT_TREES): $(CONVERTER)
	$(BUILD)/petrarch convert-deps $(CONVERTER) --beam 8 -o $@ \
	    $(TRAIN_DIR)/en_ewt-ud-train.conllu.gz $(TRAIN_DIR)/en_ewt-ud-dev.conllu.gz
models: $(BUILD)/petrarch $(EWT_TREES)
	$(BUILD)/petrarch train tagger -o models/tagger.bin $(TAGGER_ARGS) \
	    $(addprefix --actors ,$(MODEL_ACTORS)) $(TRAIN_DIR)/gum-train.conllu.gz \
	    $(TRAIN_DIR)/en_ewt-ud-train.conllu.gz $(TRAIN_DIR)/en_ewt-ud-dev.conllu.gz \
	    $(TRAIN_DIR)/gum-train.conllu.gz
	$(BUILD)/petrarch train parser -o models/parser.bin $(PARSER_ARGS) \
	    --tagger models/tagger.bin $(TRAIN_DIR)/gum-train.ptb.gz $(EWT_TREES)
eval-converter: $(CONVERTER)
	$(BUILD)/petrarch eval-parser $(CONVERTER) --beam 8 --deps $(TRAIN_DIR)/gum-dev.conllu.gz \
	    $(TRAIN_DIR)/gum-dev.ptb.gz
eval-models: $(BUILD)/petrarch
	$(BUILD)/petrarch eval-tagger models/tagger.bin $(TRAIN_DIR)/gum-dev.conllu.gz \
	    $(TRAIN_DIR)/en_ewt-ud-test.conllu.gz
	$(BUILD)/petrarch eval-parser models/parser.bin --tagger models/tagger.bin \
	    $(TRAIN_DIR)/gum-dev.ptb.gz
	$(BUILD)/petrarch eval-parser models/parser.bin --tagger models/tagger.bin --beam 8 \
	    $(TRAIN_DIR)/gum-dev.ptb.gz
