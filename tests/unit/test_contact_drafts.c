/* A contact's draft: saved while typed, kept through a dead editor or a
 * crash, removed in the same transaction as the contact is written, and
 * keeping the moment it was typed. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caseload/contacts.h"
#include "caseload/draft_editor.h"
#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "caseload/timescale.h"
#include "fixture_contacts.h"
#include "fixture_diary.h"
#include "testutil.h"

TestSuite(contact_drafts, .init = fxc_setup, .fini = fxc_teardown);

Test(contact_drafts, draft_save_load_replace_and_clear)
{
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", "A1");
    cr_assert_eq(store_draft_save(fxc_app.store, &k, "type=COAP", "Hello", &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_eq(store_draft_save(fxc_app.store, &k, "type=COAP\noutcome=UAAB", "Hello wörld 日本\nline 2", &fxc_err), CL_OK);
    char *fields, *body, at[20];
    bool found;
    cr_assert_eq(store_draft_load(fxc_app.store, &k, &fields, &body, at, &found, &fxc_err), CL_OK);
    cr_assert(found);
    cr_assert_str_eq(body, "Hello wörld 日本\nline 2");
    cr_assert_str_eq(fields, "type=COAP\noutcome=UAAB");
    cr_assert_str_eq(at, "2026-11-24T10:00");
    free(fields), free(body);
    cr_assert_eq(fxc_count("SELECT count(*) FROM draft"), 1);
    store_draft_key other = contact_draft_key(&fxc_app, "X100002", NULL);
    cr_assert_eq(store_draft_load(fxc_app.store, &other, &fields, &body, at, &found, &fxc_err), CL_OK);
    cr_assert_not(found, "another appointment's draft is another draft");
    cr_assert_eq(store_draft_clear(fxc_app.store, &k, &fxc_err), CL_OK);
    cr_assert_eq(fxc_count("SELECT count(*) FROM draft"), 0);
}

/* A pid that is surely gone: a child that has exited and been reaped. */
static long dead_pid(void)
{
    pid_t p = fork();
    cr_assert_geq(p, 0);
    if (p == 0)
        _exit(0);
    waitpid(p, NULL, 0);
    return (long)p;
}

static char *draft_text(const store_draft_key *k, char **fields)
{
    char *body, at[20];
    bool found;
    cr_assert_eq(store_draft_load(fxc_app.store, k, fields, &body, at, &found, &fxc_err), CL_OK);
    cr_assert(found);
    return body;
}

/* caseload killed while $EDITOR had the note: the editor's file (its
 * emergency save first) becomes the draft's note, then the files go. */
Test(contact_drafts, a_note_left_in_a_dead_editor_comes_back_into_its_draft)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", "A1");
    char *path = tu_write_file(fxc_dir, "caseload-note-AbC123", "Typed in the form. In the editor: wörld\n");
    char fields[4200] = "type=COAP\n";
    draft_editor_mark(fields, sizeof fields, path, dead_pid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "Typed in the form.", &fxc_err), CL_OK);
    size_t n = 9;
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_eq(n, 1);
    char *f, *body = draft_text(&k, &f);
    cr_assert_str_eq(body, "Typed in the form. In the editor: wörld");
    cr_assert_str_eq(f, "type=COAP\n", "the draft no longer names the file");
    cr_assert_eq(access(path, F_OK), -1, "the file goes once its text is in the draft");
    free(body), free(f), free(path);

    /* nano's FILE.save (written when hung up) is the newer text. */
    path = tu_write_file(fxc_dir, "caseload-note-DeF456", "old");
    char *save = tu_write_file(fxc_dir, "caseload-note-DeF456.save", "newer, at the hang-up\n");
    snprintf(fields, sizeof fields, "type=COAP\n");
    draft_editor_mark(fields, sizeof fields, path, dead_pid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "old", &fxc_err), CL_OK);
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK);
    body = draft_text(&k, &f);
    cr_assert_str_eq(body, "newer, at the hang-up");
    cr_assert_eq(access(path, F_OK), -1);
    cr_assert_eq(access(save, F_OK), -1);
    free(body), free(f), free(path), free(save);
}

