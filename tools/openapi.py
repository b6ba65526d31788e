"""Load and save the served OpenAPI document (Sources/XieshangServer/Resources/openapi.json)
keeping its exact formatting (2-space indent, Chinese as is), for scripted edits:

    from tools.openapi import load, save   (or: sys.path.insert(0, "tools"); import openapi)
    d = load(); ...; save(d)
"""
import collections
import json
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "Sources/XieshangServer/Resources/openapi.json"


def load() -> dict:
    return json.loads(PATH.read_text(), object_pairs_hook=collections.OrderedDict)


def save(d: dict) -> None:
    PATH.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
