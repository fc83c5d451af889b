#!/usr/bin/env python3
"""Regenerates the fuzz targets' seed corpora and dictionaries from the
test suites (a maintainer's tool: the results are checked in).

  python3 tests/fuzz/mkseeds.py BUILDDIR

reads tests/integration/cases/*.t (command lines and the restore files
their cases write), tests/integration/xml-cases/*.rules and
tests/nft/corpus.txt (through BUILDDIR/tests/nft/codec_dump nlmsg), and
writes tests/fuzz/corpus/<target>/ and tests/fuzz/dict/<target>.dict.
The checked-in corpora are these seeds minimised by coverage: for each
corpus, in a build configured with CC=clang --enable-fuzzing,

  tests/fuzz/fuzz_cli -merge=1 NEWDIR tests/fuzz/corpus/cli4

(FUZZ_FAMILY=6 for the *6 corpora; fuzz_cli and fuzz_restore want
ASAN_OPTIONS=detect_leaks=0), then NEWDIR replaces the corpus.
"""
import glob
import hashlib
import os
import re
import shlex
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(os.path.dirname(here))
build = sys.argv[1] if len(sys.argv) > 1 else top


def write(target, data):
    d = os.path.join(here, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def printf_b(s):
    """The text printf '%b' makes of s."""
    return s.encode().decode('unicode_escape').encode('latin-1')


# command lines and restore files of the differential cases
cli = {4: set(), 6: set()}
restore = {4: set(), 6: set()}
tools = {'iptables': (4, 0), 'ipt': (4, 1), 'iptables-nft': (4, 2),
         'ip6tables': (6, 0), 'ip6t': (6, 1), 'ip6tables-nft': (6, 2)}
for path in sorted(glob.glob(os.path.join(top, 'tests/integration/cases/*.t'))):
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        m = re.match(r"% printf '%b' '(.*)' > (\S+)$", line)
        if m:
            fam = 6 if 'ip6' in path or '6' in m.group(2) else 4
            restore[fam].add(printf_b(m.group(1)))
            continue
        if re.search(r'[|<>;&`$]', line):
            continue
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if not words or words[0] not in tools:
            continue
        fam, sel = tools[words[0]]
        cli[fam].add(bytes([sel]) + '\n'.join(words[1:]).encode())
for path in sorted(glob.glob(os.path.join(top, 'tests/integration/xml-cases/*.rules'))):
    data = open(path, 'rb').read()
    restore[6 if 'ip6' in path else 4].add(data)

for fam in (4, 6):
    for seed in cli[fam]:
        write('cli%d' % fam, seed)
    for data in restore[fam]:
        write('restore%d' % fam, b'\x00' + data)
        write('restore%d' % fam, b'\x21' + data)   # ipt-restore -c
        # each rule line as a restore line for the parser
        for line in data.split(b'\n'):
            if line.startswith(b'-'):
                try:
                    words = shlex.split(line.decode(errors='replace'))
                except ValueError:
                    continue
                write('cli%d' % fam, b'\x03' + '\n'.join(words).encode())
for data in restore[4] | restore[6]:
    intable = False
    for line in data.split(b'\n'):
        write('restore_line', bytes([intable]) + line)
        if line.startswith(b'*'):
            intable = True
        elif line == b'COMMIT':
            intable = False
for path in sorted(glob.glob(os.path.join(top, 'tests/integration/xml-cases/*.rules'))):
    data = open(path, 'rb').read()
    write('xml', b'\x00' + data)
    write('xml', b'\x01' + data)

# the nf_tables codec corpus, encoded by ipt's encoder
dump = os.path.join(build, 'tests/nft/codec_dump')
for line in open(os.path.join(top, 'tests/nft/corpus.txt')):
    words = line.split()
    if not words or words[0].startswith('#'):
        continue
    fam, table, chain, rule = words[0], words[1].split(':')[-1], words[2], words[3:]
    args = ([dump] + (['-6'] if fam == '6' else []) +
            ['nlmsg', '-t', table, '-A', chain] + rule)
    out = subprocess.run(args, capture_output=True, text=True).stdout
    for hexline in out.split():
        if re.fullmatch(r'[0-9a-f]+', hexline):
            write('nft_decode%s' % fam, bytes.fromhex(hexline))

# dictionaries: every option and extension name the cases and the
# extensions' manual use
opts = set()
man = subprocess.run('zcat /usr/share/man/man8/iptables-extensions.8.gz',
                     shell=True, capture_output=True, text=True).stdout
texts = [man] + [open(p, errors='replace').read() for p in
                 glob.glob(os.path.join(top, 'tests/integration/cases/*.t'))]
for text in texts:
    text = text.replace('\\-', '-')
    opts.update(re.findall(r'(?<![\w-])(--?[a-zA-Z][\w-]*)', text))
words = set()
for text in texts[1:]:
    words.update(re.findall(r'(?:-[mjpt]|--match|--jump) (\w[\w-]*)', text))
os.makedirs(os.path.join(here, 'dict'), exist_ok=True)
with open(os.path.join(here, 'dict', 'cli.dict'), 'w') as f:
    for o in sorted(opts | words | {'!', 'INPUT', 'OUTPUT', 'FORWARD',
                                    'PREROUTING', 'POSTROUTING', 'ACCEPT',
                                    'DROP', 'RETURN', '0.0.0.0/0', '::/0'}):
        f.write('"%s"\n' % o.replace('\\', '\\\\').replace('"', '\\"'))
restore_words = ['*filter', '*nat', '*mangle', '*raw', '*security', 'COMMIT',
                 ':INPUT ACCEPT [0:0]', ':chain - [0:0]', '[1:2]', '"', '\\\\',
                 '#', '\\x0a', '-A', '-I', '-D', '-N', '-X', '-P', '-F', '-E']
with open(os.path.join(here, 'dict', 'restore.dict'), 'w') as f:
    for w in restore_words:
        f.write('"%s"\n' % w.replace('"', '\\"'))
    for o in sorted(opts):
        f.write('"%s"\n' % o)
with open(os.path.join(here, 'dict', 'xml.dict'), 'w') as f:
    for w in restore_words + ['-m', '-j', '-p', '!', '--comment']:
        f.write('"%s"\n' % w.replace('"', '\\"'))
with open(os.path.join(here, 'dict', 'nft_decode.dict'), 'w') as f:
    for w in ['meta', 'cmp', 'payload', 'immediate', 'bitwise', 'range',
              'counter', 'match', 'target', 'limit', 'log', 'lookup']:
        f.write('"%s\\x00"\n' % w)
