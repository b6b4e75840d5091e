/* The floor plan is measured against: opens the URI, lists every domain and reads each one's
 * inactive XML, one call after another. "undefine PREFIX" undefines the domains whose name
 * starts with PREFIX (the bench's cleanup). */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *data, virErrorPtr error) { (void)data; (void)error; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s URI [undefine PREFIX]\n", argv[0]); return 2; }
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (!conn) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    int undefine = argc > 3 && strcmp(argv[2], "undefine") == 0;
    virDomainPtr *domains = NULL;
    int count = virConnectListAllDomains(conn, &domains, 0), failed = 0, undefined = 0;
    if (count < 0) { fprintf(stderr, "cannot list domains\n"); return 1; }
    size_t bytes = 0;
    for (int i = 0; i < count; i++) {
        if (undefine) {
            const char *name = virDomainGetName(domains[i]);
            if (name && strncmp(name, argv[3], strlen(argv[3])) == 0) {
                if (virDomainUndefine(domains[i]) < 0) failed++; else undefined++;
            }
        } else {
            char *xml = virDomainGetXMLDesc(domains[i], VIR_DOMAIN_XML_INACTIVE);
            if (!xml) failed++; else { bytes += strlen(xml); free(xml); }
        }
        virDomainFree(domains[i]);
    }
    free(domains);
    virConnectClose(conn);
    if (undefine) fprintf(stderr, "undefined %d domains\n", undefined);
    else if (getenv("BARE_VERBOSE")) fprintf(stderr, "%d domains, %zu bytes of XML\n", count, bytes);
    return failed ? 1 : 0;
}
