#!/usr/bin/env python3
"""An ssh ProxyCommand that adds a fixed delay each way: delay-relay.py HOST PORT DELAY_MS.

For benchmarks where the kernel has no netem qdisc (tc qdisc ... netem: "Specified qdisc kind is
unknown"). It connects to HOST:PORT and relays stdin to the socket and the socket to stdout, each
chunk held back DELAY_MS after it arrived. Chunks are stamped on arrival and written in order, so
the link stays pipelined (many requests in flight each wait the delay once, as on a real WAN link)
rather than one chunk at a time.
"""
import os
import queue
import socket
import sys
import threading
import time


def pump(read, write, delay):
    chunks = queue.Queue()

    def reader():
        while True:
            data = read()
            chunks.put((time.monotonic() + delay, data))
            if not data:
                return

    threading.Thread(target=reader, daemon=True).start()
    while True:
        due, data = chunks.get()
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        if not data:
            return
        write(data)


def main():
    host, port, delay_ms = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    delay = delay_ms / 1000.0
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()

    def write_all_stdout(data):
        view = memoryview(data)
        while view:
            view = view[os.write(stdout, view):]

    def to_host():
        pump(lambda: os.read(stdin, 65536), sock.sendall, delay)
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    threading.Thread(target=to_host, daemon=True).start()
    pump(lambda: sock.recv(65536), write_all_stdout, delay)


if __name__ == "__main__":
    main()
