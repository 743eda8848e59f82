/* The generator's world, held in memory (small: ~100 bytes per person):
 * offices, staff, people with their risk and orders, and the business days.
 * Built once from the seed; the writers then read it. */
#ifndef GEN_WORLD_H
#define GEN_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "caseload/calendar.h"
#include "caseload/dates.h"

#include "gen_mix.h"

typedef struct gen_opts {
    uint64_t seed;
    cl_date base;
    int offices, staff, offenders;
    long appointments, contacts;
    int past_days, future_days, history_days;
    bool holidays, named;
    const char *out;
} gen_opts;

enum { G_PO, G_PQIP, G_NQO, G_PSO, G_SPO, G_ADMIN };
extern const char *const GEN_GRADE_CODE[]; /* by G_ grade */

typedef struct gen_office {
    char code[16], name[96], town[32];
    int first_staff, nstaff;
    int spo; /* index of a senior: holds unallocated appointments */
} gen_office;

typedef struct gen_staff {
    char code[32], name[96];
    int grade, office;
} gen_staff;

typedef struct gen_order {
    char id[16];
    const char *type;
    cl_date sentence, end;
    bool upw, rar, prog;
    char req_upw[16], req_rar[16];
} gen_order;

typedef struct gen_person {
    char crn[8];
    const char *fore, *sur;
    char gender;
    cl_date dob;
    int office, officer; /* officer -1: unallocated */
    const char *rosh;    /* RLRH.. or "" */
    int mcat, mlvl;      /* MAPPA 1-4 / 1-3, 0 none */
    uint32_t flags;      /* bit per FLAG_MIX entry */
    char flaglevel[NFLAGS];
    char tier[4];
    bool closed;
    cl_date closed_on;
    int first_order, norders;
    double weight; /* share of appointments and contacts */
} gen_person;

typedef struct gen_world {
    gen_opts o;
    cl_calendar cal;
    gen_office *offices;
    gen_staff *staff;
    gen_person *people;
    gen_order *orders;
    int norders, orders_cap;
    cl_date *bdays; /* business days in the appointment window */
    int nbdays;
    cl_date *hdays; /* business days in the history window */
    int nhdays;
    uint16_t *busy; /* per officer per business day: half-hour slots 09:00-17:00 */
} gen_world;

/* Seeds the randomness and builds W from O: offices, staff, people, days. */
void gen_world_build(gen_world *w, const gen_opts *o);
void gen_world_free(gen_world *w);

/* The people, their risk, orders and officers (gen_people.c). */
void gen_people_make(gen_world *w);

/* Books START-END (minutes) for OFFICER on business day DAY (an index into
 * bdays) if every half hour of it is free; false, booking nothing, if not. */
bool gen_slot_book(gen_world *w, int officer, int day, int start, int end);

#endif