/* What cannot be taken back is never removed, and a running editor is left alone. */
Test(contact_drafts, a_note_file_is_kept_while_its_editor_runs_or_its_text_cannot_be_read)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", "A1");
    /* The caseload that opened it still runs (another terminal). */
    char *path = tu_write_file(fxc_dir, "caseload-note-GhI789", "being typed elsewhere");
    char fields[4200] = "type=COAP\n";
    draft_editor_mark(fields, sizeof fields, path, (long)getppid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "before", &fxc_err), CL_OK);
    size_t n = 9;
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK);
    cr_assert_eq(n, 0);
    char *f, *body = draft_text(&k, &f);
    cr_assert_str_eq(body, "before");
    cr_assert(strstr(f, "editor="), "still named");
    cr_assert_eq(access(path, F_OK), 0, "the running editor's file stays");
    free(body), free(f), free(path);

    /* Not UTF-8: the file and the draft stay as they are. */
    path = tu_write_file(fxc_dir, "caseload-note-JkL012", "bad \xff byte");
    snprintf(fields, sizeof fields, "type=COAP\n");
    draft_editor_mark(fields, sizeof fields, path, dead_pid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "before", &fxc_err), CL_OK);
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK);
    body = draft_text(&k, &f);
    cr_assert_str_eq(body, "before");
    cr_assert_eq(access(path, F_OK), 0, "text that cannot be offered is not deleted");
    free(body), free(f), free(path);

    /* An empty file (or none): the draft keeps its note, the marks go. */
    path = tu_write_file(fxc_dir, "caseload-note-MnO345", "");
    snprintf(fields, sizeof fields, "type=COAP\n");
    draft_editor_mark(fields, sizeof fields, path, dead_pid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "typed in the form", &fxc_err), CL_OK);
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK);
    body = draft_text(&k, &f);
    cr_assert_str_eq(body, "typed in the form");
    cr_assert_str_eq(f, "type=COAP\n");
    free(body), free(f), free(path);

    /* A file not caseload's own is never touched, whatever the draft says. */
    path = tu_write_file(fxc_dir, "notes.txt", "someone else's file");
    snprintf(fields, sizeof fields, "type=COAP\n");
    draft_editor_mark(fields, sizeof fields, path, dead_pid());
    cr_assert_eq(store_draft_save(fxc_app.store, &k, fields, "mine", &fxc_err), CL_OK);
    cr_assert_eq(draft_editor_recover(fxc_app.store, fxc_app.who, &n, &fxc_err), CL_OK);
    body = draft_text(&k, &f);
    cr_assert_str_eq(body, "mine");
    cr_assert_eq(access(path, F_OK), 0);
    free(body), free(f), free(path);
}

Test(contact_drafts, saving_writes_the_contact_and_removes_the_draft_together)
{
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", "A1");
    cr_assert_eq(store_draft_save(fxc_app.store, &k, "", "Did not attend.", &fxc_err), CL_OK);
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    c.notes = strdup("Did not attend.");
    fxc_log_ok(&c, &k);
    cr_assert_eq(fxc_count("SELECT count(*) FROM draft"), 0);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 1);
    cl_contact_clear(&c);
}

Test(contact_drafts, when_the_draft_cannot_be_removed_nothing_is_saved)
{
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", "A1");
    cr_assert_eq(store_draft_save(fxc_app.store, &k, "", "Did not attend.", &fxc_err), CL_OK);
    fx_sql(fxc_dir, "c.db", "CREATE TRIGGER draft_stuck BEFORE DELETE ON draft BEGIN SELECT RAISE(ABORT, 'stuck'); END;");
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    c.notes = strdup("Did not attend.");
    cr_assert_neq(contact_log(&fxc_app, &c, &k, &fxc_err), CL_OK);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0, "the contact was rolled back");
    cr_assert_eq(fxc_count("SELECT count(*) FROM draft"), 1, "the draft is still there");
    cr_assert_not(store_in_transaction(fxc_app.store));
    cl_contact_clear(&c);
}

