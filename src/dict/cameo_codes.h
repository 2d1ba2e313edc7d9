/* cameo_codes.h -- PETRARCH2's utilities.convert_code: CAMEO event codes to
 * and from its internal integer ontology (the `cat` table).  The verb reader
 * needs it for transformation keys; the coder for everything it combines. */
#ifndef PC_CAMEO_CODES_H
#define PC_CAMEO_CODES_H

#include <stddef.h>

/* convert_code(code) (forward): code is "ACTIVE[:PASSIVE]".  An empty active
 * part is "---", a missing passive part is "---"; a part not in the table is
 * looked up as its first two characters + "0".  Returns 0 and fills
 * active and passive, or -1 where Python raises KeyError (nothing written). */
int pc_cameo_to_internal(const char *code, long *active, long *passive);

/* Is part[0..n) exactly a code of the table ("---" included), without the
 * first-two-characters fallback?  (The dictionary linter's check.) */
int pc_cameo_is_code(const char *part, size_t n);

/* convert_code(v, 0) (reverse): the CAMEO code of v, or NULL where Python
 * returns 0 -- v not in the table, and v == 0 too (Python tests `if code`
 * before looking it up, so 0 never yields "---").  Where several codes share
 * a value, Python 2's dict order picked the one returned (0x200 "080",
 * 0x20c "0842", 0x6004 "137", 0xb010 "044"); 0x30a0 maps to "138". */
const char *pc_internal_to_cameo(long v);

#endif
