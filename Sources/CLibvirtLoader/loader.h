#ifndef RECONCILE_CLIBVIRTLOADER_PRIVATE_H
#define RECONCILE_CLIBVIRTLOADER_PRIVATE_H

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include "CLibvirtLoader.h"

/// libvirt's function `name`, the `index`th of libvirt-functions.c, looked up once. Aborts with a
/// message when libvirt is not loaded: reconcile loads it (reconcile_libvirt_load) before any call.
void *reconcile_libvirt_function(int index, const char *name);

#endif
