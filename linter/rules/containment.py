"""Containing what a check or a plugin raises: everything but a real Ctrl-C becomes a finding.

A check may raise ``SystemExit``, ``KeyboardInterrupt``, ``GeneratorExit`` or a class of
its own derived from ``BaseException``; none of them may end the run or set its exit
code. Only an interrupt that really came from the terminal stops privlint: the command
line watches for SIGINT (:func:`watch_interrupts`), and a ``KeyboardInterrupt`` raised
while no SIGINT arrived is a plugin's doing, contained like any other error. Without
the watch (privlint used as a library), every ``KeyboardInterrupt`` is taken as real.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

_watching = False
_interrupted = False


def watch_interrupts() -> None:
    """Note each SIGINT before raising KeyboardInterrupt as Python does (main thread only)."""
    global _watching
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return  # ignored, or handled by a program privlint runs in: left alone
    signal.signal(signal.SIGINT, _on_interrupt)
    _watching = True


def _on_interrupt(number: int, frame: FrameType | None) -> None:
    global _interrupted
    _interrupted = True
    signal.default_int_handler(number, frame)


def is_contained(error: BaseException) -> bool:
    """Whether ``error`` is to become a finding rather than end the run."""
    return not isinstance(error, KeyboardInterrupt) or (_watching and not _interrupted)


def describe(error: BaseException) -> str:
    """``Type: message`` for any exception, even one whose ``str()`` raises or lies about its type."""
    try:
        text = str(error)
        if not isinstance(text, str):
            raise TypeError
    except BaseException:  # a hostile __str__ may raise anything
        text = "(its message cannot be shown)"
    name = type(error).__name__
    return f"{name}: {text}" if text else name
