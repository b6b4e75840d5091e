#ifndef RECONCILE_CLIBVIRTLOADER_H
#define RECONCILE_CLIBVIRTLOADER_H

/// Opens libvirt.so.0, once; every later call returns the first outcome. 0 when libvirt is loaded;
/// otherwise -1, and reconcile_libvirt_load_error() says why (the dynamic loader's words).
int reconcile_libvirt_load(void);

/// Why libvirt could not be loaded; empty when it was.
const char *reconcile_libvirt_load_error(void);

#endif
