/* input_format.c -- see input_format.h. */
#include "input_format.h"

#include <string.h>

int pc_in_format_parse(const char *name)
{
    static const struct {
        const char *name;
        pc_in_format f;
    } names[] = {{"auto", PC_IN_AUTO}, {"xml", PC_IN_XML},    {"jsonl", PC_IN_JSONL},
                 {"json", PC_IN_JSONL}, {"ndjson", PC_IN_JSONL}, {"text", PC_IN_TEXT},
                 {"txt", PC_IN_TEXT}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0)
            return (int)names[i].f;
    return -1;
}

const char *pc_in_format_name(pc_in_format f)
{
    switch (f) {
    case PC_IN_XML:
        return "xml";
    case PC_IN_JSONL:
        return "jsonl";
    case PC_IN_TEXT:
        return "text";
    default:
        return "auto";
    }
}

pc_in_format pc_in_format_detect(const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r'))
        i++;
    if (n == 0)
        return PC_IN_AUTO;
    if (i < n && head[i] == '<')
        return PC_IN_XML;
    if (i < n && head[i] == '{')
        return PC_IN_JSONL;
    return PC_IN_TEXT;
}
