/* The mixes: how often each code turns up (realistic proportions, from
 * DOMAIN.md and published figures). Header-only tables, as gen_words.h: the
 * world builder and the writers each draw from the ones they need. */
#ifndef GEN_MIX_H
#define GEN_MIX_H

#include "gen_rand.h"

static const gen_weighted ROSH_MIX[] = {
    {"", 3}, {"RLRH", 28}, {"RMRH", 50}, {"RHRH", 17}, {"RVHR", 2}};
static const gen_weighted ORDER_MIX[] = {{"CO", 50}, {"SSO", 20}, {"LIC", 27}, {"PSS", 3}};
static const gen_weighted APPT_MIX[] = {
    {"COAP", 45}, {"CHVS", 8}, {"COPT", 8}, {"COVC", 3}, {"CUPA", 15}, {"APAT", 6}, {"C240", 3},
    {"C084", 3},  {"CODC", 2}, {"COOO", 3}, {"COAI", 2}, {"COSR", 1}, {"C241", 1}};
static const gen_weighted OUTCOME_MIX[] = {
    {"ATTC", 820}, {"UAAB", 40}, {"AFTC", 20}, {"ATSH", 5}, {"ATSS", 5}, {"AAME", 25}, {"AAEM", 15},
    {"AAFC", 8},   {"AACL", 5},  {"AAHO", 3},  {"AARE", 1}, {"AAAA", 3}, {"RSOF", 20}, {"RSSR", 10},
    {"AFTA", 20}};
static const gen_weighted OTHER_CONTACT_MIX[] = {
    {"CTOB", 20}, {"CTOA", 15}, {"CLOB", 10}, {"CLOA", 2}, {"CMOB", 12}, {"CMOA", 10}, {"CT3B", 8},
    {"CT3A", 5},  {"C204", 4},  {"C203", 5},  {"C201", 12}, {"CSPO", 3}, {"COUP", 4}};
static const gen_weighted REPORT_MIX[] = {{"CJS", 40}, {"CJF", 40}, {"CJO", 10}, {"PSA", 10}};

/* Flags other than RoSH and MAPPA: code, share of people. */
typedef struct gen_flagmix {
    const char *code;
    double p;
} gen_flagmix;
static const gen_flagmix FLAG_MIX[] = {
    {"AV2S", 0.04},  {"ADVP", 0.22},  {"RCPR", 0.04},  {"RCCO", 0.06}, {"RCHD", 0.05},
    {"REG15", 0.05}, {"REG17", 0.06}, {"RVAD", 0.02},  {"ALSH", 0.09}, {"AMHL", 0.14},
    {"WEAP", 0.04},  {"IRMO", 0.015}, {"ARSO", 0.03},  {"ANSO", 0.01}, {"SHPO", 0.015},
    {"STRG", 0.02},  {"RTAO", 0.002}, {"ASFO", 0.003}, {"IMAR", 0.03}, {"RSTO", 0.03},
    {"SPO", 0.005},  {"INVI", 0.05},  {"IKMF", 0.01}};
#define NFLAGS NELEM(FLAG_MIX)

/* FLAG_MIX's index of CODE (its bit in a person's flags); stops on an unknown code. */
int gen_flag_index(const char *code);
/* Stops unless every code the mixes use is in the core's reference tables,
 * so a renamed code cannot slip through. */
void gen_check_codes(void);

#endif
