"""write_atomic: the old content or the new, never half of either, and nothing left behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

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


def test_a_symbolic_link_to_a_file_is_refused_and_its_target_left_alone(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    real = tmp_path / "elsewhere" / "authorized_keys"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)
    with pytest.raises(OSError, match="a symbolic link"):
        write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_dangling_symbolic_link_is_an_error_and_creates_nothing(tmp_path):
    link = tmp_path / "report.json"
    link.symlink_to(tmp_path / "elsewhere" / "cron-job")
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(FileNotFoundError, match="a symbolic link to a file that does not exist"):
        write_atomic(link, "new\n")
    with pytest.raises(FileExistsError):  # init's way: left alone
        write_atomic(link, "new\n", overwrite=False)
    assert list((tmp_path / "elsewhere").iterdir()) == [] and leftovers(tmp_path) == []


def test_a_directory_is_an_error(tmp_path):
    (tmp_path / "report.json").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path / "report.json", "new\n")
    assert leftovers(tmp_path) == []


def test_a_named_pipe_is_written_into_never_replaced(tmp_path):
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="a named pipe that nothing reads"):  # no reader: an error, not a hang
        write_atomic(pipe, "nobody listens\n")
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(pipe, "findings\n")
        assert os.read(reader, 100) == b"findings\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="making a device node takes root")
def test_a_device_is_written_into_never_replaced(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null: a regression replaces only this one
    write_atomic(null, "findings\n")
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert leftovers(tmp_path) == []


def test_a_file_behind_dev_stdout_is_appended_to_not_replaced(tmp_path):
    # /proc/self/fd/1 is what /dev/stdout links to; a regression could replace /dev/stdout, never this
    script = "import sys; from privlint.fileio import write_atomic; print('first', flush=True); write_atomic('/proc/self/fd/1', 'second\\n')"
    with (tmp_path / "out.txt").open("wb") as out:
        subprocess.run([sys.executable, "-c", script], stdout=out, check=True)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "first\nsecond\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.txt"]


def test_text_that_cannot_be_encoded_is_written_escaped(tmp_path):
    undecodable = os.fsdecode(b"caf\xe9.privacy.yaml")  # a lone surrogate, as Python reads such a name
    write_atomic(tmp_path / "report.txt", f"{undecodable}: finding\n")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "caf\\udce9.privacy.yaml: finding\n"


def test_a_missing_directory_is_an_error_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "baseline.json", "{}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_a_link_inside_the_working_directory_is_refused(tmp_path, monkeypatch):
    (tmp_path / "outside").mkdir()
    (tmp_path / "checkout").mkdir()
    (tmp_path / "checkout" / "reports").symlink_to(tmp_path / "outside", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "checkout")
    with pytest.raises(OSError, match="reports is a symbolic link; privlint writes nothing through links"):
        write_atomic("reports/privlint.sarif", "{}\n")
    assert list((tmp_path / "outside").iterdir()) == []
    monkeypatch.chdir(tmp_path / "outside")  # named from outside the checkout: the user's own path, links and all
    write_atomic(tmp_path / "checkout" / "reports" / "named-from-elsewhere.txt", "{}\n")
    assert [path.name for path in (tmp_path / "outside").iterdir()] == ["named-from-elsewhere.txt"]
