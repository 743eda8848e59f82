/* The diary: each person's appointments, the contacts that record their
 * outcomes (with any enforcement that follows), and other contacts over the
 * history, in proportion to the person's weight. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/calendar.h"
#include "caseload/ref.h"

#include "gen_out.h"
#include "gen_write.h"

/* One booked slot, kept per person while their contacts are written. */
typedef struct appt {
    long id;
    cl_date date;
    int start, end, officer;
    const char *type, *status;
    int order; /* index into w->orders, -1 none */
} appt;

/* What the diary's writers share while they go through the people. */
typedef struct diary {
    gen_world *w;
    gen_out a, c;             /* appointments.csv, contacts.csv */
    long appt_id, contact_id; /* the last of each written */
    appt *list;               /* one person's appointments */
    size_t cap;
    char notes[400];
} diary;

static int appt_cmp(const void *a, const void *b)
{
    const appt *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return x->start - y->start;
}

static void contact_row(diary *d, const gen_person *p, const char *order_id, const char *officer,
                        cl_date date, int time, int end, const char *type, const char *outcome,
                        const char *enf, long appt_id, const char *notes, bool sensitive, bool rar)
{
    gen_out *c = &d->c;
    char id[24], aid[24] = "";
    snprintf(id, sizeof id, "C%08ld", ++d->contact_id);
    if (appt_id)
        snprintf(aid, sizeof aid, "A%08ld", appt_id);
    gen_put(c, id), gen_put(c, p->crn), gen_put(c, order_id), gen_put(c, officer);
    gen_putd(c, date), gen_putt(c, time), gen_put(c, type), gen_put(c, outcome), gen_put(c, enf);
    gen_put(c, aid), gen_put(c, notes), gen_putt(c, end);
    gen_put(c, sensitive ? "1" : "0"), gen_put(c, rar ? "1" : "0");
    gen_endrow(c);
}

static int pick_officer(gen_world *w, const gen_person *p)
{
    return p->officer >= 0 ? p->officer : w->offices[p->office].spo;
}

/* Person I's NA appointments (fewer where no free slot was found), in date
 * order in d->list; returns how many. */
