#ifndef LEAD_INTAKE_CLIBXML2_SHIM_H
#define LEAD_INTAKE_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its encoding.h then includes the system ICU headers,
// which clash with Foundation's own ICU module in debug builds ("'UErrorCode' has
// different definitions"). Hiding the ICU parts only drops two pointer fields at the end
// of xmlCharEncodingHandler that Swift never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function-pointer variable: Swift 6 rejects referencing it.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

#endif
