/* The importer's hand-over of row blocks from the reader thread to the
 * writer, in file order, with at most IMP_BLOCKS blocks in flight (the
 * reader waits for the writer to give one back). */
#include <stdlib.h>

#include "io/imp_int.h"

int imp_queue_init(imp_queue *q)
{
    *q = (imp_queue){0};
    if (pthread_mutex_init(&q->mu, NULL) != 0)
        return -1;
    if (pthread_cond_init(&q->changed, NULL) != 0) {
        pthread_mutex_destroy(&q->mu);
        return -1;
    }
    return 0;
}

static void free_list(imp_block *b)
{
    while (b) {
        imp_block *next = b->next;
        text_arena_free(&b->text);
        free(b);
        b = next;
    }
}

void imp_queue_free(imp_queue *q)
{
    free_list(q->full_head);
    free_list(q->empty);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->mu);
}

imp_block *imp_queue_empty(imp_queue *q)
{
    pthread_mutex_lock(&q->mu);
    while (!q->empty && q->made >= IMP_BLOCKS)
        pthread_cond_wait(&q->changed, &q->mu);
    imp_block *b = q->empty;
    if (b)
        q->empty = b->next;
    else if ((b = malloc(sizeof *b)) != NULL) {
        b->text = (text_arena){0};
        q->made++;
    } else
        q->oom = true;
    pthread_mutex_unlock(&q->mu);
    if (b) {
        b->n = 0;
        text_arena_clear(&b->text);
        b->progress = false;
        b->next = NULL;
    }
    return b;
}

void imp_queue_put(imp_queue *q, imp_block *b)
{
    pthread_mutex_lock(&q->mu);
    b->next = NULL;
    if (q->full_tail)
        q->full_tail->next = b;
    else
        q->full_head = b;
    q->full_tail = b;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->mu);
}

void imp_queue_finish(imp_queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->finished = true;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->mu);
}

imp_block *imp_queue_take(imp_queue *q)
{
    pthread_mutex_lock(&q->mu);
    while (!q->full_head && !q->finished)
        pthread_cond_wait(&q->changed, &q->mu);
    imp_block *b = q->full_head;
    if (b) {
        q->full_head = b->next;
        if (!q->full_head)
            q->full_tail = NULL;
    }
    pthread_mutex_unlock(&q->mu);
    return b;
}

void imp_queue_give_back(imp_queue *q, imp_block *b)
{
    pthread_mutex_lock(&q->mu);
    b->next = q->empty;
    q->empty = b;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->mu);
}
