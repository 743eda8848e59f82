/* The small caseload of tests/unit/fixture_caseload.c: officer CDF02 at CDF;
 * X100001 Siân Llŷr (High RoSH, MAPPA 2/2 review overdue on 2026-11-24, risk to
 * staff High, domestic abuse ended by CDF03, a community order with 60 hours
 * of unpaid work of which 6 h 30 done, an appointment at 14:00 on 2026-11-24),
 * X100002 Zoë Ó Ceallaigh (Medium, phone call 2026-09-01, appointment at 09:00
 * on 2026-11-24), X100003 Rhodri Ffrancon (CDF03, Low, born 1990-03-07),
 * X100004 Pádraig O'Brien (Bristol), X100005 Mary Quinn (closed),
 * X100006 王 芳 (Very High), X100007 Ann Zoëlle (combining diaeresis), and
 * `filler` people "Ab, Person NN" (X2nnnnn). Exits the process on failure. */
#ifndef CASELOAD_FIXTURE_CASELOAD_H
#define CASELOAD_FIXTURE_CASELOAD_H

#include "caseload/store.h"

void fx_seed_caseload(cl_store *st, int filler);

#endif