static size_t book(diary *d, int i, long na)
{
    gen_world *w = d->w;
    const gen_opts *o = &w->o;
    const gen_person *p = &w->people[i];
    int cur_ix = p->first_order + p->norders - 1;
    const gen_order *cur = &w->orders[cur_ix];
    if ((size_t)na + 1 > d->cap) {
        d->cap = (size_t)na * 2 + 2;
        d->list = realloc(d->list, d->cap * sizeof *d->list);
        if (!d->list)
            gen_die("out of memory");
    }
    appt *list = d->list;
    /* Appointments fall on or after the current order's sentence date. */
    int first_day = 0, hi = w->nbdays - 1;
    while (first_day < hi) {
        int mid = (first_day + hi) / 2;
        if (w->bdays[mid] < cur->sentence)
            first_day = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    for (long j = 0; j < na; j++) {
        appt *x = &list[k];
        const char *type = GEN_PICKW(APPT_MIX);
        if (!strcmp(type, "CUPA") && !cur->upw)
            type = "COAP";
        if (!strcmp(type, "APAT") && !cur->prog)
            type = "COAP";
        x->type = type;
        x->officer = pick_officer(w, p);
        x->order = cur_ix;
        bool placed = false;
        for (int tries = 0; tries < 50 && !placed; tries++) {
            int day = first_day + gen_rnd(w->nbdays - first_day);
            x->date = w->bdays[day];
            bool taken = o->named && i < 2 && x->date == o->base;
            for (size_t m = 0; m < k; m++)
                taken |= list[m].date == x->date;
            if (taken)
                continue;
            if (!strcmp(type, "CUPA")) {
                x->start = 9 * 60, x->end = 16 * 60;
                placed = true;
            } else {
                x->start = 9 * 60 + 30 * gen_rnd(15);
                x->end = x->start + (gen_chance(0.6) ? 30 : 60);
                if (x->end > 17 * 60)
                    x->end = 17 * 60;
                placed = gen_slot_book(w, x->officer, day, x->start, x->end);
            }
        }
        if (!placed)
            continue;
        int s = gen_rnd(100);
        x->status = s < 94 ? "booked" : s < 97 ? "cancelled" : "rescheduled";
        x->id = ++d->appt_id;
        k++;
    }
    if (o->named && i < 2) {
        /* Siân Llŷr and Zoë Ó Ceallaigh are in the diary on the base day. */
        appt *x = &list[k++];
        x->date = o->base, x->start = (10 + i) * 60, x->end = x->start + 60;
        x->type = "COAP", x->status = "booked", x->officer = pick_officer(w, p);
        x->order = cur_ix, x->id = ++d->appt_id;
    }
    qsort(list, k, sizeof *list, appt_cmp);
    return k;
}

/* Where an appointment of TYPE happens; ROOM holds an interview room's name. */
static const char *location(const char *type, char *room, size_t len)
{
    if (!strcmp(type, "CHVS") || !strcmp(type, "CODC"))
        return "Home address";
    if (!strcmp(type, "COPT"))
        return "Telephone";
    if (!strcmp(type, "COVC"))
        return "Video call";
    if (!strcmp(type, "CUPA"))
        return GEN_PICK(UPW_SITES);
    if (!strcmp(type, "COOO"))
        return "Job centre";
    if (!strcmp(type, "C241") || !strcmp(type, "COSR"))
        return GEN_PICK(COURTS);
    snprintf(room, len, "Interview room %d", 1 + gen_rnd(8));
    return room;
}

/* Appointment X's row, then its outcome and any enforcement as contacts.
 * LAST_WARNING carries the person's last warning letter from one to the next. */
static void write_appt(diary *d, const gen_person *p, const appt *x, cl_date *last_warning)
{
    gen_world *w = d->w;
    const gen_opts *o = &w->o;
    const gen_order *r = &w->orders[x->order];
    const char *off = w->staff[x->officer].code;
    char room[96];
    const char *loc = location(x->type, room, sizeof room);
    char id[24];
    snprintf(id, sizeof id, "A%08ld", x->id);
    gen_out *a = &d->a;
    gen_put(a, id), gen_put(a, p->crn), gen_put(a, r->id), gen_put(a, off);
    gen_putd(a, x->date), gen_putt(a, x->start), gen_putt(a, x->end);
    gen_put(a, x->type), gen_put(a, loc), gen_put(a, x->status);
    gen_put(a, gen_chance(0.2) ? gen_note(d->notes, 200, 20, 80) : "");
    gen_put(a, w->offices[w->staff[x->officer].office].code);
    gen_endrow(a);
    /* The outcome of a past booked appointment is a contact; a few recent
     * ones are left for the officer to log. */
    if (x->date >= o->base || strcmp(x->status, "booked"))
        return;
    if (x->date > o->base - 10 && gen_chance(0.05))
        return;
    const char *outcome = GEN_PICKW(OUTCOME_MIX);
    if (!strcmp(outcome, "AFTA") && x->date < o->base - 14)
        outcome = "UAAB";
    if (!strcmp(x->type, "APAT") || !strcmp(x->type, "C240"))
        if (!strcmp(outcome, "ATTC") && gen_chance(0.3))
            outcome = "APPK";
    bool rar = r->rar && ref_find_outcome(outcome)->attended &&
               (!strcmp(x->type, "COAP") || !strcmp(x->type, "C084")) && gen_chance(0.5);
    contact_row(d, p, r->id, off, x->date, x->start, x->end, x->type, outcome, "", x->id,
                gen_note(d->notes, sizeof d->notes, 100, 300), gen_chance(0.03), rar);
    if (ref_find_outcome(outcome)->enforceable != ENF_YES || !gen_chance(0.75))
        return;
    /* Enforcement: a warning letter, or a breach after an earlier warning. */
    cl_date on = cal_add_business_days(&w->cal, x->date, 1 + gen_rnd(3));
    if (on >= o->base)
        return;
    bool breach = *last_warning != CL_DATE_NONE && x->date - *last_warning <= 365;
    const char *enf = breach ? (gen_chance(0.5) ? "BRE01" : "IBR")
                             : (gen_chance(0.9) ? "EA02" : "NFA");
    if (!breach && !strcmp(enf, "EA02"))
        *last_warning = on;
    if (breach)
        *last_warning = CL_DATE_NONE;
    int len = snprintf(d->notes, sizeof d->notes, "%s letter sent following the absence on %s. ",
                       breach ? "Breach" : "Warning", date_format(x->date, id));
    gen_note(d->notes + len, sizeof d->notes - (size_t)len, 60, 200);
    contact_row(d, p, r->id, off, on, 14 * 60 + 30 * gen_rnd(6), -1, "CLOB", "", enf, 0, d->notes,
                false, false);
}

/* NC other contacts over the history window, each under the order in force
 * on its day (a closed case's before it closed). */
static void write_history(diary *d, const gen_person *p, long nc)
{
    gen_world *w = d->w;
    for (long j = 0; j < nc; j++) {
        cl_date day = w->hdays[gen_rnd(w->nhdays)];
        if (p->closed && day > p->closed_on)
            day = p->closed_on - gen_rnd(90);
        int oi = p->first_order;
        for (int m = 0; m < p->norders; m++)
            if (w->orders[p->first_order + m].sentence <= day)
                oi = p->first_order + m;
        const char *type = GEN_PICKW(OTHER_CONTACT_MIX);
        contact_row(d, p, gen_chance(0.8) ? w->orders[oi].id : "",
                    w->staff[pick_officer(w, p)].code, day, 8 * 60 + 30 + gen_rnd(9 * 60), -1, type,
                    !strcmp(type, "COUP") ? "ATTC" : "", "", 0,
                    gen_note(d->notes, sizeof d->notes, 100, 300), gen_chance(0.02), false);
    }
}

void gen_write_diary(gen_world *w)
{
    const gen_opts *o = &w->o;
    diary d = {.w = w};
    d.a = gen_out_open(o->out, "appointments.csv",
                       "id,crn,order_id,officer,date,start,end,type,location,status,notes,office");
    d.c = gen_out_open(o->out, "contacts.csv",
                       "id,crn,order_id,officer,date,time,type,outcome,enforcement,"
                       "appointment_id,notes,end,sensitive,rar");
    double wsum = 0;
    for (int i = 0; i < o->offenders; i++)
        wsum += w->people[i].weight;
    /* Contacts: each person's share of the total, by weight; the outcomes of
     * their past appointments first, then other kinds over the history to fill
     * the share. Running totals keep the sums exact. */
    double csum = 0;
    for (int i = 0; i < o->offenders; i++)
        csum += w->people[i].closed ? 0.3 : w->people[i].weight;
    double acc_a = 0, acc_c = 0;
    long done_a = 0;
    for (int i = 0; i < o->offenders; i++) {
        const gen_person *p = &w->people[i];
        /* Shares by weight, rounded on the running total so the sums are exact. */
        acc_a += p->weight / wsum * (double)o->appointments;
        acc_c += (p->closed ? 0.3 : p->weight) / csum * (double)o->contacts;
        long na = (long)(acc_a + 0.5) - done_a;
        done_a += na;
        size_t k = book(&d, i, na);
        cl_date last_warning = CL_DATE_NONE;
        for (size_t j = 0; j < k; j++)
            write_appt(&d, p, &d.list[j], &last_warning);
        write_history(&d, p, (long)(acc_c + 0.5) - d.contact_id);
    }
    free(d.list);
    gen_out_close(&d.a, "appointments.csv");
    gen_out_close(&d.c, "contacts.csv");
}
