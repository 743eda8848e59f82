/* Workload output: the CSV columns (one table) and the text table, written
 * to a stream by `caseload workload`. */
#ifndef CASELOAD_WL_OUT_H
#define CASELOAD_WL_OUT_H

#include <stdio.h>

#include "caseload/workload.h"

/* The documented columns first (officer,grade,hours,cases,points,capacity_percent),
 * then the rest; rows in staff-code order. */
int wl_write_csv(FILE *f, const wl_list *l);
/* Highest workload first, with the band in words. */
int wl_write_text(FILE *f, wl_list *l);

#endif
