/* A contact note open in $VISUAL/$EDITOR lives in a temporary file until the
 * editor returns. While it is open, the draft names the file and the process
 * that opened it (extra "editor=" and "editor_pid=" lines in its fields), so
 * that when caseload is killed meanwhile the next start puts the file's text
 * back into the draft, where it is offered as every draft is, and only then
 * removes the file: text typed in the editor is never deleted unoffered. */
#ifndef CASELOAD_DRAFT_EDITOR_H
#define CASELOAD_DRAFT_EDITOR_H

#include <stddef.h>

#include "caseload/store.h"

/* The temporary file's name: DRAFT_EDITOR_PREFIX then six mkstemp letters.
 * An editor's emergency save beside it (nano writes FILE.save on SIGHUP)
 * ends in DRAFT_EDITOR_SAVE and is taken first: it is the newer text. */
#define DRAFT_EDITOR_PREFIX "caseload-note-"
#define DRAFT_EDITOR_SAVE ".save"

/* Appends the editor's file and process to a draft's fields. Returns fields. */
char *draft_editor_mark(char *fields, size_t len, const char *path, long pid);

/* For every draft of `officer` whose editor process is gone (or is this very
 * process, as a pid can be reused): the text of its editor file, when there
 * is any and it is valid UTF-8, becomes the draft's note; the marks go;
 * then, the draft saved, the file is removed. A draft whose editor is still
 * running elsewhere is left alone; so is a file whose text cannot be taken
 * (not UTF-8): it stays for the officer to read. *recovered counts the
 * drafts that got text back from a file. */
int draft_editor_recover(cl_store *st, const char *officer, size_t *recovered, cl_err *err);

#endif
