"""The performance benchmark: prints figures and a verdict against the targets (not a test).

    python benchmarks/run.py [--repeat 5] [--corpus benchmarks/.corpus] [--skip-peer] [--skip-20000]

Each round runs every measurement once, in the same order, so that the
programs alternate and a slow moment of the machine spreads over all of them;
the figures are medians over the rounds. "Cold" runs start with an empty cache
directory; the warm run reuses the cache the cold 2,000-file run of the same
round wrote. Peak memory is the largest sum, over privlint and its worker
processes, of their proportional set size (PSS: shared pages counted once),
sampled every 50 ms during the 2,000-file run, and during one run over 20,000
files (hard links to the 2,000) in each of the text, GitHub, JSON and SARIF
formats after the rounds (a few minutes each; --skip-20000 leaves them out).

The cases beside the plain corpus: the 200 files with suppression comments
against the same files without (a few of them broken YAML in both); one
manifest of just under 5 MiB; one seed file against ``python -c "import
pydantic"`` in the same round (what a pre-commit hook costs against the least
a pydantic program costs).

Before the measured rounds, every command runs once unmeasured, and bytecode
is cached (PYTHONDONTWRITEBYTECODE is dropped from the environment): figures
are for an installed package, whose .pyc files exist, on files the operating
system has read before. The load average before and after is printed, because
other work on the machine slows every figure; CPU seconds are printed beside
wall time for the same reason. The corpus is written by generate_corpus.py when
it is missing.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schemas" / "privacy-statement.schema.json"
SEED_FILE = ROOT / "seeds" / "odido.privacy.yaml"


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system, of the process and the workers it waited for
    exit_code: int
    output: bytes
    peak_bytes: int = 0


@dataclass
class Measurement:
    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def spread(self) -> str:
        times = sorted(run.seconds for run in self.runs)
        return f"{times[0]:.3f}-{times[-1]:.3f}"


def environment(**extra: str) -> dict[str, str]:
    """The environment of every measured command: bytecode is cached, as in an installed package."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def run(command: list[str], env: dict[str, str] | None = None, sample_memory: bool = False, keep_output: bool = True) -> Run:
    """One run of ``command``: its time, CPU, exit code, output (unless not kept: a report of 20,000 files is large)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        stdout = out if keep_output else subprocess.DEVNULL
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env or environment(), cwd=ROOT)
        sampler = _MemorySampler(process.pid) if sample_memory else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stop()
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu, process.returncode, out.read(), sampler.peak if sampler else 0)


class _MemorySampler(threading.Thread):
    """The largest total PSS of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(self.pid)))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, ()))
    return found


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


