#!/usr/bin/env python3
"""A DNS responder with latency for tests/integration/resolve.sh.

Answers PTR queries on 127.0.0.1:53 (UDP) after DELAY seconds, each query
in a thread of its own, so that concurrent lookups overlap as they would
against a real resolver:
  10.A.B.C           -> hA-B-C.test. (C < 200), NXDOMAIN (200..249),
                        no answer at all (250..255: the client times out)
  2001:db8::X (X < 0x100) -> v6-X.test. ; other names: NXDOMAIN
Counts queries on stderr at exit (SIGTERM).
Usage: dnsstub.py DELAY READYFILE
"""
import signal
import socket
import struct
import sys
import threading
import time

delay = float(sys.argv[1])
ready = sys.argv[2]
count = 0
lock = threading.Lock()


def qname(packet, off):
    labels = []
    while True:
        n = packet[off]
        off += 1
        if n == 0:
            return labels, off
        labels.append(packet[off:off + n].decode('ascii', 'replace'))
        off += n


def name_for(labels):
    low = [l.lower() for l in labels]
    if len(low) == 6 and low[4:] == ['in-addr', 'arpa']:
        c, b, a, d = low[0], low[1], low[2], low[3]
        if d != '10':
            return 'nx'
        c = int(c)
        if c >= 250:
            return None
        if c >= 200:
            return 'nx'
        return 'h%s-%s-%d.test' % (a, b, c)
    if len(low) == 34 and low[32:] == ['ip6', 'arpa']:
        nibbles = ''.join(reversed(low[:32]))
        if nibbles.startswith('20010db8') and int(nibbles[8:30], 16) == 0:
            return 'v6-%x.test' % int(nibbles[30:], 16)
    return 'nx'


def encode(name):
    out = b''
    for part in name.split('.'):
        out += bytes([len(part)]) + part.encode()
    return out + b'\0'


def answer(sock, packet, peer):
    global count
    with lock:
        count += 1
    qid, flags, qd = struct.unpack('!HHH', packet[:6])
    labels, end = qname(packet, 12)
    qtype = struct.unpack('!H', packet[end:end + 2])[0]
    question = packet[12:end + 4]
    time.sleep(delay)
    name = name_for(labels) if qtype == 12 else 'nx'
    if name is None:
        return
    if name == 'nx':
        head = struct.pack('!HHHHHH', qid, 0x8183, 1, 0, 0, 0)
        sock.sendto(head + question, peer)
        return
    rdata = encode(name)
    rr = b'\xc0\x0c' + struct.pack('!HHIH', 12, 1, 60, len(rdata)) + rdata
    head = struct.pack('!HHHHHH', qid, 0x8180, 1, 1, 0, 0)
    sock.sendto(head + question + rr, peer)


def stop(signum, frame):
    sys.stderr.write('dnsstub: %d queries\n' % count)
    sys.stderr.flush()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(('127.0.0.1', 53))
open(ready, 'w').close()
while True:
    packet, peer = sock.recvfrom(4096)
    threading.Thread(target=answer, args=(sock, packet, peer),
                     daemon=True).start()
