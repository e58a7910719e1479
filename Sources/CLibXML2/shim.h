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

// libxml2 reports some errors through a per-thread "generic" handler that prints to stderr
// by default (e.g. "xmlXPathCompOpEval: function x not found"). Message content must never
// reach the logs that way, and Swift cannot write the variadic handler type itself.
static inline void cxml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void cxml_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

// Installs the silent generic handler for the calling thread (libxml2 keeps it per thread;
// errors raised without a structured handler fall back to it as well).
static inline void cxml_silence_generic_errors_on_this_thread(void) {
    xmlSetGenericErrorFunc(NULL, cxml_ignore_generic_error);
}

// For an XPath context: errors go to this no-op instead of the global handlers.
static inline void cxml_xpath_silence(xmlXPathContextPtr context) {
    context->error = cxml_ignore_structured_error;
    context->userData = NULL;
}

#endif
