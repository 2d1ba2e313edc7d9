/* cameo_meta.h -- what the Phoenix data set adds to a CAMEO event, as
 * phoenix_pipeline's postprocess.py computes it: the root code, the
 * QuadClass, the Goldstein score, and the split of an actor code into
 * entity / role / attribute.  Used by the JSON Lines and Phoenix writers. */
#ifndef PC_CAMEO_META_H
#define PC_CAMEO_META_H

#include <stddef.h>

/* The root code: the first two characters of the event code ("" if the
 * code is shorter).  root needs 3 bytes. */
void pc_cameo_root(const char *code, char root[3]);

/* QuadClass of the root code: 0 neutral (01-02), 1 verbal cooperation
 * (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, 16),
 * 4 material conflict (14-15, 17-20); -1 when the root is none of 01-20. */
int pc_cameo_quad_class(const char *code);

/* The Goldstein score of the code, else of its root code (postprocess.py's
 * fallback).  Returns 1 and sets *score, or 0 when neither is in the scale. */
int pc_cameo_goldstein(const char *code, double *score);

/* Phoenix's split of an actor code such as "USAGOVMIL":
 *   entity     the first 3 characters when they are a country code (ISO
 *              3166 alpha-3, as postprocess.py lists them) or IGO, NGO, IMG,
 *              MNC; else ""
 *   role       characters 4-6 when they are a primary agent (GOV MIL REB
 *              OPP PTY COP JUD SPY MED EDU BUS CRM CVL); else ""
 *   attribute  the rest after the entity's 3 characters (and the role's, if
 *              any) in 3-character pieces joined by ';' ("" if none)
 * entity and role need 4 bytes; attribute gets at most attr_cap - 1 bytes
 * (2 * strlen(code) + 1 is always enough). */
void pc_actor_split(const char *code, char entity[4], char role[4], char *attribute,
                    size_t attr_cap);

#endif
