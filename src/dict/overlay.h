/* overlay.h -- overlay dictionaries (a petrarch-c extension, see README
 * "Current actors").
 *
 * PETRARCH2 merges actor files by EXTENDING: a phrase that comes back in a
 * later entry or file gains more (code, dates) items, and the coder returns
 * the first item whose dates match -- so a later file cannot amend an
 * earlier entry (e.g. give BASHAR_AL_ASSAD_ an end date).  An OVERLAY actor
 * file instead REPLACES the code list of every phrase its entries name.
 *
 * A file is an overlay when it contains the directive line
 *     <!-- petrarch-c: overlay -->
 * at the start of a line (PETRARCH2 skips lines starting "<!", so the file
 * stays readable by it -- with PETRARCH2's extend semantics), or when it is
 * given as one (pc_config_add_actorfile, `petrarch batch --actors FILE`).
 * Files without the directive are read exactly as PETRARCH2 reads them. */
#ifndef PC_OVERLAY_H
#define PC_OVERLAY_H

#include <stddef.h>

#define PC_OVERLAY_DIRECTIVE "<!-- petrarch-c: overlay -->"

/* Does the text contain the directive as a line of its own (starting at the
 * beginning of the line; trailing whitespace allowed)? */
int pc_text_declares_overlay(const char *text, size_t len);

#endif
