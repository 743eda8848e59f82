/* Duplicate people: the same date of birth and a similar name (accents and
 * case ignored, forenames and surname swapped, a small spelling difference),
 * or the same PNC number. Court intake checks before it creates anyone. */
#ifndef CASELOAD_DUP_H
#define CASELOAD_DUP_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/model.h"

/* A name for comparing: lower-case ASCII letters only ("Siân Llŷr-Jones" ->
 * "sianllyrjones"); accents off Latin letters, other characters dropped. */
char *dup_fold(const char *name, char *out, size_t len);
/* The first forename, folded. */
char *dup_fold_first(const char *forenames, char *out, size_t len);
/* Edit distance (insert, delete, substitute, swap of neighbours) between two
 * folded names; stops counting above limit (returns limit + 1). */
int dup_distance(const char *a, const char *b, int limit);
/* How many edits two names of this length may differ by: 0 up to 3 letters,
 * 1 up to 6, else 2. */
int dup_tolerance(size_t len);
/* Same person by name (dates of birth are compared by the caller). */
bool dup_names_similar(const char *surname_a, const char *forenames_a, const char *surname_b,
                       const char *forenames_b);

enum { DUP_BY_NAME = 1, DUP_BY_PNC = 2 };
typedef struct dup_match {
    char crn[CL_CODE_LEN], surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    cl_date date_of_birth;
    char pnc[24], officer[CL_CODE_LEN], office[CL_CODE_LEN], status[8];
    int why; /* DUP_BY_* bits */
} dup_match;
#define DUP_MAX 16
typedef struct dup_list {
    size_t n;
    dup_match items[DUP_MAX];
} dup_list;

/* Everyone already held who may be this person (closed cases included). */
int dup_find(cl_app *app, const char *surname, const char *forenames, cl_date dob, const char *pnc,
             dup_list *out, cl_err *err);

#endif
