#!/bin/sh
# Developer check: the dictionary readers build exactly PETRARCH2's
# structures.  Dumps every trie with build/tools/dump_dicts and with
# tests/tools/dump_petrarch2_dicts.py (PETRARCH2 itself, under Python 2) and
# diffs them, for
#   - data/PETR_config.ini   (Phoenix + CAMEO.2.0, the default),
#   - data/PETR_validate.ini (PETRARCH2's validation dictionaries),
#   - a corpus of corner cases written below (comments, synsets, compounds,
#     patterns, transformations, actor dates, agent markers, issues ...),
# each with write_actor_root off and on.
# Needs python2 and a PETRARCH2 checkout (env PETRARCH2_SRC, default
# /tmp/petrarch2, the directory that holds the petrarch2 package); without
# them it prints SKIP and passes: CI has no python2, the cmocka tests are the
# real tests.
set -u
BUILD=${BUILD:-build}
SRC=${PETRARCH2_SRC:-/tmp/petrarch2}
PY2=${PYTHON2:-}
if [ -z "$PY2" ]; then
    for p in python2 python2.7 /root/.pyenv/versions/2.7.18/bin/python2.7; do
        # (a pyenv shim may exist without working: try it)
        if "$p" -c 'import sys; sys.exit(sys.version_info[0] != 2)' >/dev/null 2>&1; then
            PY2=$p
            break
        fi
    done
fi
if [ -z "$PY2" ] || [ ! -f "$SRC/petrarch2/PETRreader.py" ]; then
    echo "SKIP: needs python2 and a PETRARCH2 checkout in \$PETRARCH2_SRC ($SRC)"
    exit 0
fi
if [ ! -x "$BUILD/tools/dump_dicts" ]; then
    make -s BUILD="$BUILD" "$BUILD/tools/dump_dicts" >/dev/null || exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# ------------------------------------------------------------ corner cases
# Only inputs PETRARCH2 reads without raising: the lines it fails on are
# covered by the cmocka tests (tests/unit/test_dict_*.c).
c="$tmp/corner"
mkdir -p "$c"
cat >"$c/corner.ini" <<'EOF'
[Dictionaries]
verbfile_name    = verbs.txt
actorfile_list   = actors1.txt, actors2.txt
agentfile_name   = agents.txt
discardfile_name = discards.txt
issuefile_name   = issues.txt

[Options]
textfile_list = none.xml
eventfile_name = none.txt

