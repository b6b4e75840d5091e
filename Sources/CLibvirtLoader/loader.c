// reconcile opens libvirt at run time instead of linking it. Loading libvirt.so.0 and the 56
// libraries it needs took 13-18 ms before `main` even started, on one core, ahead of everything
// `plan` does; opened on a thread of its own as the process starts, it loads while the command line
// is parsed and the manifests are read. It also lets the commands that never talk to libvirt
// (`validate`, `schema`, `--help`) run on a machine without it, and a missing libvirt is an error
// reconcile words itself instead of the dynamic loader's refusal to start the program.
//
// libvirt-functions.c defines each libvirt function reconcile calls, with libvirt's prototype,
// hidden from other libraries so that libvirt's calls to itself never come here.
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "loader.h"

extern _Atomic(void *) reconcile_libvirt_functions[];

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;
static char load_error[512];

static void open_library(void) {
    library = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason != NULL ? reason : "libvirt.so.0 could not be loaded");
    }
}

int reconcile_libvirt_load(void) {
    pthread_once(&once, open_library);
    return library != NULL ? 0 : -1;
}

const char *reconcile_libvirt_load_error(void) {
    reconcile_libvirt_load();
    return load_error;
}

void *reconcile_libvirt_function(int index, const char *name) {
    void *function = atomic_load_explicit(&reconcile_libvirt_functions[index], memory_order_acquire);
    if (function != NULL) {
        return function;
    }
    if (reconcile_libvirt_load() != 0) {
        fprintf(stderr, "reconcile: %s called before libvirt was loaded: %s\n", name, load_error);
        abort();
    }
    function = dlsym(library, name);
    if (function == NULL) {
        fprintf(stderr, "reconcile: this libvirt has no %s: it is older than reconcile needs\n", name);
        abort();
    }
    atomic_store_explicit(&reconcile_libvirt_functions[index], function, memory_order_release);
    return function;
}
