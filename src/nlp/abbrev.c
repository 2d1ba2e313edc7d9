/* abbrev.c -- see abbrev.h.  The lists are small; a period is rare enough in
 * text that a linear scan costs nothing measurable. */
#include "abbrev.h"

#include <string.h>

#include "ascii.h"

/* Titles and words that stand before a name (CoreNLP's ABTITLE + ABCOMP2). */
static const char *const before_name[] = {
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs",
    "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cmdr", "Cdr", "Comdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt", "Pfc", "Spc", "Rev",
    "Fr", "Msgr", "Hon", "Pres", "Amb", "Atty", "Attys", "Supt", "Det", "Insp", "Asst",
    "Assoc", "Lieut", "Ens", "St", "Ste", "Sta", "Mt", "Ft", "Ave", "Blvd", "Rd",
    "Dept", "Natl", "Govt", "Wm", "Jos", "Ph", "viz", "cf", "Mfg", "Mtg", "Elec",
};

/* Followed by lower case or numbers; a capital after them starts a
 * sentence (CoreNLP's ABBREV1: months, days, states, companies, ...). */
static const char *const general[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Dak", "Del", "Fla", "Ga", "Ill",
    "Ind", "Kan", "Kans", "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt",
    "Wash", "Wis", "Wisc", "Wyo",
    "Inc", "Co", "Cos", "Corp", "Ltd", "Plc", "Pty", "Bros", "Assn", "Univ", "Intl",
    "Jr", "Sr", "Esq",
    "etc", "al", "seq", "est", "ext", "tel", "incl", "orig", "approx",
};

/* Abbreviations only before a number (CoreNLP's ABBREV3). */
static const char *const number[] = {
    "No", "Nos", "no", "nos", "Nr", "Art", "Arts", "art", "Vol", "Vols", "vol",
    "Fig", "Figs", "fig", "p", "pp", "Sec", "Sect", "sec", "Ch", "ch", "Para", "para",
    "ca", "Apt", "Res", "Pt",
};

static const char *const internal[] = {"vs", "v", "a.k.a"};

/* Words that open sentences (CoreNLP's list after an ABBREV2). */
static const char *const openers[] = {
    "A", "About", "According", "Additionally", "After", "All", "Also", "Although", "An",
    "Another", "As", "At", "Before", "Both", "But", "By", "Did", "During", "Each",
    "Earlier", "Following", "For", "From", "He", "Her", "Here", "His", "How", "However",
    "If", "In", "It", "Its", "Last", "Later", "Many", "More", "Most", "Now", "On",
    "Once", "One", "Other", "Our", "She", "Since", "So", "Some", "Such", "That", "The",
    "Their", "Then", "There", "These", "They", "This", "Two", "Under", "Upon", "We",
    "When", "While", "What", "Who", "Why", "Yet", "You",
};

#define N(x) (sizeof(x) / sizeof((x)[0]))


/* w equals e as written, or (e of two or more letters) e in capitals */
static int matches(const char *w, size_t n, const char *e)
{
    if (strlen(e) != n)
        return 0;
    if (memcmp(w, e, n) == 0)
        return 1;
    if (n < 2)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] != pc_to_upper(e[i]))
            return 0;
    return 1;
}

static int in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (matches(w, n, list[i]))
            return 1;
    return 0;
}

int pc_abbrev_is_acronym(const char *w, size_t n)
{
    if (n == 0 || n > 11)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int letter_place = (i % 2 == 0);
        if (letter_place ? !pc_is_alpha(w[i]) : w[i] != '.')
            return 0;
    }
    return n % 2 == 1; /* ends on a letter */
}

pc_abbrev_kind pc_abbrev_kind_of(const char *w, size_t n)
{
    if (n == 0)
        return PC_ABBREV_NONE;
    if (in_list(w, n, internal, N(internal)))
        return PC_ABBREV_INTERNAL;
    if (in_list(w, n, before_name, N(before_name)))
        return PC_ABBREV_BEFORE_NAME;
    if (in_list(w, n, general, N(general)))
        return PC_ABBREV_GENERAL;
    if (in_list(w, n, number, N(number)))
        return PC_ABBREV_NUMBER;
    if (pc_abbrev_is_acronym(w, n))
        return PC_ABBREV_BEFORE_NAME;
    return PC_ABBREV_NONE;
}

int pc_abbrev_sentence_opener(const char *w, size_t n)
{
    if (n == 0 || !pc_is_upper(w[0]))
        return 0;
    for (size_t i = 0; i < N(openers); i++) {
        const char *e = openers[i];
        if (strlen(e) != n || w[0] != e[0])
            continue;
        size_t k = 1;
        while (k < n && pc_to_upper(w[k]) == pc_to_upper(e[k]))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

int pc_abbrev_keeps_period(const char *w, size_t n, const char *next, size_t nn)
{
    pc_abbrev_kind k = pc_abbrev_kind_of(w, n);
    if (k == PC_ABBREV_NUMBER)
        return nn > 0 && next[0] >= '0' && next[0] <= '9';
    return k != PC_ABBREV_NONE;
}