[StanfordNLP]
stanford_dir = ~/
EOF
cat >"$c/verbs.txt" <<'EOF'
# verbs corner cases
&SET1
+APPLE
+BERRY
+GLASS
+BUS_
+PRIME_MINISTER
+TOP_DOG_
+FAST_
&SET2_
+X_Y_Z
+WORD
&NEST
+&SET1 PIE
####### VERB PATTERNS #######
---  ATTACK   [190]  ---
ATTACK
HIT {HITS HITTING}
BLOW_+UP_
SET_OFF+ALARM [191]
CARRY+OUT_ATTACK
TAKE+PART_IN
RE_+TAKE
GO
SEE
FREE
TIE
FIX
BUZZ
TRY
ATTACK [199]
- * &SET1 [191]
- &SET2_ * (IN {&SET1 STORE}) [192]
- {BIG &SET1} (AT HOME) * FOO, BAR (TO {LOCAL SHOP}) (WITH FRIENDS) [193] # comment
- * &UNDEF [194]
- * &SET1 &SET2_ [195]
- * [196]
- {X} * (Y) [197]
- A B C * D {E F} (G {H I} J) [198]
- (ON) (OVER {A B}) * (UNDER {C D} E) [199]
- * &NEST [200]
- * AT&T [201]
- * &SET1X [202]
---  SAY   [010]  ---
SAY
CLAIM [011]
~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK_SAY) CLAIM = a b 112 # trailing comment
~ a (a b Q) SAY = a b Q
~ x = y
+PLUS_LINE
&AMPLINE
<!-- from here on no patterns are recorded -->
- * LATE [100]
---  LATE   [020]  ---
LATE
- * AFTER [021]
EOF
printf 'CRLF\r\n- * CR [022]\r\nNONEWLINEATEND [023]' >>"$c/verbs.txt"
cat >"$c/actors1.txt" <<'EOF'
<!-- actors corner cases -->
SYNONYM_BEFORE_BASE
CROATIA_ [YUGHRV <910625]
[HRVUNR 911008-920115]
+HRVATSKA
UFFE_ELLEMANN_JENSEN_  [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231] # comment
EL_SISI_ [EGYMIL]
[EGYGOV > 140608]
BOKO_HARAM [NGAREB]
SOLARWINDS_INC  [MNCUSA]
KIRIBATI	[KIR]
A_B C_D
TAB	SEP	THREE [X]
SPACES ONLY THREE WORDS
NOCODE_ACTOR
CROATIA_ [HRV]
+ODD [Y] trailing
MID_ACTOR [MID] <!-- inline --> [MID2]
<!-- start of a comment
+NOT_IN_A_COMMENT
end -->
COMMENTED [C1] <!-- a # b -->
SKIPPED [S]
closing --> here
# RAW_AFTER_COMMENT [R]
LAST_BUT_ONE [L1]
[L1B 20010101]
LAST_ACTOR_IS_DROPPED [LST]
EOF
printf 'CR_ONLY [CR1]\r+CR_SYN\rWINDOWS [W1]\r\n+WIN_SYN\r\nEND_ACTOR [E]\r\n' >"$c/actors2.txt"
printf 'CROATIA_ [HRV2]\nUNICODE_\303\226ZIL [U1]\n+\320\241\320\241\320\241\320\240\302\240NBSP\n+FS\034SEP\343\200\200IDEO\nLAST [Z]\n' >>"$c/actors2.txt"
cat >"$c/agents.txt" <<'EOF'
PRESIDENT [~GOVPRS]
!PERSON! = MAN, MEN , WOMAN
!BAD = X
POLICE {} [~POL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
SECRETARY [~GOVSEC]
BOSS [~BOS]
CONGRESS!PERSON! [~LEG]
NO_CODE_HERE
BROKEN {PLURAL [~X]
HUMAN_RIGHTS_BODY  [NGO~]
!UNDEF!_THING [~U]
SPOKES!PERSON!_FOR [~SPK]
ODD}{ [~ODD]
PRESIDENT [~LAST]
EOF
cat >"$c/discards.txt" <<'EOF'
+5K RUN # x
ACADEMY AWARD
+
BASEBALL
kölner dom
  indented phrase  
EOF
cat >"$c/issues.txt" <<'EOF'
<ISSUE CATEGORY="X">
n:atrocity [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
v:massacre [ID_ATROCITY]
al+zarqawi n:network [NAMED]
a+b+c [ABC]
~Saturday Night massacre
~~Armenian genocide  # a comment
n:city of v:love [X]
foo bar [NOCLOSE
ﬁnance café [FI]
n:body v:size [ID_ATROCITY]
</ISSUE>
EOF

fail=0
check() { # name config data_dir
    for root in "" --root; do
        "$PY2" tests/tools/dump_petrarch2_dicts.py "$SRC" "$2" "$3" $root >"$tmp/py.txt" 2>"$tmp/py.err" ||
            { echo "FAIL $1 $root: python2 dump failed"; cat "$tmp/py.err"; fail=1; continue; }
        "$BUILD/tools/dump_dicts" $root "$2" "$3" >"$tmp/c.txt" 2>"$tmp/c.err" ||
            { echo "FAIL $1 $root: dump_dicts failed"; cat "$tmp/c.err"; fail=1; continue; }
        if cmp -s "$tmp/py.txt" "$tmp/c.txt"; then
            echo "ok   $1 $root ($(wc -l <"$tmp/c.txt") lines identical)"
        else
            echo "FAIL $1 $root: dumps differ"
            diff "$tmp/py.txt" "$tmp/c.txt" | head -20
            fail=1
        fi
    done
}
check default data/PETR_config.ini data
check validate data/PETR_validate.ini data
check corner "$c/corner.ini" "$c"
exit $fail
