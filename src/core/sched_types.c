/* Appointment types: their usual lengths and the words a booking takes for
 * them, in one table. The lookup, the booking form's hint, the "not an
 * appointment type" message and man/caseload.1's list all follow it
 * (test_sched_types.c holds the man page to it). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "caseload/ref.h"
#include "caseload/sched.h"

/* Usual lengths; an officer can always give --length. In the order offered. */
const sched_type SCHED_TYPES[] = {
    {"COAP", 30, "office visit", "office appointment"},
    {"COAI", 60, "first appointment", NULL},
    {"CHVS", 60, "home visit", NULL},
    {"COPT", 15, "telephone", NULL},
    {"COVC", 30, "video", NULL},
    {"CUPA", 420, "unpaid work", "unpaid work session"},
    {"APAT", 150, "programme", "programme session"},
    {"C241", 120, "court", NULL},
    {"COOO", 60, "other", NULL},
    {"C084", 60, "three-way meeting", NULL},
    {"CODC", 15, "doorstep", NULL},
    {"C240", 15, "drug test", NULL},
    {"COSR", 60, "report interview", NULL},
};
const size_t SCHED_TYPES_N = sizeof SCHED_TYPES / sizeof SCHED_TYPES[0];

int sched_type_minutes(const char *code)
{
    for (size_t i = 0; i < SCHED_TYPES_N; i++)
        if (!strcmp(SCHED_TYPES[i].code, code))
            return SCHED_TYPES[i].minutes;
    return 30;
}

/* The names a type is known by, besides its code: its words and its
 * reference name ("Telephone appointment"). */
static void type_names(const sched_type *t, const char *names[3])
{
    const ref_contact_type *r = ref_find_contact_type(t->code);
    names[0] = t->word;
    names[1] = t->also;
    names[2] = r ? r->name : NULL;
}

/* text without the spaces around it, in buf. */
static const char *trimmed(const char *text, char *buf, size_t len)
{
    while (isspace((unsigned char)*text))
        text++;
    size_t n = strlen(text);
    while (n && isspace((unsigned char)text[n - 1]))
        n--;
    snprintf(buf, len, "%.*s", (int)n, text);
    return buf;
}

char *sched_type_words(char *buf, size_t len, bool codes)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < SCHED_TYPES_N && o < len; i++) {
        const sched_type *t = &SCHED_TYPES[i];
        bool dflt = !strcmp(t->code, SCHED_DEFAULT_TYPE);
        int k = codes ? snprintf(buf + o, len - o, "%s%s %s", i ? ", " : "", t->code, t->word)
                      : snprintf(buf + o, len - o, "%s%s%s", i ? ", " : "", t->word, dflt ? " (default)" : "");
        if (k < 0)
            break;
        o += (size_t)k;
    }
    return buf;
}

int sched_type_resolve(const char *text, const char **code, cl_err *err)
{
    char want[CL_TEXT_LEN];
    trimmed(text ? text : "", want, sizeof want);
    size_t n = strlen(want);
    const sched_type *hit[sizeof SCHED_TYPES / sizeof SCHED_TYPES[0]];
    size_t nhit = 0;
    *code = NULL;
    /* A code or a whole word names its type, even when it also starts
     * another's ("court", "Court review"); else a start naming one type. */
    for (int whole = 1; whole >= 0 && n && !nhit; whole--)
        for (size_t i = 0; i < SCHED_TYPES_N; i++) {
            const sched_type *t = &SCHED_TYPES[i];
            const char *names[3];
            type_names(t, names);
            bool match = whole && !strcasecmp(want, t->code);
            for (size_t k = 0; k < 3 && !match; k++)
                match = names[k] && (whole ? !strcasecmp(want, names[k]) : !strncasecmp(want, names[k], n));
            if (match)
                hit[nhit++] = t;
        }
    if (nhit == 1) {
        *code = hit[0]->code;
        return CL_OK;
    }
    char list[1024];
    if (!nhit)
        return cl_err_set(err, CL_EUSAGE, "'%s' is not an appointment type (%s)", want,
                          sched_type_words(list, sizeof list, true));
    size_t o = 0;
    for (size_t i = 0; i < nhit && o < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s (%s)", !i ? "" : i + 1 < nhit ? ", " : " or ",
                              hit[i]->word, hit[i]->code);
    return cl_err_set(err, CL_EUSAGE, "'%s' could be %s: type more of it", want, list);
}

const char *sched_type_lookup(const char *text)
{
    const char *code;
    cl_err err = {0};
    return sched_type_resolve(text, &code, &err) == CL_OK ? code : NULL;
}