Test(contact_drafts, when_the_contact_cannot_be_written_the_draft_stays)
{
    store_draft_key k = contact_draft_key(&fxc_app, "X100002", NULL);
    cr_assert_eq(store_draft_save(fxc_app.store, &k, "", "note", &fxc_err), CL_OK);
    cl_contact a = fxc_new_contact("CTOA", NULL, "first");
    fxc_log_ok(&a, NULL);
    cl_contact b = fxc_new_contact("CTOA", NULL, "note");
    snprintf(b.id, sizeof b.id, "%s", a.id); /* the id is taken */
    cr_assert_eq(contact_log(&fxc_app, &b, &k, &fxc_err), CL_EDATA);
    cr_assert_eq(fxc_count("SELECT count(*) FROM draft"), 1);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 1);
    cl_contact_clear(&a);
    cl_contact_clear(&b);
}

Test(contact_drafts, draft_fields_round_trip)
{
    cl_contact c = fxc_new_contact("COAP", "UAAB", NULL);
    snprintf(c.enforcement, sizeof c.enforcement, "EA02");
    snprintf(c.appointment_id, sizeof c.appointment_id, "A1");
    snprintf(c.corrects, sizeof c.corrects, "C0123");
    c.date = tu_date("2026-11-23");
    c.time = 600;
    c.sensitive = true;
    char buf[512];
    contact_draft_fields(&c, CL_DATE_NONE, -1, buf, sizeof buf);
    cl_contact d = fxc_new_contact("", NULL, NULL);
    contact_draft_apply(buf, &d);
    cr_assert_str_eq(d.type, "COAP");
    cr_assert_str_eq(d.outcome, "UAAB");
    cr_assert_str_eq(d.enforcement, "EA02");
    cr_assert_str_eq(d.appointment_id, "A1");
    cr_assert_str_eq(d.corrects, "C0123");
    cr_assert_eq(d.date, tu_date("2026-11-23"));
    cr_assert_eq(d.time, 600);
    cr_assert_eq(d.end, -1);
    cr_assert(d.sensitive);
    cr_assert_not(d.rar);
    contact_draft_apply("outcome=\n", &d);
    cr_assert_str_empty(d.outcome);
    cr_assert_str_eq(d.type, "COAP", "absent keys are kept");
}

/* A draft keeps the date and time the contact was typed: "today" and "now"
 * are written as the moment the form opened, not left for the recovery. */
Test(contact_drafts, a_draft_keeps_the_date_and_time_it_was_typed)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", NULL);
    char buf[512];
    contact_draft_fields(&c, tu_date("2026-12-08"), 10 * 60 + 30, buf, sizeof buf);
    cl_contact d = fxc_new_contact("", NULL, NULL);
    contact_draft_apply(buf, &d);
    cr_assert_eq(d.date, tu_date("2026-12-08"));
    cr_assert_eq(d.time, 10 * 60 + 30);
    c.time = 9 * 60; /* a time typed with the date left as today */
    c.respond_by = tu_date("2026-12-15");
    contact_draft_fields(&c, tu_date("2026-12-08"), 10 * 60 + 30, buf, sizeof buf);
    contact_draft_apply(buf, &d);
    cr_assert_eq(d.date, tu_date("2026-12-08"));
    cr_assert_eq(d.time, 9 * 60);
    cr_assert_eq(d.respond_by, tu_date("2026-12-15"));
    /* Today typed as a date ("t") with no time is now, as typed; another day
     * with no time stays without one (contact_check asks for it). */
    c.time = -1;
    c.date = tu_date("2026-12-08");
    contact_draft_fields(&c, tu_date("2026-12-08"), 10 * 60 + 30, buf, sizeof buf);
    contact_draft_apply(buf, &d);
    cr_assert_eq(d.time, 10 * 60 + 30);
    c.date = tu_date("2026-12-07");
    contact_draft_fields(&c, tu_date("2026-12-08"), 10 * 60 + 30, buf, sizeof buf);
    contact_draft_apply(buf, &d);
    cr_assert_eq(d.date, tu_date("2026-12-07"));
    cr_assert_eq(d.time, -1);
}

