/* fuzz_config.c -- PETR_config.ini: the ConfigParser emulation (sections,
 * continuation lines, comments, %(name)s interpolation, booleans and ints)
 * and pc_config_load on top of it (options, dictionary path resolution). */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "dict/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const SECT[] = {"Dictionaries", "Options", "StanfordNLP", "DEFAULT", "x"};
    static const char *const OPT[] = {"verbfile_name", "actorfile_list", "agentfile_name",
                                      "discardfile_name", "issuefile_name", "write_actor_root",
                                      "new_actor_length", "comma_min", "__name__", "a"};
    pc_error err;
    pc_ini *ini = pc_ini_parse((const char *)data, size, "fuzz.ini", &err);
    if (!ini)
        fz_check_nomem(&err);
    if (ini) {
        volatile size_t n = 0;
        for (size_t s = 0; s < sizeof SECT / sizeof *SECT; s++) {
            for (size_t o = 0; o < sizeof OPT / sizeof *OPT; o++) {
                int b;
                n += (size_t)pc_ini_has(ini, SECT[s], OPT[o]);
                const char *v = pc_ini_get(ini, SECT[s], OPT[o], &err);
                if (v)
                    n += strlen(v);
                else
                    fz_check_nomem(&err);
                n += (size_t)pc_ini_getboolean(ini, SECT[s], OPT[o], &b, &err);
                n += (size_t)pc_ini_getint(ini, SECT[s], OPT[o], &b, &err);
            }
        }
        (void)n;
        pc_ini_free(ini);
    }
    pc_config *cfg = pc_config_load(fz_file(data, size), "/nonexistent-data-dir", &err);
    if (cfg) {
        volatile size_t n = strlen(pc_config_verbfile(cfg)) + strlen(pc_config_agentfile(cfg)) +
                            strlen(pc_config_discardfile(cfg));
        for (size_t i = 0; i < pc_config_actorfile_count(cfg); i++)
            n += strlen(pc_config_actorfile(cfg, i));
        if (pc_config_issuefile(cfg))
            n += strlen(pc_config_issuefile(cfg));
        (void)n;
        pc_config_free(cfg);
    } else if (!err.message[0]) {
        abort();
    } else {
        fz_check_nomem(&err);
    }
    return 0;
}
