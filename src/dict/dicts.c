/* dicts.c -- creating, loading and freeing a pc_dicts.  The load order is
 * PETRARCH2's read_dictionaries: verbs, each actor file in config order,
 * agents, discards, then issues when an issue file is configured. */
#include "dicts.h"

#include <stdlib.h>

#include "../util/error.h"

pc_dicts *pc_dicts_new(int write_actor_root, pc_error *err)
{
    pc_arena *a = pc_arena_new(1 << 20);
    pc_dicts *d = a ? pc_arena_calloc(a, 1, sizeof *d) : NULL;
    if (d) {
        d->arena = a;
        d->write_actor_root = write_actor_root;
        d->verbs = dn_new(a);
        d->phrases = dn_new(a);
        d->transforms = dn_new(a);
        d->actors = dn_new(a);
        d->agents = dn_new(a);
        d->discards = dn_new(a);
    }
    if (!d || !d->verbs || !d->phrases || !d->transforms || !d->actors || !d->agents ||
        !d->discards) {
        pc_arena_free(a);
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    return d;
}

void pc_dicts_free(pc_dicts *d)
{
    if (d)
        pc_arena_free(d->arena); /* d itself lives in its arena */
}

pc_dicts *pc_dicts_load(const pc_config *cfg, pc_warn_fn warn, void *userdata, pc_error *err)
{
    pc_error_clear(err);
    if (!cfg) {
        pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL, "pc_dicts_load: no config");
        return NULL;
    }
    pc_dicts *d = pc_dicts_new(pc_config_options(cfg)->write_actor_root, err);
    if (!d)
        return NULL;
    d->fixed = pc_config_options(cfg)->fixed;
    pc_status st = pc_read_verb_dictionary(d, pc_config_verbfile(cfg), warn, userdata, err);
    for (size_t i = 0; st == PC_OK && i < pc_config_actorfile_count(cfg); i++)
        st = (pc_config_actorfile_forced_overlay(cfg, i) ? pc_read_actor_overlay
                                                         : pc_read_actor_dictionary)(
            d, pc_config_actorfile(cfg, i), warn, userdata, err);
    if (st == PC_OK)
        st = pc_read_agent_dictionary(d, pc_config_agentfile(cfg), warn, userdata, err);
    /* added agent files (petrarch-c): read after, so their entries win */
    for (size_t i = 0; st == PC_OK && i < pc_config_extra_agentfile_count(cfg); i++)
        st = pc_read_agent_dictionary(d, pc_config_extra_agentfile(cfg, i), warn, userdata, err);
    if (st == PC_OK)
        st = pc_read_discard_list(d, pc_config_discardfile(cfg), warn, userdata, err);
    if (st == PC_OK && pc_config_issuefile(cfg))
        st = pc_read_issue_list(d, pc_config_issuefile(cfg), warn, userdata, err);
    if (st != PC_OK) {
        pc_dicts_free(d);
        return NULL;
    }
    return d;
}
