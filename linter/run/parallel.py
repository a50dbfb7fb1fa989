"""Linting many files in several processes, with the results in the order of the files.

Python runs one thread of Python code at a time, so using more than one core
takes processes. A process costs a few milliseconds to start (it is forked
from this one on Linux, with every module already imported), which pays off
from about eight files per process on (measured on two cores): below that,
and with ``jobs=1``, everything runs here. Workers take files in small
batches and send back each file's findings; no worker holds more than one
manifest at a time, and the results come back in the order of the files, so
the output is the same whatever the number of processes. Batches are handed
out a few at a time ahead of the report, so that results cannot pile up
while the report is slower than the workers.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

MIN_FILES_PER_PROCESS = 8  # fewer files per process than this, and starting it costs more than it saves
BATCH = 4  # at most this many files a worker takes at a time (few: the workers finish close together)
IN_FLIGHT = 8  # batches per worker handed out ahead of the report: results wait for a slower report in bounded numbers


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def process_count(files: int, jobs: int = 0) -> int:
    """How many processes to use: ``jobs`` if given (0: as many as pay off, up to the cores)."""
    wanted = jobs if jobs > 0 else min(available_cores(), files // MIN_FILES_PER_PROCESS)
    return max(1, min(wanted, files))


def lint_files(linter: Any, targets: Sequence[Any], jobs: int = 0) -> Iterator[Any]:
    """Each target's FileResult, in order: the cache's where it holds one, the others linted.

    The cache is read here, so that processes are started only for the files it
    does not know (none on a re-run over unchanged files).
    """
    known = linter.cached_results(targets)
    linted = _linted(linter, [target for target, result in zip(targets, known) if result is None], jobs)
    for result in known:
        yield result if result is not None else next(linted)


def _linted(linter: Any, targets: Sequence[Any], jobs: int) -> Iterator[Any]:
    if not targets:
        return
    # The YAML parser and the models: loaded once, here, rather than in every worker.
    import privlint.parse.loader  # noqa: F401
    from privlint.model.validation import build_models

    processes = process_count(len(targets), jobs)
    if processes == 1:
        for target in targets:
            yield linter.lint_file(target)
        return
    build_models()  # built on first use otherwise, in every worker
    yield from _in_processes(linter, targets, processes)


def _in_processes(linter: Any, targets: Sequence[Any], processes: int) -> Iterator[Any]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from privlint.run.linter import FileResult

    # fork: workers start with everything imported. Elsewhere (macOS, Windows) fork is unsafe or absent.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(
        processes, mp_context=multiprocessing.get_context(method), initializer=_start_worker, initargs=(linter,)
    )
    batch = max(1, min(BATCH, len(targets) // (processes * 4)))  # small batches for few files: all workers busy
    batches = [targets[start : start + batch] for start in range(0, len(targets), batch)]
    waiting: deque[Future[list[Any]]] = deque()  # in the order of the files
    handed_out = done = 0
    try:
        while handed_out < len(batches) or waiting:
            while handed_out < len(batches) and len(waiting) < processes * IN_FLIGHT:
                waiting.append(pool.submit(_lint, batches[handed_out]))
                handed_out += 1
            for record in waiting.popleft().result():
                yield FileResult.from_record(record)
                done += 1
    except BrokenProcessPool:  # a worker died (killed, out of memory): finish here
        for target in targets[done:]:
            yield linter.lint_file(target)
    finally:  # also on Ctrl-C: batches not started are dropped, not waited for
        pool.shutdown(wait=True, cancel_futures=True)


_linter: Any = None


def _start_worker(linter: Any) -> None:
    global _linter
    _linter = linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process, which stops the workers


def _lint(targets: Sequence[Any]) -> list[Any]:
    return [_linter.lint_file(target).to_record() for target in targets]  # plain values unpickle five times as fast as findings
