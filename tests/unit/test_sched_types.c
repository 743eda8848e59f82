/* Appointment types by their words: every word of SCHED_TYPES, its code and
 * its reference name resolve to the type in any case; the words the booking
 * form's hint and the "not an appointment type" message list all resolve, to
 * the code they are listed with; a start that fits two types is refused with
 * both named; man/caseload.1's list under `book` is the table's, word for word. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/ref.h"
#include "caseload/sched.h"
#include "testutil.h"

static void expect_code(const char *text, const char *code)
{
    const char *got = NULL;
    cl_err err = {0};
    cr_expect_eq(sched_type_resolve(text, &got, &err), CL_OK, "'%s': %s", text, err.msg);
    cr_expect(got && !strcmp(got, code), "'%s' gives %s, not %s", text, got ? got : "nothing", code);
}

static void expect_upper(const char *text, const char *code)
{
    char up[128];
    size_t i = 0;
    for (; text[i] && i + 1 < sizeof up; i++)
        up[i] = (char)toupper((unsigned char)text[i]);
    up[i] = '\0';
    expect_code(up, code);
}

Test(sched_types, every_word_code_and_name_resolves)
{
    for (size_t i = 0; i < SCHED_TYPES_N; i++) {
        const sched_type *t = &SCHED_TYPES[i];
        const ref_contact_type *r = ref_find_contact_type(t->code);
        cr_assert(r && r->appointment, "%s is not an appointment type", t->code);
        const char *texts[] = {t->word, t->also, t->code, r->name};
        for (size_t k = 0; k < 4; k++)
            if (texts[k]) {
                expect_code(texts[k], t->code);
                expect_upper(texts[k], t->code);
            }
    }
    /* Every bookable type has its words. */
    for (size_t i = 0; i < REF_CONTACT_TYPES_N; i++) {
        bool listed = false;
        for (size_t k = 0; k < SCHED_TYPES_N; k++)
            listed |= !strcmp(SCHED_TYPES[k].code, REF_CONTACT_TYPES[i].code);
        cr_expect_eq(listed, REF_CONTACT_TYPES[i].appointment, "%s", REF_CONTACT_TYPES[i].code);
    }
    /* The words issue 4 gives. */
    expect_code("office appointment", "COAP");
    expect_code("unpaid work session", "CUPA");
    expect_code("programme session", "APAT");
    expect_code("  Video ", "COVC");
    expect_code("tel", "COPT");
    expect_code("court", "C241"); /* whole, though "court r..." could be two */
    const char *code;
    cl_err err = {0};
    cr_expect_eq(sched_type_resolve("CTOB", &code, &err), CL_EUSAGE, "a phone call is a contact, not a booking");
    cr_expect_null(sched_type_lookup(""));
}

/* The items of a list "a, b, c" in list, split in place; how many. */
static size_t split_list(char *list, char *items[], size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *item = strtok_r(list, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        while (*item == ' ')
            item++;
        cr_assert_lt(n, max, "more items than types: %s", item);
        items[n++] = item;
    }
    return n;
}

/* The form's hint: "office visit (default), first appointment, ...", the
 * table's words in its order, each resolving to its own code. */
Test(sched_types, hint_lists_words_that_resolve)
{
    char hint[512], *w[32];
    size_t n = split_list(sched_type_words(hint, sizeof hint, false), w, 32);
    cr_assert_eq(n, SCHED_TYPES_N);
    for (size_t i = 0; i < n; i++) {
        char *d = strstr(w[i], " (default)");
        cr_expect_eq(d != NULL, !strcmp(SCHED_TYPES[i].code, SCHED_DEFAULT_TYPE), "%s", w[i]);
        if (d)
            *d = '\0';
        cr_expect_str_eq(w[i], SCHED_TYPES[i].word);
        expect_code(w[i], SCHED_TYPES[i].code);
    }
}

/* The message for a word that is no type: "(COAP office visit, ...)", each
 * word resolving to the code before it. */
Test(sched_types, error_lists_words_that_resolve)
{
    const char *code;
    cl_err err = {0};
    cr_assert_eq(sched_type_resolve("vidoe", &code, &err), CL_EUSAGE);
    cr_assert_null(code);
    const char *open = strstr(err.msg, "'vidoe' is not an appointment type (");
    cr_assert_not_null(open, "%s", err.msg);
    char list[1024], *item[32];
    snprintf(list, sizeof list, "%s", strchr(open, '(') + 1);
    char *close = strrchr(list, ')');
    cr_assert_not_null(close, "%s", err.msg);
    *close = '\0';
    size_t n = split_list(list, item, 32);
    cr_expect_eq(n, SCHED_TYPES_N);
    for (size_t i = 0; i < n; i++) {
        char *sp = strchr(item[i], ' ');
        cr_assert_not_null(sp, "'%s' has no word", item[i]);
        *sp = '\0';
        expect_code(sp + 1, item[i]);
        expect_code(item[i], item[i]);
    }
}

Test(sched_types, ambiguous_start_names_the_candidates)
{
    const char *code;
    cl_err err = {0};
    cr_assert_eq(sched_type_resolve("o", &code, &err), CL_EUSAGE);
    cr_expect_null(code);
    cr_expect_str_eq(err.msg, "'o' could be office visit (COAP) or other (COOO): type more of it");
    cr_assert_eq(sched_type_resolve("T", &code, &err), CL_EUSAGE);
    cr_expect_str_eq(err.msg, "'T' could be telephone (COPT) or three-way meeting (C084): type more of it");
    cr_assert_eq(sched_type_resolve("d", &code, &err), CL_EUSAGE);
    cr_expect_str_eq(err.msg, "'d' could be doorstep (CODC) or drug test (C240): type more of it");
    cr_expect_null(sched_type_lookup("o"));
}

/* man/caseload.1 (book) lists each type as its words then `.Pq Li CODE`,
 * the table's words and no others. */
Test(sched_types, man_page_lists_the_table)
{
    char *page = tu_read_file("man/caseload.1");
    cr_assert_not_null(page);
    char *start = strstr(page, "The type is a code or one of these words for it");
    cr_assert_not_null(start, "no list of types under book in man/caseload.1");
    char *end = strstr(start, "a type's full name");
    cr_assert_not_null(end);
    *end = '\0';
    for (size_t i = 0; i < SCHED_TYPES_N; i++) {
        const sched_type *t = &SCHED_TYPES[i];
        char item[160];
        snprintf(item, sizeof item, "\n%s%s%s\n.Pq Li %s ", t->word, t->also ? " or " : "", t->also ? t->also : "",
                 t->code);
        cr_expect(strstr(start, item), "man/caseload.1 does not list%s", item);
    }
    size_t n = 0;
    for (const char *p = start; (p = strstr(p, "\n.Pq Li ")); p++)
        n++;
    cr_expect_eq(n, SCHED_TYPES_N, "man/caseload.1 lists %zu types, the table %zu", n, SCHED_TYPES_N);
    free(page);
}
