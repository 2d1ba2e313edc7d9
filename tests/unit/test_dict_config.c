/* test_dict_config.c -- the config reader: the Python 2.7 ConfigParser
 * emulation (pc_ini_*) and PETRARCH2's parse_Config semantics
 * (pc_config_load): booleans, the comma_* if/elif chain, code_by_sentence,
 * actorfile_list splitting, dictionary path resolution, errors.
 *
 * ConfigParser results below were printed by CPython 2.7.18's
 * ConfigParser.ConfigParser for the same text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "petrarch.h"
#include "dict/config.h"

/* ------------------------------------------------------------- helpers */

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    strcpy(tmpdir, "/tmp/pc_test_config_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static const char INI[] = "[DEFAULT]\n"
                          "base = /data\n"
                          "fallback = fromdefault\n"
                          "[S]\n"
                          "a = v ;c\n"
                          "b = v;c ; d\n"
                          "c = ;c\n"
                          "d = v #c\n"
                          "e = first\n"
                          "  cont ;x\n"
                          "  # cont2\n"
                          "\n"
                          "    third\n"
                          "f: colon\n"
                          "rem this is a comment\n"
                          "REM also\n"
                          "remark = kept\n"
                          "Case_Key = Mixed\n"
                          "g = \"\"\n"
                          "h = %(base)s/dict\n"
                          "i = 100%%\n"
                          "j = %(BASE)s %%(base)s\n"
                          "k = \"quoted\"\n"
                          "dup = 1\n"
                          "dup = 2\n"
                          "# comment\n"
                          "; comment\n"
                          "[S]\n"
                          "merged = yes\n"
                          "  [notsection]\n";

static void test_configparser_values(void **st)
{
    (void)st;
    pc_error err;
    pc_ini *ini = pc_ini_parse(INI, strlen(INI), "t.ini", &err);
    assert_non_null(ini);
    static const char *const want[][2] = {
        {"a", "v"},                 /* " ;" starts a comment */
        {"b", "v;c ; d"},           /* only the FIRST ';' is looked at */
        {"c", ";c"},                /* ... and at position 0 Python checks value[-1] */
        {"d", "v #c"},              /* '#' is not an inline comment */
        {"e", "first\ncont ;x\n# cont2\nthird"}, /* continuations, joined by \n */
        {"f", "colon"},
        {"remark", "kept"},         /* "rem" lines are comments, "remark" is not */
        {"case_key", "Mixed"},      /* option names are lower-cased */
        {"CASE_KEY", "Mixed"},
        {"g", ""},                  /* "" is the empty string */
        {"h", "/data/dict"},        /* %(name)s interpolation (names lower-cased) */
        {"i", "100%%"},             /* no "%(": no % processing at all */
        {"j", "/data /data"},       /* %% -> % and the result is interpolated again */
        {"k", "\"quoted\""},
        {"dup", "2"},
        {"merged", "yes\n[notsection]"}, /* sections merge; indented = continuation */
        {"fallback", "fromdefault"}, /* [DEFAULT] */
        {"__name__", "S"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *v = pc_ini_get(ini, "S", want[i][0], &err);
        assert_non_null(v);
        assert_string_equal(v, want[i][1]);
    }
    assert_false(pc_ini_has(ini, "S", "rem"));
    assert_true(pc_ini_has(ini, "S", "fallback"));
    assert_true(pc_ini_has(ini, "S", "A"));
    assert_false(pc_ini_has(ini, "Nope", "a"));
    assert_true(pc_ini_has(ini, "DEFAULT", "base"));
    assert_null(pc_ini_get(ini, "S", "missing", &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "missing"));
    assert_null(pc_ini_get(ini, "Nope", "a", &err));
    pc_ini_free(ini);
}

static void test_configparser_types_and_errors(void **st)
{
    (void)st;
    pc_error err;
    const char *text = "[O]\nt1 = Yes\nt2 = ON\nt3 = 1\nf1 = off\nf2 = FALSE\nbad = maybe\n"
                       "n1 =  -12 \nn2 = +7\nbadn = 4.5\nbig = 99999999999\n"
                       "loop = %(loop)s\nmiss = %(nope)s\nodd = %(x)d\n";
    pc_ini *ini = pc_ini_parse(text, strlen(text), "t.ini", &err);
    assert_non_null(ini);
    int v;
    const char *yes[] = {"t1", "t2", "t3"}, *no[] = {"f1", "f2"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(pc_ini_getboolean(ini, "O", yes[i], &v, &err), 0);
        assert_int_equal(v, 1);
    }
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pc_ini_getboolean(ini, "O", no[i], &v, &err), 0);
        assert_int_equal(v, 0);
    }
    assert_int_equal(pc_ini_getboolean(ini, "O", "bad", &v, &err), -1);
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "bad"));
    assert_int_equal(pc_ini_getint(ini, "O", "n1", &v, &err), 0);
    assert_int_equal(v, -12);
    assert_int_equal(pc_ini_getint(ini, "O", "n2", &v, &err), 0);
    assert_int_equal(v, 7);
    assert_int_equal(pc_ini_getint(ini, "O", "badn", &v, &err), -1);
    assert_int_equal(pc_ini_getint(ini, "O", "big", &v, &err), -1);
    assert_null(pc_ini_get(ini, "O", "loop", &err)); /* InterpolationDepthError */
    assert_null(pc_ini_get(ini, "O", "miss", &err)); /* ...MissingOptionError */
    assert_null(pc_ini_get(ini, "O", "odd", &err));  /* Python: TypeError */
    pc_ini_free(ini);

    /* ParsingError / MissingSectionHeaderError name the line */
    const char *bad = "[A]\nok = 1\nno separator here\nlater = 2\n";
    assert_null(pc_ini_parse(bad, strlen(bad), "p.ini", &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_int_equal(err.line, 3);
    assert_null(pc_ini_parse("# c\nkey = 1\n", 12, "p.ini", &err));
    assert_int_equal(err.line, 2);
    assert_null(pc_ini_parse("[A]\n  indented = 1\n", 19, "p.ini", &err)); /* no option yet */
    assert_int_equal(err.line, 2);
    /* a long line (inih stops at 200 bytes) */
    char big[1200] = "[A]\nk = ";
    for (int i = 0; i < 1000; i++)
        strcat(big, "x");
    strcat(big, "\n");
    ini = pc_ini_parse(big, strlen(big), "p.ini", &err);
    assert_non_null(ini);
    assert_int_equal(strlen(pc_ini_get(ini, "A", "k", &err)), 1000);
    pc_ini_free(ini);
}

static const char *dict_names[] = {"v.txt", "a1.txt", "a2.txt", "g.txt", "d.txt", "i.txt"};

static void make_dicts(const char *sub)
{
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
    mkdir(dir, 0777);
    for (size_t i = 0; i < sizeof dict_names / sizeof dict_names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, dict_names[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fclose(f);
    }
}

static const char DICTS[] = "[Dictionaries]\n"
                            "verbfile_name = v.txt\n"
                            "actorfile_list = a1.txt, a2.txt\n"
                            "agentfile_name = g.txt\n"
                            "discardfile_name = d.txt\n";

static pc_config *load_cfg(const char *name, const char *text, const char *data_dir, pc_error *err)
{
    return pc_config_load(write_file(name, text), data_dir, err);
}

static void test_defaults_and_options(void **st)
{
    (void)st;
    pc_error err;
    make_dicts("");
    pc_config *c = load_cfg("c.ini", DICTS, NULL, &err);
    assert_non_null(c);
    const pc_options *o = pc_config_options(c);
    assert_int_equal(o->write_actor_root, 0);
    assert_int_equal(o->write_actor_text, 0);
    assert_int_equal(o->null_verbs, 0);
    assert_int_equal(o->require_dyad, 1); /* the one that defaults to True */
    assert_int_equal(o->code_by_sentence, 0);
    assert_int_equal(o->new_actor_length, 0);
    assert_int_equal(o->comma_min, 2);
    assert_int_equal(o->comma_max, 8);
    assert_int_equal(o->comma_bmin, 0);
    assert_int_equal(o->comma_bmax, 0);
    assert_int_equal(o->comma_emin, 2);
    assert_int_equal(o->comma_emax, 8);
    assert_null(pc_config_issuefile(c));
    assert_int_equal(pc_config_actorfile_count(c), 2);
    assert_non_null(strstr(pc_config_actorfile(c, 1), "/a2.txt"));
    assert_null(pc_config_actorfile(c, 2));
    pc_config_free(c);

    char text[1024];
    snprintf(text, sizeof text, "%s%s", DICTS,
             "issuefile_name = i.txt\n"
             "[Options]\n"
             "write_actor_root = TRUE\n"
             "write_actor_text = yes\n"
             "write_event_text = 1\n"
             "null_actors = on\n"
             "require_dyad = no\n"
             "code_by_sentence = False\n" /* present: True, whatever the value */
             "new_actor_length = 5\n"
             "comma_max = 5\n"            /* the first comma_* present is read ... */
             "comma_bmax = 3\n"           /* ... and no other */
             "comma_emax = 4\n");
    c = load_cfg("c.ini", text, NULL, &err);
    assert_non_null(c);
    o = pc_config_options(c);
    assert_int_equal(o->write_actor_root, 1);
    assert_int_equal(o->write_actor_text, 1);
    assert_int_equal(o->write_event_text, 1);
    assert_int_equal(o->null_actors, 1);
    assert_int_equal(o->require_dyad, 0);
    assert_int_equal(o->code_by_sentence, 1);
    assert_int_equal(o->new_actor_length, 5);
    assert_int_equal(o->comma_min, 2);
    assert_int_equal(o->comma_max, 5);
    assert_int_equal(o->comma_bmax, 0);
    assert_int_equal(o->comma_emax, 8);
    assert_non_null(strstr(pc_config_issuefile(c), "/i.txt"));
    pc_config_options_mut(c)->write_actor_root = 0;
    assert_int_equal(pc_config_options(c)->write_actor_root, 0);
    pc_config_free(c);
}

static void test_errors(void **st)
{
    (void)st;
    pc_error err;
    make_dicts("");
    char text[1024];
    /* a missing required option is named */
    assert_null(load_cfg("c.ini", "[Dictionaries]\nverbfile_name = v.txt\n", NULL, &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "agentfile_name"));
    assert_null(load_cfg("c.ini", "[Options]\nnull_verbs = 1\n", NULL, &err));
    assert_non_null(strstr(err.message, "Dictionaries"));
    /* a bad boolean or integer */
    snprintf(text, sizeof text, "%s[Options]\nnull_verbs = maybe\n", DICTS);
    assert_null(load_cfg("c.ini", text, NULL, &err));
    assert_non_null(strstr(err.message, "null_verbs"));
    snprintf(text, sizeof text, "%s[Options]\nstop_on_error = 2\n", DICTS);
    assert_null(load_cfg("c.ini", text, NULL, &err));
    snprintf(text, sizeof text, "%s[Options]\ncomma_min = x\ncomma_max = 4\n", DICTS);
    assert_null(load_cfg("c.ini", text, NULL, &err));
    assert_non_null(strstr(err.message, "comma_min"));
    /* split(', ') exactly: "a1.txt,a2.txt" is one (missing) file */
    assert_null(load_cfg("c.ini",
                         "[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a1.txt,a2.txt\n"
                         "agentfile_name = g.txt\ndiscardfile_name = d.txt\n",
                         NULL, &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "'a1.txt,a2.txt' not found"));
    /* a missing config file */
    assert_null(pc_config_load("/nonexistent/PETR_config.ini", NULL, &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_string_equal(err.file, "/nonexistent/PETR_config.ini");
    assert_null(pc_config_load(NULL, NULL, &err));
    assert_int_equal(err.code, PC_ERR_USAGE);
}

static void test_path_resolution(void **st)
{
    (void)st;
    pc_error err;
    char cfgdir[256], data[256], text[1024];
    /* the dictionaries only in DATA/dictionaries, and v.txt also in DATA */
    snprintf(cfgdir, sizeof cfgdir, "%s/cfg", tmpdir);
    mkdir(cfgdir, 0777);
    make_dicts("data");
    make_dicts("data/dictionaries");
    snprintf(data, sizeof data, "%s/data", tmpdir);
    pc_config *c = load_cfg("cfg/c.ini", DICTS, data, &err);
    assert_non_null(c);
    char want[300];
    snprintf(want, sizeof want, "%s/dictionaries/v.txt", data);
    assert_string_equal(pc_config_verbfile(c), want);
    pc_config_free(c);
    /* without a data dir they are not found */
    assert_null(load_cfg("cfg/c.ini", DICTS, NULL, &err));
    assert_int_equal(err.code, PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "verbfile_name"));
    /* the config's own directory comes first */
    make_dicts("cfg");
    c = load_cfg("cfg/c.ini", DICTS, data, &err);
    assert_non_null(c);
    snprintf(want, sizeof want, "%s/v.txt", cfgdir);
    assert_string_equal(pc_config_verbfile(c), want);
    pc_config_free(c);
    /* absolute names are used as they are */
    snprintf(text, sizeof text,
             "[Dictionaries]\nverbfile_name = %s/v.txt\nactorfile_list = a1.txt\n"
             "agentfile_name = g.txt\ndiscardfile_name = d.txt\n", data);
    c = load_cfg("cfg/c.ini", text, NULL, &err);
    assert_non_null(c);
    snprintf(want, sizeof want, "%s/v.txt", data);
    assert_string_equal(pc_config_verbfile(c), want);
    pc_config_free(c);
    /* NULL path: DATA/PETR_config.ini */
    snprintf(want, sizeof want, "%s/PETR_config.ini", data);
    FILE *f = fopen(want, "w");
    assert_non_null(f);
    fputs(DICTS, f);
    fclose(f);
    c = pc_config_load(NULL, data, &err);
    assert_non_null(c);
    pc_config_free(c);
}

static void test_default_config(void **st)
{
    (void)st;
    pc_error err;
    /* (tests run from the repository root) */
    pc_config *c = pc_config_load("data/PETR_config.ini", "data", &err);
    assert_non_null(c);
    const pc_options *o = pc_config_options(c);
    assert_int_equal(o->write_actor_root, 0);
    assert_int_equal(o->write_actor_text, 1);
    assert_int_equal(o->write_event_text, 1);
    assert_int_equal(o->code_by_sentence, 1);
    assert_int_equal(o->require_dyad, 1);
    assert_string_equal(pc_config_verbfile(c), "data/dictionaries/CAMEO.2.0.txt");
    assert_int_equal(pc_config_actorfile_count(c), 3);
    assert_string_equal(pc_config_actorfile(c, 2), "data/dictionaries/Phoenix.MilNonState.actors.txt");
    assert_string_equal(pc_config_issuefile(c), "data/dictionaries/Phoenix.IssueCoding.txt");
    pc_config_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_configparser_values),
        cmocka_unit_test(test_configparser_types_and_errors),
        cmocka_unit_test(test_defaults_and_options),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_path_resolution),
        cmocka_unit_test(test_default_config),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
