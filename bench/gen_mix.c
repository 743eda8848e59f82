/* The mixes' codes, looked up and checked against the core. */
#include <string.h>

#include "caseload/ref.h"
#include "caseload/risk.h"

#include "gen_mix.h"
#include "gen_out.h"

int gen_flag_index(const char *code)
{
    for (size_t i = 0; i < NFLAGS; i++)
        if (!strcmp(FLAG_MIX[i].code, code))
            return (int)i;
    gen_die("no flag %s", code);
}

void gen_check_codes(void)
{
    for (size_t i = 0; i < NELEM(APPT_MIX); i++)
        if (!ref_find_contact_type(APPT_MIX[i].code) ||
            !ref_find_contact_type(APPT_MIX[i].code)->appointment)
            gen_die("appointment type %s unknown to the core", APPT_MIX[i].code);
    for (size_t i = 0; i < NELEM(OTHER_CONTACT_MIX); i++)
        if (!ref_find_contact_type(OTHER_CONTACT_MIX[i].code))
            gen_die("contact type %s unknown to the core", OTHER_CONTACT_MIX[i].code);
    for (size_t i = 0; i < NELEM(OUTCOME_MIX); i++)
        if (!ref_find_outcome(OUTCOME_MIX[i].code))
            gen_die("outcome %s unknown to the core", OUTCOME_MIX[i].code);
    for (size_t i = 0; i < NFLAGS; i++)
        if (!risk_type(FLAG_MIX[i].code))
            gen_die("registration type %s unknown to the core", FLAG_MIX[i].code);
    for (size_t i = 0; i < NELEM(ORDER_MIX); i++)
        if (!ref_lookup(&REF_ORDER_TYPES, ORDER_MIX[i].code))
            gen_die("order type %s unknown to the core", ORDER_MIX[i].code);
    for (size_t i = 0; i < NELEM(REPORT_MIX); i++)
        if (!ref_lookup(&REF_REPORT_TYPES, REPORT_MIX[i].code))
            gen_die("report type %s unknown to the core", REPORT_MIX[i].code);
    /* The enforcement actions gen_diary.c writes. */
    static const char *const ACTS[] = {"EA02", "NFA", "BRE01", "IBR"};
    for (size_t i = 0; i < NELEM(ACTS); i++)
        if (!ref_find_action(ACTS[i]))
            gen_die("enforcement action %s unknown to the core", ACTS[i]);
}
