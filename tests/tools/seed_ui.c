/* Seeds the small caseload of tests/unit/fixture_caseload.c for the UI tests.
 * Usage: seed_ui DATABASE [FILLER_COUNT] */
#include <stdio.h>
#include <stdlib.h>

#include "caseload/store.h"
#include "fixture_caseload.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: seed_ui DATABASE [FILLER_COUNT]\n");
        return 64;
    }
    cl_err err = {0};
    cl_store *st = store_open(argv[1], STORE_CREATE, &err);
    if (!st) {
        fprintf(stderr, "seed_ui: %s\n", err.msg);
        return err.code;
    }
    store_set_actor(st, "SEED", "2026-11-24T09:00");
    fx_seed_caseload(st, argc > 2 ? atoi(argv[2]) : 40);
    store_close(st);
    return 0;
}
