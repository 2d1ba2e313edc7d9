/* config.h -- internals of the config reader (src/dict/config.c), exposed
 * for the unit tests: the Python 2 ConfigParser emulation.
 *
 * Why not inih: PETRARCH2 reads PETR_config.ini with Python 2.7's
 * ConfigParser.ConfigParser, and inih (Debian libinih 55) differs from it in
 * ways that change values: inih cuts "key = ;x" to "" (ConfigParser keeps
 * ";x": a ';' starts a comment only after whitespace *inside* the value),
 * treats indented "# ..." lines as comments (ConfigParser appends them to a
 * continued value), truncates lines longer than 200 bytes (a long
 * actorfile_list), reads options before any section and has no "rem"
 * comments, DEFAULT section or %(name)s interpolation.  So config.c parses
 * the file the way ConfigParser._read does. */
#ifndef PC_CONFIG_H
#define PC_CONFIG_H

#include "petrarch.h"

typedef struct pc_ini pc_ini;

/* Parse INI text as ConfigParser.read does.  NULL with err set (file = name,
 * line = first bad line) on a missing section header or unparsable lines. */
pc_ini *pc_ini_parse(const char *text, size_t len, const char *name, pc_error *err);
void pc_ini_free(pc_ini *ini);

/* ConfigParser.has_option(section, option). */
int pc_ini_has(const pc_ini *ini, const char *section, const char *option);

/* ConfigParser.get(section, option) with its %(name)s interpolation.  The
 * string lives as long as ini.  NULL with err set when the section or option
 * is missing or interpolation fails. */
const char *pc_ini_get(pc_ini *ini, const char *section, const char *option, pc_error *err);

/* getboolean / getint: 0 on success, -1 with err set. */
int pc_ini_getboolean(pc_ini *ini, const char *section, const char *option, int *out,
                      pc_error *err);
int pc_ini_getint(pc_ini *ini, const char *section, const char *option, int *out,
                  pc_error *err);

#endif
