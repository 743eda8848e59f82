/* Display width, fitting and padding of UTF-8 names (wide and combining). */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "caseload/textwidth.h"

static void setup(void) { cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8")); }
TestSuite(textwidth, .init = setup);

Test(textwidth, widths_of_names)
{
    cr_assert_eq(tw_width("Smith"), 5);
    cr_assert_eq(tw_width("Siân Llŷr Ó Ceallaigh"), 21);
    cr_assert_eq(tw_width("Zoe\xcc\x88"), 3);          /* e + combining diaeresis */
    cr_assert_eq(tw_width("\xe7\x8e\x8b\xe8\x8a\xb3"), 4); /* two CJK characters */
    cr_assert_eq(tw_width(""), 0);
}

Test(textwidth, fit_pads_to_exact_columns)
{
    char buf[64];
    tw_fit("Zoë", 6, buf, sizeof buf);
    cr_assert_str_eq(buf, "Zoë   ");
    tw_fit("Zoe\xcc\x88", 5, buf, sizeof buf);
    cr_assert_str_eq(buf, "Zoe\xcc\x88  ");
    cr_assert_eq(tw_width(tw_fit("Siân Llŷr Ó Ceallaigh", 30, buf, sizeof buf)), 30);
}

Test(textwidth, fit_truncates_whole_characters_and_marks_the_cut)
{
    char buf[64];
    tw_fit("Siân Llŷr", 7, buf, sizeof buf);
    cr_assert_str_eq(buf, "Siân L~");
    /* a wide character that does not fit leaves a space, never half a glyph */
    tw_fit("a\xe7\x8e\x8b\xe8\x8a\xb3", 4, buf, sizeof buf);
    cr_assert_str_eq(buf, "a\xe7\x8e\x8b~");
    tw_fit("a\xe7\x8e\x8b\xe8\x8a\xb3", 3, buf, sizeof buf);
    cr_assert_str_eq(buf, "a ~");
    cr_assert_eq(tw_width(buf), 3);
    tw_fit_right("42", 5, buf, sizeof buf);
    cr_assert_str_eq(buf, "   42");
}

Test(textwidth, control_and_invalid_bytes_show_as_question_marks)
{
    char buf[16];
    tw_fit("a\tb\xff", 4, buf, sizeof buf);
    cr_assert_str_eq(buf, "a?b?");
}

Test(textwidth, previous_character_start)
{
    const char *s = "aŷb";
    cr_assert_eq(tw_prev_char(s, 3), 1);
    cr_assert_eq(tw_prev_char(s, 1), 0);
    cr_assert_eq(tw_prev_char(s, 0), 0);
}

Test(textwidth, list_fit_never_drops_items_silently)
{
    char buf[128];
    const char *flags = "MAPPA 2/2; STAFF; DA; CP";
    cr_assert_str_eq(tw_fit_list(flags, "; ", 40, buf, sizeof buf), flags);
    cr_assert_str_eq(tw_fit_list(flags, "; ", 24, buf, sizeof buf), flags);
    cr_assert_str_eq(tw_fit_list(flags, "; ", 23, buf, sizeof buf), "MAPPA 2/2; STAFF; DA +1");
    cr_assert_str_eq(tw_fit_list(flags, "; ", 22, buf, sizeof buf), "MAPPA 2/2; STAFF +2");
    cr_assert_str_eq(tw_fit_list(flags, "; ", 16, buf, sizeof buf), "MAPPA 2/2 +3");
    cr_assert_str_eq(tw_fit_list(flags, "; ", 8, buf, sizeof buf), "MAPP~ +3");
    cr_assert_str_eq(tw_fit_list("", "; ", 8, buf, sizeof buf), "");
}

/* The lines of s wrapped at width, joined by '|'. */
static const char *wrapped(const char *s, int width)
{
    static char out[512];
    tw_span l[16];
    size_t n = tw_wrap(s, width, l, 16), o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 16; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", i ? "|" : "", (int)l[i].len, s + l[i].off);
    return out;
}

Test(textwidth, wrap_breaks_at_spaces_keeps_long_words_whole_when_they_fit)
{
    cr_assert_str_eq(wrapped("day list saved to /home/a/.local/state/caseload/print/diary-AB1.txt", 40),
                     "day list saved to|/home/a/.local/state/caseload/print/diar|y-AB1.txt");
    cr_assert_str_eq(wrapped("saved to /tmp/x/diary-AB1.txt", 24), "saved to|/tmp/x/diary-AB1.txt");
    cr_assert_str_eq(wrapped("one\ntwo  three", 40), "one|two  three");
    cr_assert_str_eq(wrapped("Siân Llŷr Ó Ceallaigh", 9), "Siân Llŷr|Ó|Ceallaigh");
    cr_assert_str_eq(wrapped("Zoe\xcc\x88 Zoe\xcc\x88", 3), "Zoe\xcc\x88|Zoe\xcc\x88");
    cr_assert_str_eq(wrapped("", 10), "");
    cr_assert_str_eq(wrapped("a\n\nb", 10), "a||b");
    tw_span l[2];
    cr_assert_eq(tw_wrap("aa bb cc dd", 2, l, 2), 4, "counts every line, fills only max");
}

static void add_row(void *arg, const char *row)
{
    char *out = arg;
    size_t n = strlen(out);
    snprintf(out + n, 1024 - n, "%s%s", n ? "|" : "", row);
}

/* The rows of one line of text at width, joined by '|'. */
static const char *rows(const char *s, int width)
{
    static char out[1024];
    out[0] = '\0';
    tw_wrap_rows(s, width, add_row, out);
    return out;
}

/* The record's and a registration's long lines: the rows after the first go
 * under the value of a short "Label: value" line, else two past the text's
 * own indent; the first row keeps the indent; a line that fits is whole. */
Test(textwidth, wrap_rows_indent_under_the_label_or_the_text)
{
    cr_assert_str_eq(rows("Notes:         Agreed at the MAPPA meeting with police present", 40),
                     "Notes:         Agreed at the MAPPA|               meeting with police|               present");
    cr_assert_str_eq(rows("    Reviewed by CDF02 at 2026-11-24T10:00: was due 2027-02-24, next review 2027-05-24", 40),
                     "    Reviewed by CDF02 at|      2026-11-24T10:00: was due|      2027-02-24, next review 2027-05-24");
    cr_assert_str_eq(rows("Short: fits  ", 40), "Short: fits  ", "a line that fits is passed as it is");
    cr_assert_str_eq(rows("Siân Llŷr: Ó Ceallaigh Zoë", 7), "Siân|Llŷr: Ó|Ceallai|gh Zoë", "no indent below 8 columns");
    cr_assert_str_eq(rows("", 10), "");
}
