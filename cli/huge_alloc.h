/*
 * huge_alloc.h - the allocator the WARC pipeline gives its extractors
 * (pith_options.allocator): blocks of 1 MB or more are whole 2 MB huge
 * pages, everything else is plain malloc.
 *
 * Why: each worker's extractor keeps its arena between pages, but the
 * arena grows whenever a page is larger than any before it, and every new
 * 4 KB page the process touches costs a fault (~13 us on this VM, whose
 * page tables are shadowed; a 2 MB huge page costs ~0.25 us per 4 KB). On
 * bench/make_warc.py's 200 MB file this took the run's page faults from
 * 3,300 to 1,900 on one core and from 5,000 to 2,700 on two, and 2-3 %
 * of its CPU time on either (perf stat -e page-faults; 6 rounds side by
 * side). Not the library's default: a huge page is
 * resident whole once touched, so a one-page run (`pith page.html`, where
 * peak memory against the page's size is a target) keeps plain malloc.
 */
#ifndef PITH_CLI_HUGE_ALLOC_H
#define PITH_CLI_HUGE_ALLOC_H

#include "pith.h"

/* The allocator: ctx unused; blocks are freed with free(). */
pith_allocator huge_alloc_allocator(void);

#endif
