"""write_atomic: the old content or the new, never half of either, and nothing left behind."""

from __future__ import annotations

import os

import pytest
from privlint import fileio
from privlint.fileio import write_atomic


def leftovers(directory):
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".tmp"))


def test_writes_a_new_file_with_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        written = write_atomic(tmp_path / "baseline.json", "{}\n")
    finally:
        os.umask(umask)
    assert written == tmp_path / "baseline.json"
    assert written.read_bytes() == b"{}\n"
    assert written.stat().st_mode & 0o777 == 0o644
    assert leftovers(tmp_path) == []


def test_replaces_a_file_and_keeps_its_permissions_and_line_endings(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "new\r\nlines\n")
    assert target.read_bytes() == b"new\r\nlines\n"
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, step):
    target = tmp_path / "baseline.json"
    target.write_text('{"old": true}\n', encoding="utf-8")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, step, interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, '{"new": true}\n' * 1000)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert leftovers(tmp_path) == []


def test_without_overwrite_an_existing_file_is_left_alone(tmp_path):
    target = tmp_path / "statement.privacy.yaml"
    target.write_text("privlint: 1\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(target, "something else\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "privlint: 1\n"
    assert leftovers(tmp_path) == []
    write_atomic(tmp_path / "new.privacy.yaml", "privlint: 1\n", overwrite=False)
    assert (tmp_path / "new.privacy.yaml").read_text(encoding="utf-8") == "privlint: 1\n"
    assert leftovers(tmp_path) == []


def test_without_hard_links_overwrite_false_still_refuses_an_existing_file(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(fileio.os, "link", no_links)
    (tmp_path / "taken.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(tmp_path / "taken.txt", "theirs\n", overwrite=False)
    write_atomic(tmp_path / "free.txt", "ours\n", overwrite=False)
    assert (tmp_path / "taken.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "free.txt").read_text(encoding="utf-8") == "ours\n"
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_is_written_through(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "baseline.json"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_a_missing_directory_is_an_error_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "baseline.json", "{}\n")
    assert list(tmp_path.iterdir()) == []
