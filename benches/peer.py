"""The peer lettrine is measured against: Typst itself, through its Python
binding (PyPI `typst`, 0.15), compiling styles/classic.typ to PDF from the
same Letter JSON lettrine typesets, in-process, one compiler per core.

    python3 benches/peer.py LETTERS_DIR [JOBS]

LETTERS_DIR holds one Letter per file (`lettrine build TABLE --out DIR
--name '{row}.json'`). Each worker keeps one `typst.Compiler` over a folder
of its own holding the style, the images and `letter.json`, rewritten for
each letter (Typst re-reads a file whose content changed, as `typst watch`
does). Prints letters per second over all workers and the median time per
letter. Only Typst's own work is timed: no case is read or checked, no
message formatted.
"""

import json
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def worker(args):
    index, files = args
    import typst

    folder = tempfile.mkdtemp(prefix=f"lettrine-peer-{index}-")
    shutil.copy(os.path.join(ROOT, "styles", "classic.typ"), folder)
    for name in ("atelier-lumiere.svg", "camille-martin.svg"):
        source = os.path.join(ROOT, "senders", name)
        target = "letter-logo.svg" if name.startswith("atelier") else "letter-signature.svg"
        shutil.copy(source, os.path.join(folder, target))
    compiler = typst.Compiler(
        os.path.join(folder, "classic.typ"),
        root=folder,
        font_paths=[os.path.join(ROOT, "fonts")],
        ignore_system_fonts=True,
    )
    times = []
    size = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        start = time.perf_counter()
        with open(os.path.join(folder, "letter.json"), "wb") as f:
            f.write(data)
        pdf = compiler.compile(format="pdf")
        times.append(time.perf_counter() - start)
        size += len(pdf)
    shutil.rmtree(folder, ignore_errors=True)
    return times, size


def main():
    letters = sys.argv[1]
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count()
    files = sorted(
        os.path.join(letters, f) for f in os.listdir(letters) if f.endswith(".json")
    )
    if not files:
        sys.exit(f"no .json letters in {letters}")
    # Check that the letters are Letters.
    with open(files[0]) as f:
        assert "layout" in json.load(f), "not a Letter"
    shares = [(i, files[i::jobs]) for i in range(jobs)]
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        results = pool.map(worker, shares)
    wall = time.perf_counter() - start
    times = [t for r in results for t in r[0]]
    size = sum(r[1] for r in results)
    # The first letter of each worker loads fonts and parses the style.
    steady = sorted(t for r in results for t in r[0][1:])
    print(
        f"typst-py {len(files)} letters  {wall:6.2f} s  {len(files) / wall:6.0f} letters/s"
        f"  median {statistics.median(steady) * 1000:.1f} ms/letter  ({jobs} compilers,"
        f" {size // len(times)} bytes per PDF)"
    )


if __name__ == "__main__":
    main()