TARGETS = {  # what, limit, unit
    "cold 200 / check-jsonschema 200": (0.15, "x"),
    "cold 2,000 / cold 200": (11, "x"),
    "warm 2,000 / cold 2,000": (0.1, "x"),
    "privlint --version": (80, " ms"),
    "one seed file": (250, " ms"),
    "one seed file / import pydantic": (2.5, "x"),
    "200 with comments / without": (1.2, "x"),
    "one 5 MiB manifest": (10, " s"),
    "peak memory, 2,000 files": (150, " MB"),
    **{f"peak memory, 20,000 files, {name}": (150, " MB") for name in ("text", "github", "json", "sarif")},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds; figures are medians (default 5)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / ".corpus")
    parser.add_argument("--skip-peer", action="store_true", help="do not run check-jsonschema")
    parser.add_argument("--skip-20000", action="store_true", help="do not measure memory over 20,000 files")
    args = parser.parse_args(argv)

    corpus = {name: args.corpus / name for name in ("200", "2000", "200-commented", "200-invalid", "20000", "large")}
    if not all(directory.is_dir() for directory in corpus.values()):
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), "--out", str(args.corpus), "--variants"], check=True)
    small, large = corpus["200"], corpus["2000"]
    small_files = sorted(str(path) for path in small.glob("*.privacy.yaml"))
    privlint = str(BIN / "privlint")
    peer = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if peer is None and not args.skip_peer:
        print("check-jsonschema is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    scratch = Path(tempfile.mkdtemp(prefix="privlint-bench-"))

    def with_cache(name: str) -> dict[str, str]:
        return environment(PRIVLINT_CACHE_DIR=str(scratch / name))

    def fresh(name: str) -> dict[str, str]:
        shutil.rmtree(scratch / name, ignore_errors=True)
        return with_cache(name)

    plan: list[tuple[str, Callable[[], Run]]] = [
        ("privlint cold, 200 files", lambda: run([privlint, str(small)], fresh("small"))),
        ("check-jsonschema, 200 files", lambda: run([peer, "--schemafile", str(SCHEMA), *small_files])),
        ("privlint cold, 2,000 files", lambda: run([privlint, str(large)], fresh("large"), sample_memory=True)),
        ("privlint warm, 2,000 files", lambda: run([privlint, str(large)], with_cache("large"))),
        ("privlint --version", lambda: run([privlint, "--version"])),
        ("privlint, one seed file", lambda: run([privlint, str(SEED_FILE)], fresh("seed"))),
        ("python -c 'import pydantic'", lambda: run([sys.executable, "-c", "import pydantic"])),
        ("privlint, 200 with comments", lambda: run([privlint, "--no-cache", str(corpus["200-commented"])])),
        ("privlint, the 200 without", lambda: run([privlint, "--no-cache", str(corpus["200-invalid"])])),
        ("privlint, one 5 MiB manifest", lambda: run([privlint, "--no-cache", str(corpus["large"])])),
    ]
    if args.skip_peer:
        plan = [step for step in plan if not step[0].startswith("check-jsonschema")]
    results = {label: Measurement(label) for label, _ in plan}
    for _, step in plan:  # once, unmeasured: bytecode written, files in the page cache
        step()
    load_before = os.getloadavg()
    try:
        for round_number in range(1, args.repeat + 1):
            for label, step in plan:
                outcome = step()
                if outcome.exit_code not in (0, 1):
                    print(f"{label}: exit code {outcome.exit_code}", file=sys.stderr)
                results[label].runs.append(outcome)
            print(f"round {round_number}/{args.repeat} done", file=sys.stderr)
        many: dict[str, Run] = {}
        if not args.skip_20000:
            for name in ("text", "github", "json", "sarif"):
                many[name] = run([privlint, "--no-cache", "--format", name, str(corpus["20000"])], sample_memory=True, keep_output=False)
                print(f"20,000 files as {name} done", file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    load_after = os.getloadavg()
    print(f"Machine: {machine()}")
    print(f"Load average (1 min) before and after: {load_before[0]:.2f}, {load_after[0]:.2f}")
    print(f"Corpus: {len(small_files)} and {len(list(large.glob('*.privacy.yaml')))} manifests of about "
          f"{sum(Path(f).stat().st_size for f in small_files) / len(small_files) / 1024:.0f} KB; "
          f"medians of {args.repeat} alternating rounds")
    print()
    for measurement in results.values():
        print(f"  {measurement.label:<30} {measurement.median:8.3f} s   (range {measurement.spread}; CPU {measurement.cpu:.3f} s)")
    cold_large = results["privlint cold, 2,000 files"]
    peak = statistics.median(run.peak_bytes for run in cold_large.runs) / 2**20
    print(f"  {'peak memory, 2,000 files':<30} {peak:8.1f} MB  (sum of PSS over processes)")
    for name, outcome in many.items():
        print(f"  {'20,000 files, ' + name:<30} {outcome.seconds:8.3f} s   (one run; CPU {outcome.cpu_seconds:.3f} s; "
              f"peak memory {outcome.peak_bytes / 2**20:.1f} MB)")
    warm = results["privlint warm, 2,000 files"]
    identical = all(cold.output == warm_run.output for cold, warm_run in zip(cold_large.runs, warm.runs))
    print(f"  {'warm output = cold output':<30} {'yes' if identical else 'NO'}")
    print()

    cold_small = results["privlint cold, 200 files"].median
    seed = results["privlint, one seed file"].median
    figures: dict[str, float] = {}
    if not args.skip_peer:
        figures["cold 200 / check-jsonschema 200"] = cold_small / results["check-jsonschema, 200 files"].median
    figures.update({
        "cold 2,000 / cold 200": cold_large.median / cold_small,
        "warm 2,000 / cold 2,000": warm.median / cold_large.median,
        "privlint --version": results["privlint --version"].median * 1000,
        "one seed file": seed * 1000,
        "one seed file / import pydantic": seed / results["python -c 'import pydantic'"].median,
        "200 with comments / without": results["privlint, 200 with comments"].median / results["privlint, the 200 without"].median,
        "one 5 MiB manifest": results["privlint, one 5 MiB manifest"].median,
        "peak memory, 2,000 files": peak,
    })
    for name, outcome in many.items():
        figures[f"peak memory, 20,000 files, {name}"] = outcome.peak_bytes / 2**20
    missed = []
    for what, figure in figures.items():
        limit, unit = TARGETS[what]
        met = figure <= limit
        print(f"  {what:<38} {figure:8.3f}{unit:<3}  target <= {limit}{unit}  {'met' if met else 'MISSED'}")
        if not met:
            missed.append(what)
    if not identical:
        missed.append("identical output")
    print()
    total = len(figures) + 1
    if missed:
        print(f"Verdict: {total - len(missed)} of {total} targets met; missed: {', '.join(missed)}.")
    else:
        print(f"Verdict: all {total} targets met.")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
