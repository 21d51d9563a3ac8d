#!/usr/bin/python3
"""Validate a stream of dstatk -j reports against schemas/dstatk-json.schema.json.

Usage: validate.py SCHEMA < stream. Reads every JSON text of the stream
(reports are concatenated JSON texts), validates arrays against the schema
with Debian's python3-jsonschema (exact big integers), and checks the rules
a JSON Schema cannot express. Prints one line per problem; exit 1 if any.
"""
import json
import sys

import jsonschema


def texts(stream):
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(stream) and stream[i] in " \t\r\n":
            i += 1
        if i == len(stream):
            return
        obj, i = dec.raw_decode(stream, i)
        yield obj


def semantic(ks):
    errs = []
    key = "%s:%s:%s" % (ks["module"], ks["instance"], ks["name"])
    data, meta = ks["data"], ks.get("meta", {})
    if set(data) != set(meta):
        errs.append("%s: meta keys differ from data keys" % key)
    for name, m in meta.items():
        v = data.get(name)
        if m["type"] == "string" and not isinstance(v, str):
            errs.append("%s:%s: string type, value %r" % (key, name, v))
        if m["type"] in ("int32", "uint32", "int64", "uint64") and (
                not isinstance(v, int) or isinstance(v, bool)):
            errs.append("%s:%s: integer type, value %r" % (key, name, v))
        if m["type"] == "uint64" and isinstance(v, int) and not 0 <= v < 2**64:
            errs.append("%s:%s: out of uint64 range" % (key, name))
    for f in ("crtime", "snaptime"):
        if f not in data:
            errs.append("%s: data lacks %s" % (key, f))
    ns = ks.get("snaptime_ns")
    if ns is not None and data.get("snaptime") is not None:
        want = "0" if ns == 0 else "%d.%09d" % (ns // 10**9, ns % 10**9)
        if abs(float(want) - data["snaptime"]) > 1e-6:
            errs.append("%s: snaptime %r is not snaptime_ns %d" % (key, data["snaptime"], ns))
    return errs


def main():
    schema = json.load(open(sys.argv[1]))
    validator = jsonschema.Draft7Validator(schema)
    jsonschema.Draft7Validator.check_schema(schema)
    errors, reports, kstats = [], 0, 0
    for doc in texts(sys.stdin.read()):
        if not isinstance(doc, list):
            continue  # a -T timestamp text
        reports += 1
        for e in validator.iter_errors(doc):
            errors.append("schema: %s at %s" % (e.message, list(e.absolute_path)))
        for ks in doc:
            kstats += 1
            if isinstance(ks, dict) and "data" in ks:
                errors.extend(semantic(ks))
    for e in errors[:50]:
        print(e)
    if reports == 0:
        print("no report in the stream")
        return 1
    print("valid: %d report(s), %d kstat(s), %d problem(s)" % (reports, kstats, len(errors)))
    return 1 if errors else 0


sys.exit(main())
