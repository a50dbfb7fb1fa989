"""ruamel.yaml's C parser (libyaml), and its events as plain tuples for the loader's fast path.

ruamel.yaml.clib's C parser makes each libyaml event into an instance of a
ruamel.yaml event class, and those constructors are chains of Python
``__init__`` calls: they cost more than libyaml's parsing itself. The C module
finds the classes by name among its own globals each time it makes an event,
so while ``tuple_events()`` is open those names stand for functions that make a
tuple instead::

    (kind, start_mark, value, anchor, tag, style)

``kind`` is the event class the parser would have made; ``value`` and ``style``
are a scalar's (else None), ``anchor`` and ``tag`` a node's (else None).

The swap lasts one parse and is undone however the parse ends. It is seen by
every thread, so privlint's own parses take turns (``PARSING``, held by
``tuple_events()`` and by the loader around any parse); but a program that
embeds privlint and parses YAML with ruamel.yaml's C parser in another thread
at that very moment would be handed tuples. (privlint's command line runs no
threads.) ``TUPLE_EVENTS`` is false where the C module is
missing or does not work this way (checked once, on a small document), and the
loader then reads every file with its general builder. ``CParser`` is None
where the C module is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from threading import RLock

from ruamel.yaml import events

__all__ = ["PARSING", "TUPLE_EVENTS", "CParser", "tuple_events"]

try:
    import _ruamel_yaml
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]  # re-exported, not in its __all__
except ImportError:  # no ruamel.yaml.clib (PyPy, or a platform without its wheels)
    _ruamel_yaml = CParser = None

# Each maker takes the arguments the C module passes to the event class of its name.
_MAKERS = {
    "StreamStartEvent": lambda start, end, encoding: (events.StreamStartEvent, start, None, None, None, None),
    "StreamEndEvent": lambda start, end: (events.StreamEndEvent, start, None, None, None, None),
    "DocumentStartEvent": lambda start, end, explicit, version, tags: (events.DocumentStartEvent, start, None, None, None, None),
    "DocumentEndEvent": lambda start, end, explicit: (events.DocumentEndEvent, start, None, None, None, None),
    "AliasEvent": lambda anchor, start, end: (events.AliasEvent, start, None, anchor, None, None),
    "ScalarEvent": lambda anchor, tag, implicit, value, start, end, style: (events.ScalarEvent, start, value, anchor, tag, style),
    "SequenceStartEvent": lambda anchor, tag, implicit, start, end, flow: (events.SequenceStartEvent, start, None, anchor, tag, None),
    "MappingStartEvent": lambda anchor, tag, implicit, start, end, flow: (events.MappingStartEvent, start, None, anchor, tag, None),
    "SequenceEndEvent": lambda start, end: (events.SequenceEndEvent, start, None, None, None, None),
    "MappingEndEvent": lambda start, end: (events.MappingEndEvent, start, None, None, None, None),
}


PARSING = RLock()


@contextmanager
def tuple_events() -> Iterator[None]:
    """While open, ``CParser(text).get_event()`` returns a tuple as above (None after the stream's end)."""
    with PARSING:
        saved = {name: getattr(_ruamel_yaml, name) for name in _MAKERS}
        try:
            for name, maker in _MAKERS.items():
                setattr(_ruamel_yaml, name, maker)
            yield
        finally:
            for name, original in saved.items():
                setattr(_ruamel_yaml, name, original)


def _works() -> bool:
    """Whether the C module makes its events through the names above: try every kind of event once."""
    if _ruamel_yaml is None or any(getattr(_ruamel_yaml, name, None) is None for name in _MAKERS):
        return False
    try:
        with tuple_events():
            parser = CParser("--- {a: &x [b, *x]}\n...\n")
            kinds = []
            while (event := parser.get_event()) is not None:
                kinds.append(event[0] if type(event) is tuple else None)
    except Exception:  # any surprise at all means: do not use it
        return False
    return set(kinds) == {getattr(events, name) for name in _MAKERS}


TUPLE_EVENTS = _works()
