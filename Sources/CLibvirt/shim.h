#ifndef RECONCILE_CLIBVIRT_SHIM_H
#define RECONCILE_CLIBVIRT_SHIM_H
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#endif
