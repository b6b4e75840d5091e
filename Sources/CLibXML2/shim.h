#ifndef RECONCILE_CLIBXML2_SHIM_H
#define RECONCILE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so its encoding header pulls in the system's ICU headers, which
 * clash with the ICU Foundation bundles once both modules meet in one program. reconcile never
 * touches the ICU converter fields (only pointers to the handler that holds them), so leave them out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
#endif
