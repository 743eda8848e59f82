/* The note editor's buffer: wrapping (spaces, long words, wide and combining
 * characters), cursor movement by character, row and page, and editing. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "caseload/textedit.h"

static te_buf b;
static void setup(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    te_init(&b);
}
static void teardown(void) { te_free(&b); }
TestSuite(textedit, .init = setup, .fini = teardown);

/* Row i's text. */
static const char *row(int width, size_t i)
{
    static char out[256];
    size_t n;
    const te_row *r = te_layout(&b, width, &n);
    cr_assert_lt(i, n, "row %zu of %zu", i, n);
    snprintf(out, sizeof out, "%.*s", (int)(r[i].end - r[i].start), te_text(&b) + r[i].start);
    return out;
}
static size_t nrows(int width)
{
    size_t n;
    te_layout(&b, width, &n);
    return n;
}
static void cursor_is(int width, size_t row_want, int col_want)
{
    size_t r;
    int c;
    te_cursor(&b, width, &r, &c);
    cr_assert_eq(r, row_want, "row %zu, wanted %zu", r, row_want);
    cr_assert_eq(c, col_want, "col %d, wanted %d", c, col_want);
}

Test(textedit, wraps_at_spaces_keeping_one_column_for_the_cursor)
{
    te_set(&b, "the quick brown fox");
    cr_assert_eq(nrows(11), 2);
    cr_assert_str_eq(row(11, 0), "the quick ");
    cr_assert_str_eq(row(11, 1), "brown fox");
    cursor_is(11, 1, 9);
    cr_assert_eq(nrows(80), 1);
}

Test(textedit, breaks_a_word_longer_than_the_row)
{
    te_set(&b, "abcdefghij");
    cr_assert_eq(nrows(5), 3);
    cr_assert_str_eq(row(5, 0), "abcd");
    cr_assert_str_eq(row(5, 1), "efgh");
    cr_assert_str_eq(row(5, 2), "ij");
}

Test(textedit, wide_characters_are_never_split_across_rows)
{
    te_set(&b, "日本語日本");
    cr_assert_eq(nrows(6), 3);
    cr_assert_str_eq(row(6, 0), "日本");
    cr_assert_str_eq(row(6, 1), "語日");
    cr_assert_str_eq(row(6, 2), "本");
    cursor_is(6, 2, 2);
    te_left(&b);
    cursor_is(6, 2, 0);
    te_left(&b);
    cursor_is(6, 1, 2);
}

Test(textedit, combining_marks_stay_with_their_letter)
{
    te_set(&b, "Zoe\xcc\x88 Llŷr"); /* Zoë with a combining diaeresis */
    te_top(&b);
    te_right(&b), te_right(&b), te_right(&b); /* Z o ë */
    cursor_is(80, 0, 3);
    cr_assert_eq(b.cur, 5, "past the e and its mark");
    te_backspace(&b);
    cr_assert_str_eq(te_text(&b), "Zo Llŷr");
    te_set(&b, "Siân");
    te_backspace(&b);
    cr_assert_str_eq(te_text(&b), "Siâ");
    te_backspace(&b);
    cr_assert_str_eq(te_text(&b), "Si");
    /* A row never ends between a letter and its mark. */
    te_set(&b, "abce\xcc\x88");
    cr_assert_eq(nrows(4), 2);
    cr_assert_str_eq(row(4, 1), "e\xcc\x88");
}

Test(textedit, paragraphs_and_empty_lines_are_rows)
{
    te_set(&b, "one\n\nthree\n");
    cr_assert_eq(nrows(80), 4);
    cr_assert_str_eq(row(80, 0), "one");
    cr_assert_str_empty(row(80, 1));
    cr_assert_str_eq(row(80, 2), "three");
    cr_assert_str_empty(row(80, 3));
    cursor_is(80, 3, 0);
    te_backspace(&b);
    cursor_is(80, 2, 5);
    te_top(&b);
    te_down(&b, 80);
    cursor_is(80, 1, 0);
}

Test(textedit, up_and_down_keep_the_column)
{
    te_set(&b, "a long first line\nab\nanother long line");
    te_top(&b);
    for (int i = 0; i < 10; i++)
        te_right(&b);
    cursor_is(80, 0, 10);
    te_down(&b, 80);
    cursor_is(80, 1, 2);
    te_down(&b, 80);
    cursor_is(80, 2, 10);
    te_up(&b, 80);
    te_up(&b, 80);
    cursor_is(80, 0, 10);
    te_up(&b, 80);
    cursor_is(80, 0, 0);
    te_down(&b, 80), te_down(&b, 80), te_down(&b, 80);
    cr_assert_eq(b.cur, b.len, "down from the last row goes to the end");
}

Test(textedit, down_moves_through_wrapped_rows)
{
    te_set(&b, "the quick brown fox");
    te_top(&b);
    te_right(&b);
    te_down(&b, 11);
    cursor_is(11, 1, 1);
    te_up(&b, 11);
    cursor_is(11, 0, 1);
}

Test(textedit, home_and_end_of_the_screen_row)
{
    te_set(&b, "the quick brown fox");
    te_home(&b, 11);
    cursor_is(11, 1, 0);
    cr_assert_eq(b.cur, 10);
    te_up(&b, 11);
    te_end(&b, 11);
    cursor_is(11, 0, 9);
    te_end(&b, 80);
    cr_assert_eq(b.cur, b.len);
    te_home(&b, 80);
    cr_assert_eq(b.cur, 0);
}

Test(textedit, page_up_and_down_move_by_a_page_less_one_row)
{
    char text[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(text, "line\n");
    te_set(&b, text);
    te_top(&b);
    te_page_down(&b, 80, 10);
    cursor_is(80, 9, 0);
    te_page_down(&b, 80, 10);
    cursor_is(80, 18, 0);
    te_page_up(&b, 80, 10);
    cursor_is(80, 9, 0);
    te_page_up(&b, 80, 10);
    te_page_up(&b, 80, 10);
    cursor_is(80, 0, 0);
}

Test(textedit, insert_and_delete_in_the_middle)
{
    te_set(&b, "helo");
    te_left(&b);
    te_insert_cp(&b, 'l');
    cr_assert_str_eq(te_text(&b), "hello");
    te_top(&b);
    te_delete(&b);
    cr_assert_str_eq(te_text(&b), "ello");
    te_bottom(&b);
    te_insert_cp(&b, 0x65E5); /* 日 */
    cr_assert_str_eq(te_text(&b), "ello日");
    te_delete(&b); /* at the end: nothing */
    cr_assert_str_eq(te_text(&b), "ello日");
}

Test(textedit, pasted_crlf_becomes_lf_and_bad_utf8_is_refused)
{
    te_set(&b, "");
    cr_assert(te_insert(&b, "a\r\nb\rc", 6));
    cr_assert_str_eq(te_text(&b), "a\nb\nc");
    cr_assert_not(te_insert(&b, "\xff", 1));
    cr_assert_str_eq(te_text(&b), "a\nb\nc");
}

Test(textedit, every_change_bumps_the_version)
{
    te_set(&b, "x");
    unsigned long v = b.version;
    te_insert_cp(&b, 'y');
    cr_assert_gt(b.version, v);
    v = b.version;
    te_left(&b);
    cr_assert_eq(b.version, v, "moving is not a change");
    te_backspace(&b);
    cr_assert_gt(b.version, v);
}
