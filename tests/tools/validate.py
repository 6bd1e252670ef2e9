#!/usr/bin/env python3
"""validate.py SCHEMA.json FILE.yaml...: checks each YAML file against the JSON Schema with
Debian's python3-jsonschema; prints one line per file that fails and exits 1 if any does.
YAML is read as mkbrief reads it: dates stay text (PyYAML would make them date objects)."""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# mkbrief reads 2018-01-22 as the text it is; drop PyYAML's timestamp type
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:3]:
            where = "/".join(str(p) for p in e.path)
            print(f"{path}: {where}: {e.message[:200]}")
        bad += bool(errors)
    sys.exit(1 if bad else 0)


main()
