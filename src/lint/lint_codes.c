/* lint_codes.c -- is an event code one CAMEO knows (as PETRARCH2's
 * convert_code reads it), and is an actor or agent code well formed. */
#include <string.h>

#include "dict/cameo_codes.h"
#include "lint.h"

pc_lint_cameo pc_lint_check_cameo(const char *code, char fallback[8])
{
    long a, p;
    if (!code[0])
        return PC_LCAMEO_OK; /* "[]": no code, PETRARCH2 skips it */
    if (pc_cameo_to_internal(code, &a, &p) != 0)
        return PC_LCAMEO_BAD;
    /* convert_code uses the part before the first ':' and the one after it */
    const char *c1 = strchr(code, ':');
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    const char *part[2] = {code, c1 ? c1 + 1 : NULL};
    size_t len[2] = {c1 ? (size_t)(c1 - code) : strlen(code),
                     c1 ? (c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1)) : 0};
    for (int i = 0; i < 2; i++) {
        if (!part[i] || len[i] == 0 || pc_cameo_is_code(part[i], len[i]))
            continue;
        size_t m = len[i] < 2 ? len[i] : 2;
        memcpy(fallback, part[i], m);
        fallback[m] = '0';
        fallback[m + 1] = '\0';
        return PC_LCAMEO_FALLBACK;
    }
    return c2 ? PC_LCAMEO_FALLBACK : PC_LCAMEO_OK;
}

void pc_lint_cameo_finding(pc_lint *l, const char *file, long line, const char *what,
                           const char *code)
{
    char fb[8] = "";
    switch (pc_lint_check_cameo(code, fb)) {
    case PC_LCAMEO_OK:
        break;
    case PC_LCAMEO_BAD:
        pc_lint_add(l, PC_LINT_ERROR, "cameo", file, line,
                    "%s code '%s' is not in PETRARCH2's CAMEO table: it cannot convert it and "
                    "crashes on sentences that use it", what, code);
        break;
    case PC_LCAMEO_FALLBACK:
        if (fb[0])
            pc_lint_add(l, PC_LINT_WARNING, "cameo", file, line,
                        "%s code '%s' is not in PETRARCH2's CAMEO table: it codes it as %s "
                        "(its first two characters + 0)", what, code, fb);
        else
            pc_lint_add(l, PC_LINT_WARNING, "cameo", file, line,
                        "%s code '%s' has more than one ':': PETRARCH2 ignores all after the "
                        "second part", what, code);
        break;
    }
}

static int groups_of_three(const char *s, size_t n)
{
    if (n == 0 || n % 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

int pc_lint_actor_code_ok(const char *code)
{
    return strcmp(code, "---") == 0 || groups_of_three(code, strlen(code));
}

int pc_lint_agent_code_ok(const char *code)
{
    /* (PETRARCH1's prefix form "IGO~" is no agent code for PETRARCH2: its
     * split_codes takes every code not starting with '~' as an actor code) */
    return code[0] == '~' && groups_of_three(code + 1, strlen(code) - 1);
}
