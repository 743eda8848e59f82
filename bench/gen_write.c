/* The plain kinds' writers: offices, staff, offenders, orders with their
 * requirements, pre-sentence reports and bank holidays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_out.h"
#include "io/keyset.h"
#include "gen_write.h"

void gen_write_offices(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "offices.csv", "code,name,address,phone");
    for (int i = 0; i < w->o.offices; i++) {
        gen_office *o = &w->offices[i];
        char addr[128], phone[32];
        snprintf(addr, sizeof addr, "%d %s, %s", 1 + gen_rnd(200), GEN_PICK(STREETS), o->town);
        snprintf(phone, sizeof phone, "0300 %03d %04d", 100 + gen_rnd(900), gen_rnd(10000));
        gen_put(&f, o->code), gen_put(&f, o->name), gen_put(&f, addr), gen_put(&f, phone);
        gen_endrow(&f);
    }
    gen_out_close(&f, "offices.csv");
}

void gen_write_staff(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "staff.csv", "code,name,grade,office,team,hours");
    for (int i = 0; i < w->o.staff; i++) {
        gen_staff *s = &w->staff[i];
        static const char *const HOURS[] = {"37", "37", "37", "30", "22.5"};
        gen_put(&f, s->code), gen_put(&f, s->name), gen_put(&f, GEN_GRADE_CODE[s->grade]);
        gen_put(&f, w->offices[s->office].code);
        gen_put(&f, s->grade == G_ADMIN ? "" : GEN_PICK(TEAMS));
        gen_put(&f, GEN_PICK(HOURS));
        gen_endrow(&f);
    }
    gen_out_close(&f, "staff.csv");
}

void gen_write_offenders(gen_world *w)
{
    gen_out f =
        gen_out_open(w->o.out, "offenders.csv",
                     "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,"
                     "officer,office,status");
    keyset pncs;
    keyset_init(&pncs);
    for (int i = 0; i < w->o.offenders; i++) {
        gen_person *p = &w->people[i];
        char g[2] = {p->gender, 0}, pnc[24] = "", addr[128], pc[16], phone[24] = "";
        int y, base_y;
        date_to_ymd(p->dob, &y, &(int){0}, &(int){0});
        date_to_ymd(w->o.base, &base_y, &(int){0}, &(int){0});
        if (gen_chance(0.8)) {
            /* Drawn last to first, as the committed sample was made. The
             * year is when the record was made: never after the base year. */
            char letter = "ABCDEFGHJKLMNPQRTUVWXYZ"[gen_rnd(23)];
            int serial = gen_rnd(10000000), py = y + 18 + gen_rnd(5);
            snprintf(pnc, sizeof pnc, "%04d/%07d%c", py > base_y ? base_y : py, serial, letter);
            /* A PNC is one person's (the import refuses a second holder): a
             * draw already given (about one in a national load) takes the
             * next serial; the draws themselves stay as they were. */
            while (keyset_has(&pncs, pnc)) {
                serial = (serial + 1) % 10000000;
                snprintf(pnc, sizeof pnc, "%04d/%07d%c", py > base_y ? base_y : py, serial, letter);
            }
            if (keyset_add(&pncs, pnc, i + 1) < 0) {
                fprintf(stderr, "gen: out of memory\n");
                exit(1);
            }
        }
        if (gen_chance(0.03))
            snprintf(addr, sizeof addr, "No fixed abode");
        else
            snprintf(addr, sizeof addr, "%d %s, %s", 1 + gen_rnd(300), GEN_PICK(STREETS),
                     w->offices[p->office].town);
        snprintf(pc, sizeof pc, "%s%d %d%c%c", GEN_PICK(POSTAREAS), 1 + gen_rnd(20), gen_rnd(10),
                 "ABDEFGHJLNPQRSTUWXYZ"[gen_rnd(20)], "ABDEFGHJLNPQRSTUWXYZ"[gen_rnd(20)]);
        if (gen_chance(0.9))
            snprintf(phone, sizeof phone, "07700 900%03d", gen_rnd(1000));
        gen_put(&f, p->crn), gen_put(&f, p->sur), gen_put(&f, p->fore), gen_putd(&f, p->dob);
        gen_put(&f, g), gen_put(&f, pnc), gen_put(&f, addr), gen_put(&f, pc), gen_put(&f, phone);
        gen_put(&f, p->tier);
        gen_put(&f, p->officer < 0 ? "" : w->staff[p->officer].code);
        gen_put(&f, w->offices[p->office].code), gen_put(&f, p->closed ? "closed" : "active");
        gen_endrow(&f);
    }
    keyset_free(&pncs);
    gen_out_close(&f, "offenders.csv");
}

