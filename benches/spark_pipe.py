#!/usr/bin/env python3
"""saidso as the map step of Apache Spark, in local mode: the README's
example run on the generated ~100 MB JSON Lines corpus, checked against
`saidso quotes --jsonl` on one machine. Not part of CI.

  pip install pyspark          # and a Java 17+ runtime
  cargo build --release
  python3 benches/spark_pipe.py [--corpus FILE] [--partitions N] [--bin PATH]

What it does: ships the binary to the workers with `addFile` (as
`spark-submit --files` would), pipes `sc.textFile(corpus)` through
`saidso quotes --jsonl`, joins the results back to the input records by
id, and compares the set of lines with a single run of the same binary on
the same file, by id (the `path` field is left out: in Spark each
partition is its own standard input, so a record's number differs).
Exits 1 when they differ.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import jsonl_corpus  # noqa: E402


def by_id(lines):
    """{id: the line without its per-input `path`}; the ids are unique."""
    out = {}
    for line in lines:
        r = json.loads(line)
        r.pop("path")
        assert r["id"] not in out, f"id {r['id']} twice"
        out[r["id"]] = r
    return out


def single_machine(binary, corpus):
    t = time.monotonic()
    run = subprocess.run(
        [binary, "quotes", "--jsonl", corpus], check=True, stdout=subprocess.PIPE
    )
    lines = run.stdout.decode("utf-8").splitlines()
    return lines, time.monotonic() - t


def spark(binary, corpus, partitions, threads):
    from pyspark import SparkContext, SparkFiles

    sc = SparkContext("local[2]", "saidso-pipe")
    sc.setLogLevel("WARN")
    try:
        # On a cluster: spark-submit --files target/release/saidso, or
        # saidso installed on every worker. pipe() runs the command with
        # an empty environment (no PATH): name it by its full path.
        sc.addFile(binary)
        command = SparkFiles.get(os.path.basename(binary)) + " quotes --jsonl"
        t = time.monotonic()
        articles = sc.textFile(corpus, minPartitions=partitions)
        # checkCode: a skipped line (status 1) fails the task; stderr,
        # naming the line, goes to the executor's log. RAYON_NUM_THREADS:
        # each task's saidso on that many cores (Spark runs one task a core).
        env = {"RAYON_NUM_THREADS": str(threads)} if threads else None
        results = articles.pipe(command, env=env, checkCode=True)
        out = tempfile.mkdtemp(prefix="saidso-spark-")
        shutil.rmtree(out)
        results.saveAsTextFile(out)
        elapsed = time.monotonic() - t
        # Joined back to the input by id: each input record beside its
        # quotations (the url, echoed too, must be the record's own).
        inputs = articles.map(json.loads).map(lambda r: (r["id"], r["url"]))
        found = results.map(json.loads).map(lambda r: (r["id"], (r["url"], r["quotes"])))
        joined = inputs.join(found)
        join_count = joined.count()
        urls_agree = joined.filter(lambda kv: kv[1][0] != kv[1][1][0]).isEmpty()
        parts = articles.getNumPartitions()
    finally:
        sc.stop()
    lines = []
    for name in sorted(os.listdir(out)):
        if name.startswith("part-"):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                lines.extend(f.read().splitlines())
    shutil.rmtree(out)
    return lines, elapsed, join_count, urls_agree, parts


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", help="JSON Lines with an id per record (default: generated)")
    p.add_argument("--partitions", type=int, default=8)
    p.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for each saidso (default: all cores)")
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "target"))
    p.add_argument("--bin", default=os.path.join(target, "release", "saidso"))
    a = p.parse_args()
    corpus = os.path.abspath(a.corpus or jsonl_corpus.make(
        "/tmp/saidso-jsonl/articles-20000.jsonl", 20000))
    binary = os.path.abspath(a.bin)
    mb = os.path.getsize(corpus) / 1e6

    one, one_secs = single_machine(binary, corpus)
    print(f"single machine: {len(one)} lines in {one_secs:.2f} s ({mb / one_secs:.1f} MB/s)")
    lines, secs, joined, urls_agree, parts = spark(binary, corpus, a.partitions, a.threads)
    print(f"spark local[2], {parts} partitions, threads {a.threads or 'all'}: "
          f"{len(lines)} lines in {secs:.2f} s "
          f"({mb / secs:.1f} MB/s)")
    print(f"joined back by id: {joined} of {len(one)} input records; urls agree: {urls_agree}")

    a_set, b_set = by_id(one), by_id(lines)
    missing = a_set.keys() - b_set.keys()
    extra = b_set.keys() - a_set.keys()
    differ = [i for i in a_set.keys() & b_set.keys() if a_set[i] != b_set[i]]
    if missing or extra or differ or joined != len(one) or not urls_agree:
        print(f"DIFFERENT: {len(missing)} missing, {len(extra)} extra, {len(differ)} differ "
              f"(first: {sorted(missing)[:3]} {sorted(extra)[:3]} {sorted(differ)[:3]})")
        sys.exit(1)
    quotes = sum(len(r["quotes"]) for r in a_set.values())
    print(f"same set of lines by id: {len(a_set)} articles, {quotes} quotations")


if __name__ == "__main__":
    main()
