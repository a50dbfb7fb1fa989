"""Glob matching: privlint's compiled gitignore lists against pathspec, on hostile and on many patterns.

    python benchmarks/globs.py

Prints, for each hostile pattern, the time to match one path at two lengths and the
growth ratio (about 2 when doubling the length is linear), then the time to compile
and match thousands of patterns against thousands of paths. pathspec (the test
oracle, ``pip install pathspec``) is timed on the hostile patterns at lengths where
it still finishes, with a time-out per match.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from privlint.read.globs import PatternList

HOSTILE = [
    ("*a*a*a*a*a*a*a*a*b", lambda n: "a" * n, (20, 30), (2000, 4000)),
    ("**/a/**/a/**/a/**/a/**/b", lambda n: "a/" * (n // 2) + "c", (40, 80), (4000, 8000)),
    ("**/**/**/**/**/**/a", lambda n: "x/" * (n // 2) + "b", (40, 80), (4000, 8000)),
    ("a*/**/a*/**/a*/**/c", lambda n: "aa/" * (n // 3) + "b", (60, 120), (4000, 8000)),
]


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _pathspec_match(pattern: str, path: str) -> None:
    import pathspec

    pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path)


def pathspec_time(pattern: str, path: str, limit: float = 20.0) -> str:
    process = multiprocessing.Process(target=_pathspec_match, args=(pattern, path))
    start = time.perf_counter()
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        process.join()
        return f"> {limit:.0f} s"
    return f"{time.perf_counter() - start:.3f} s (incl. process start)"


def main() -> None:
    print("hostile patterns: seconds for one path; ratio = time(2n) / time(n)")
    for pattern, path_of, small, large in HOSTILE:
        compiled = PatternList([pattern])
        times = [min(timed(compiled.decides, path_of(n)) for _ in range(5)) for n in large]
        print(f"  {pattern:28} privlint n={large[0]}: {times[0]:.6f}  n={large[1]}: {times[1]:.6f}  ratio {times[1] / max(times[0], 1e-9):.1f}")
        try:
            import pathspec  # noqa: F401
        except ImportError:
            continue
        print(f"  {'':28} pathspec n={small[0]}: {pathspec_time(pattern, path_of(small[0]))}  n={small[1]}: {pathspec_time(pattern, path_of(small[1]))}")

    rng = random.Random(1)
    words = ["legal", "nl", "be", "drafts", "old", "statements", "archive", "team", "product", "web"]
    for patterns_count, files_count in ((1000, 1000), (5000, 5000)):
        patterns = []
        for index in range(patterns_count):
            kind = index % 4
            word = rng.choice(words)
            patterns.append(
                [f"{word}{index}/", f"**/{word}/*{index}.privacy.yaml", f"!{word}/keep{index}*", f"/{word}/**/x{index}?"][kind]
            )
        paths = [
            "/".join(rng.choice(words) for _ in range(rng.randint(1, 6))) + f"/m{index}.privacy.yaml"
            for index in range(files_count)
        ]
        start = time.perf_counter()
        compiled = PatternList(patterns)
        compiled_in = time.perf_counter() - start
        start = time.perf_counter()
        matched = sum(compiled.matches(path) for path in paths)
        print(
            f"{patterns_count} patterns x {files_count} paths: compile {compiled_in:.3f} s, "
            f"match (each path and its directories) {time.perf_counter() - start:.3f} s, {matched} matched"
        )
    # The slowest kind: patterns with no literal first name, tail or plain name to be looked up by
    # (such as **/x12*), all tried in one expression for every path.
    patterns = [f"**/x{index}*" for index in range(10000)]
    paths = [f"a/b/c/m{index}.privacy.yaml" for index in range(1000)]
    start = time.perf_counter()
    compiled = PatternList(patterns)
    compiled_in = time.perf_counter() - start
    start = time.perf_counter()
    matched = sum(compiled.matches(path) for path in paths)
    print(
        f"10000 unindexed patterns (**/xN*) x 1000 paths: compile {compiled_in:.3f} s, "
        f"match (each path and its directories) {time.perf_counter() - start:.3f} s, {matched} matched"
    )


if __name__ == "__main__":
    main()
