/*
 * streamed.h - puts a streamed page's late content where a browser shows it.
 *
 * A page rendered by React's streaming server (Next.js and others) sends
 * its slow parts last: in place it leaves an empty
 * <template id="B:n"> (a boundary, followed by a fallback such as
 * "Loading paragraph...") or <template id="P:n"> (a placeholder), and at the
 * end of the body the real content in <div hidden id="S:n">, which a small
 * script moves into place ($RC("B:n","S:n"), $RS("S:n","P:n")). pith runs
 * no scripts, so without this the article is hidden and the reader sees
 * "Loading...". The pairing by number is the one React's scripts use.
 */
#ifndef PITH_EXTRACT_STREAMED_H
#define PITH_EXTRACT_STREAMED_H

#include <stdbool.h>

#include "dom/dom.h"

/* Moves the children of each <div hidden id="S:n"> to where its
 * <template id="B:n"> or <template id="P:n"> stands, drops the template and
 * a boundary's fallback (the next element, when it is empty or says it is
 * loading). Pages without such markup are left as they are. Linear in the
 * tree; memory from the document's arena; false when it runs out (the
 * tree is then unchanged or partly moved, still a valid tree). */
bool streamed_reveal(pith_dom *dom);

#endif
