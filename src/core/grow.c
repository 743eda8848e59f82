#include "caseload/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *cl_grow(void *items, size_t *cap, size_t size)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    if (size && ncap > SIZE_MAX / size)
        return NULL;
    void *p = realloc(items, ncap * size);
    if (p)
        *cap = ncap;
    return p;
}
