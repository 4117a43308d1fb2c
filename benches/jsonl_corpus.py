#!/usr/bin/env python3
"""The generated corpus as JSON Lines, for the streaming benches
(benches/jsonl_stream.sh, benches/spark_pipe.py): gen_corpus.py's articles
(../shared/tools/gen_corpus.py, or $SAIDSO_GEN_CORPUS), one record a line:
{"id", "title", "text", "url"}, the id being the file's name without .txt.

Usage: benches/jsonl_corpus.py [OUT.jsonl] [--articles N]
Default: /tmp/saidso-jsonl/articles-20000.jsonl (about 97 MB), made once;
the articles themselves go to a directory beside it. Prints the path.
Generated data: never commit it.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.environ.get(
    "SAIDSO_GEN_CORPUS", os.path.join(HERE, "..", "..", "shared", "tools", "gen_corpus.py")
)


def make(out, articles):
    """Write `out` (unless it is there) from `articles` generated articles."""
    if os.path.exists(out):
        return out
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    txt = os.path.splitext(out)[0] + "-txt"
    if not os.path.isdir(txt):
        subprocess.run([sys.executable, GEN, txt, "--articles", str(articles)], check=True)
    part = out + ".part"
    with open(part, "w", encoding="utf-8") as w:
        for name in sorted(os.listdir(txt)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(txt, name), encoding="utf-8") as f:
                title, _, body = f.read().partition("\n\n")
            stem = name[: -len(".txt")]
            record = {
                "id": stem,
                "title": title,
                "text": body,
                "url": f"https://news.example/{stem}",
            }
            w.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(part, out)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", nargs="?", default="/tmp/saidso-jsonl/articles-20000.jsonl")
    p.add_argument("--articles", type=int, default=20000)
    a = p.parse_args()
    print(make(a.out, a.articles))


if __name__ == "__main__":
    main()