static void req(gen_out *q, int *nreq, const gen_order *r, bool cond, const char *code,
                const char *unit, int length, const char *sub, char *save)
{
    if (!cond)
        return;
    char id[16], len[16];
    snprintf(id, sizeof id, "R%07d", ++*nreq);
    snprintf(len, sizeof len, "%d", length);
    gen_put(q, id), gen_put(q, r->id), gen_put(q, code), gen_put(q, len), gen_put(q, unit);
    gen_putd(q, r->sentence), gen_put(q, sub);
    gen_endrow(q);
    if (save)
        memcpy(save, id, sizeof id);
}

void gen_write_orders(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "orders.csv", "id,crn,type,sentence_date,end_date,court");
    gen_out q = gen_out_open(w->o.out, "requirements.csv",
                             "id,order_id,type,length,unit,start_date,subtype");
    int nreq = 0;
    for (int i = 0; i < w->o.offenders; i++) {
        gen_person *p = &w->people[i];
        for (int k = 0; k < p->norders; k++) {
            gen_order *r = &w->orders[p->first_order + k];
            gen_put(&f, r->id), gen_put(&f, p->crn), gen_put(&f, r->type);
            gen_putd(&f, r->sentence), gen_putd(&f, r->end), gen_put(&f, GEN_PICK(COURTS));
            gen_endrow(&f);
            req(&q, &nreq, r, r->upw, "W", "hours", 40 + 10 * gen_rnd(27), "", r->req_upw);
            req(&q, &nreq, r, r->rar, "F", "days", 5 + gen_rnd(56), "", r->req_rar);
            req(&q, &nreq, r, r->prog, "RM38", "sessions", 19 + gen_rnd(20), GEN_PICK(PROGRAMMES),
                NULL);
            bool co = !strcmp(r->type, "CO");
            req(&q, &nreq, r, co && gen_chance(0.1), "M", "months", 1 + gen_rnd(6), "", NULL);
            req(&q, &nreq, r, co && gen_chance(0.05), "RM49", "months", 1 + gen_rnd(6), "", NULL);
            req(&q, &nreq, r, gen_chance(0.05), "H", "months", 6, "", NULL);
            req(&q, &nreq, r, gen_chance(0.04), "T", "days", 90 + gen_rnd(30), "", NULL);
            req(&q, &nreq, r, gen_chance(0.04), "P", "months", 6 + gen_rnd(7), "", NULL);
            req(&q, &nreq, r, gen_chance(0.03), "X", "months", 3 + gen_rnd(10), "", NULL);
        }
    }
    gen_out_close(&f, "orders.csv");
    gen_out_close(&q, "requirements.csv");
}

void gen_write_reports(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "reports.csv",
                             "id,crn,type,requested,due,court,officer,status");
    int nrep = 0;
    cl_date base = w->o.base;
    for (int i = 0; i < w->o.offenders; i++) {
        gen_person *p = &w->people[i];
        if (p->closed || !gen_chance(0.04))
            continue;
        const char *type = GEN_PICKW(REPORT_MIX);
        int days = !strcmp(type, "CJS") ? 15 : !strcmp(type, "CJO") ? 0 : 5;
        cl_date req = w->hdays[w->nhdays - 1 - gen_rnd(w->nhdays < 40 ? w->nhdays : 40)];
        cl_date due = cal_add_business_days(&w->cal, req, days);
        const char *status =
            due >= base - 2 ? "requested" : gen_chance(0.9) ? "completed" : "withdrawn";
        char id[16];
        snprintf(id, sizeof id, "P%07d", ++nrep);
        int officer = p->officer >= 0 ? p->officer : w->offices[p->office].first_staff + 1;
        gen_put(&f, id), gen_put(&f, p->crn), gen_put(&f, type), gen_putd(&f, req);
        gen_putd(&f, due), gen_put(&f, GEN_PICK(COURTS)), gen_put(&f, w->staff[officer].code);
        gen_put(&f, status);
        gen_endrow(&f);
    }
    gen_out_close(&f, "reports.csv");
}

void gen_write_holidays(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "holidays.csv", "date,name");
    for (size_t i = 0; i < w->cal.n; i++) {
        gen_putd(&f, w->cal.days[i].date), gen_put(&f, w->cal.days[i].name);
        gen_endrow(&f);
    }
    gen_out_close(&f, "holidays.csv");
}
