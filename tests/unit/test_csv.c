/* The CSV layer: reading (records, physical lines, quoting), writing (quotes
 * only where needed), UTF-8 checks, and the man page that documents the
 * column tables (every column of every kind and every code). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/csv.h"
#include "caseload/csv_format.h"
#include "caseload/risk.h"
#include "testutil.h"

typedef struct seen {
    char text[2048];
} seen;

/* Each record as "LINE:field|field|...;" */
static int gather(void *arg, const csv_record *r)
{
    seen *s = arg;
    char *p = s->text + strlen(s->text);
    p += sprintf(p, "%ld:", r->line);
    for (size_t i = 0; i < r->n; i++)
        p += sprintf(p, "%s%s", i ? "|" : "", r->field[i]);
    strcpy(p, ";");
    return 0;
}

static const char *read_all(const char *csv, seen *s)
{
    cl_err err = {0};
    s->text[0] = '\0';
    cr_assert_eq(csv_read_buffer("t.csv", csv, strlen(csv), gather, s, &err), CL_OK, "%s", err.msg);
    return s->text;
}

Test(csv, records_start_on_their_physical_line)
{
    seen s;
    cr_expect_str_eq(read_all("a,b\n\"x\ny\",z\n\nc,\"d\"\"e\"\n", &s), "1:a|b;2:x\ny|z;5:c|d\"e;");
    cr_expect_str_eq(read_all("a,b\r\nc,d\r\n\r\n\r\n", &s), "1:a|b;2:c|d;", "CRLF and blank trailing lines");
    cr_expect_str_eq(read_all("\xEF\xBB\xBFh\nv", &s), "1:h;2:v;", "BOM skipped, no final newline");
    cr_expect_str_eq(read_all(" a , b \n", &s), "1: a | b ;", "spaces are part of the field");
    cr_expect_str_eq(read_all("a,,\"\"\n", &s), "1:a||;", "empty fields");
}

Test(csv, broken_quoting_is_an_error_with_its_line)
{
    cl_err err = {0};
    seen s = {""};
    const char *bad = "a,b\nc,d\"e\n";
    cr_assert_eq(csv_read_buffer("t.csv", bad, strlen(bad), gather, &s, &err), CL_EDATA);
    /* FILE:LINE: column: message, the column named by the header. */
    cr_expect(strstr(err.msg, "t.csv:2: b: malformed CSV"), "%s", err.msg);
    const char *open = "a,b\n\nc,\"d\n\n";
    cr_assert_eq(csv_read_buffer("t.csv", open, strlen(open), gather, &s, &err), CL_EDATA);
    cr_expect(strstr(err.msg, "t.csv:3: b: malformed CSV: a quoted field is never closed"), "%s", err.msg);
    const char *head = "a,b\"c\n";
    cr_assert_eq(csv_read_buffer("t.csv", head, strlen(head), gather, &s, &err), CL_EDATA);
    cr_expect(strstr(err.msg, "t.csv:1: header: malformed CSV"), "%s", err.msg);
}

Test(csv, missing_file_is_no_input)
{
    cl_err err = {0};
    seen s = {""};
    cr_assert_eq(csv_read_file("/nonexistent/x.csv", gather, NULL, &s, &err), CL_ENOINPUT);
}

Test(csv, utf8_validation)
{
    cr_expect(csv_utf8_valid("Siân Llŷr Zoë Ó Ceallaigh Łukasz 😀", strlen("Siân Llŷr Zoë Ó Ceallaigh Łukasz 😀")));
    cr_expect_not(csv_utf8_valid("caf\xe9", 4), "Latin-1");
    cr_expect_not(csv_utf8_valid("\xc0\xaf", 2), "overlong");
    cr_expect_not(csv_utf8_valid("\xed\xa0\x80", 3), "surrogate");
    cr_expect_not(csv_utf8_valid("\xf4\x90\x80\x80", 4), "above U+10FFFF");
    cr_expect_not(csv_utf8_valid("\xc3", 1), "truncated");
    cr_expect_not(csv_utf8_valid("a\0b", 3), "NUL byte");
}

Test(csv, writer_quotes_only_where_needed)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    csv_out w;
    csv_out_init(&w, f);
    const char *fields[] = {"plain", "with, comma", "say \"hi\"", "two\nlines", "", " spaced ", "Siân"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        csv_put_field(&w, fields[i]);
    csv_end_row(&w);
    csv_put_field(&w, "");
    csv_end_row(&w);
    fclose(f);
    cr_expect_str_eq(buf, "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",, spaced ,Siân\n\"\"\n");
    seen s;
    cr_expect_str_eq(read_all(buf, &s), "1:plain|with, comma|say \"hi\"|two\nlines|| spaced |Siân;3:;",
                     "reads back; a row of one empty field is not a blank line");
    free(buf);
}

/* man/caseload-csv.5 documents every column of every kind (under the kind's
 * .Ss) and every code of every code set the columns use. */
static char *section(const char *page, const char *kind)
{
    char head[64];
    snprintf(head, sizeof head, "\n.Ss %s\n", kind);
    const char *start = strstr(page, head);
    cr_assert_not_null(start, "no section for %s in man/caseload-csv.5", kind);
    start += strlen(head);
    const char *end = strstr(start, "\n.Ss ");
    const char *sh = strstr(start, "\n.Sh ");
    if (!end || (sh && sh < end))
        end = sh;
    size_t n = end ? (size_t)(end - start) : strlen(start);
    char *out = malloc(n + 1);
    memcpy(out, start, n);
    out[n] = '\0';
    return out;
}

static void expect_code(const char *page, const char *code)
{
    char item[64];
    snprintf(item, sizeof item, "\n.It Li %s\n", code);
    cr_expect(strstr(page, item), "code %s is not in man/caseload-csv.5", code);
}

Test(csv, man_page_documents_every_column_and_code)
{
    char *page = tu_read_file("man/caseload-csv.5");
    cr_assert_not_null(page);
    for (size_t i = 0; i < CSV_FORMATS_N; i++) {
        const csv_format *f = &CSV_FORMATS[i];
        char *sec = section(page, f->kind);
        for (size_t k = 0; k < f->ncols; k++) {
            char item[64];
            snprintf(item, sizeof item, ".It Cm %s\n", f->cols[k].name);
            cr_expect(strstr(sec, item), "column %s of %s is not in man/caseload-csv.5", f->cols[k].name, f->kind);
            if (f->cols[k].codes)
                for (size_t c = 0; c < f->cols[k].codes->n; c++)
                    expect_code(page, f->cols[k].codes->items[c].code);
        }
        free(sec);
    }
    for (size_t i = 0; i < RISK_TYPES_N; i++)
        expect_code(page, RISK_TYPES[i].code);
    for (size_t i = 0; i < REF_LEVELS.n; i++)
        expect_code(page, REF_LEVELS.items[i].code);
    for (size_t i = 0; i < REF_CONTACT_TYPES_N; i++)
        expect_code(page, REF_CONTACT_TYPES[i].code);
    free(page);
}
