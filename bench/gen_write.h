/* The writers: one CSV file of each kind from the world, in caseload's import
 * formats (caseload-csv(5)). Called in a fixed order, since each draws from
 * the one seeded stream. */
#ifndef GEN_WRITE_H
#define GEN_WRITE_H

#include "gen_world.h"

/* gen_write.c: the plain kinds. */
void gen_write_offices(gen_world *w);
void gen_write_staff(gen_world *w);
void gen_write_offenders(gen_world *w);
void gen_write_orders(gen_world *w); /* and requirements.csv */
void gen_write_reports(gen_world *w);
void gen_write_holidays(gen_world *w);

/* gen_reg.c: risk registrations, current and ended. */
void gen_write_registrations(gen_world *w);

/* gen_diary.c: appointments and contacts together, as the outcome of a past
 * appointment is a contact. */
void gen_write_diary(gen_world *w);

#endif
