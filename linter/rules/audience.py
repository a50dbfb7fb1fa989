"""Whose data a statement's purposes process, and who its words are addressed to.

Groups of people are compared by the words the manifest uses for them (``purposes[].data_subjects``,
``statement.addressed_to.groups``, ``rights.addressed_to.groups``), ignoring case and spacing: the
manifest's writer names each group the same way wherever it appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privlint.rules.quotes import quote

if TYPE_CHECKING:
    from privlint.model.manifest import Audience, Manifest

LISTED_GROUPS = 3  # how many groups a message names before "and N more"
LISTED_SOURCES = 2  # how many purposes a message names for one group


def group_key(group: str) -> str:
    """A group of people as compared across the manifest: case and spacing do not count."""
    return " ".join(group.casefold().split())


class Group:
    """A group of people the manifest names, and where it names them (purposes, or the statement's scope)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sources: list[str] = []

    def describe(self) -> str:
        """ "aanvragers (purposes 'a' and 'b')": the group with where it comes from."""
        shown = self.sources[:LISTED_SOURCES]
        rest = len(self.sources) - len(shown)
        where = " and ".join(shown) if not rest else f"{', '.join(shown)} and {rest} more"
        return f"{self.name} ({where})"


def processed_groups(manifest: Manifest, scope: Audience | None = None) -> list[Group]:
    """The groups of people whose data the purposes process, in the order the manifest first names them,
    with the groups of ``scope`` (the statement's own audience) after them where it names others."""
    groups: dict[str, Group] = {}
    for purpose in manifest.purposes:
        for name in purpose.data_subjects:
            group = groups.setdefault(group_key(name), Group(str(name)))
            label = f"purpose {purpose.label}"
            if label not in group.sources:
                group.sources.append(label)
    if scope is not None:
        for name in scope.groups:
            group = groups.setdefault(group_key(name), Group(str(name)))
            if not group.sources:  # named by no purpose: the scope is where it comes from
                group.sources.append("the statement's scope")
    return list(groups.values())


def left_out(audience: Audience, groups: list[Group]) -> list[Group]:
    """The groups ``audience`` does not cover."""
    covered = {group_key(name) for name in audience.groups}
    return [group for group in groups if group_key(group.name) not in covered]


def listed(groups: list[Group]) -> str:
    """The groups with their sources, the first few and a count of the rest."""
    shown = [group.describe() for group in groups[:LISTED_GROUPS]]
    rest = len(groups) - len(shown)
    if rest:
        return f"{', '.join(shown)} and {rest} more {'group' if rest == 1 else 'groups'}"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def named(audience: Audience) -> str:
    """The audience as a message names it: the statement's words where given, else its groups."""
    if audience.text is not None:
        return quote(audience.text)
    names = [str(name) for name in audience.groups]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
