"""models.files: atomic writes that replace a file, or refuse to, and leave no temporary file."""

from __future__ import annotations

import errno
import os

import pytest

from models.files import atomic_file, write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def no_hard_links(*args, **kwargs):
    """What os.link does on a FAT stick under Linux."""
    raise OSError(errno.EPERM, "Operation not permitted")


def test_a_file_is_replaced_whole(tmp_path):
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"old")
    assert write_atomically(target, b"new contents") == target
    assert target.read_bytes() == b"new contents"
    assert os.listdir(tmp_path) == ["list.xlsx"]


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_file(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("the stick was pulled")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["list.xlsx"]


@pytest.mark.parametrize("hard_links", [True, False])
def test_without_replace_a_new_file_is_written(tmp_path, monkeypatch, hard_links):
    if not hard_links:
        monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "signing.ed25519.pem"
    write_atomically(target, b"key", replace=False)
    assert target.read_bytes() == b"key"
    assert os.listdir(tmp_path) == ["signing.ed25519.pem"]


@pytest.mark.parametrize("hard_links", [True, False])
def test_without_replace_an_existing_file_is_left_alone(tmp_path, monkeypatch, hard_links):
    if not hard_links:
        monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "signing.ed25519.pem"
    target.write_bytes(b"the key every batch was made for")
    with pytest.raises(FileExistsError):
        write_atomically(target, b"another key", replace=False)
    assert target.read_bytes() == b"the key every batch was made for"
    assert os.listdir(tmp_path) == ["signing.ed25519.pem"]


@pytest.mark.parametrize("hard_links", [True, False])
def test_without_replace_a_file_that_appears_while_writing_is_left_alone(
    tmp_path, monkeypatch, hard_links
):
    if not hard_links:
        monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "dev-a1-1.jaring"
    with pytest.raises(FileExistsError), atomic_file(target, replace=False) as temporary:
        temporary.write_bytes(b"ours")
        target.write_bytes(b"theirs")  # another program saved the same name meanwhile
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["dev-a1-1.jaring"]


@posix_only
@pytest.mark.parametrize("replace", [True, False])
def test_the_file_has_the_mode_asked_for_from_its_first_byte(tmp_path, replace):
    target = tmp_path / "district.age"
    with atomic_file(target, 0o600, replace=replace) as temporary:
        assert temporary.stat().st_mode & 0o777 == 0o600
        temporary.write_bytes(b"AGE-SECRET-KEY-1")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def umask_022():
    """The usual umask, which leaves new files readable by every local user."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
@pytest.mark.parametrize("replace", [True, False])
def test_a_file_written_without_a_mode_is_the_owners_only_under_umask_022(
    tmp_path, umask_022, replace
):
    target = tmp_path / "registrations.xlsx"
    with atomic_file(target, replace=replace) as temporary:
        assert temporary.stat().st_mode & 0o777 == 0o600  # from its first byte
        temporary.write_bytes(b"NIK 6208014507900001")
    assert target.stat().st_mode & 0o777 == 0o600
    write_atomically(tmp_path / "receipt.json", b"{}")
    assert (tmp_path / "receipt.json").stat().st_mode & 0o777 == 0o600


@posix_only
def test_the_mode_asked_for_is_exact_whatever_the_umask(tmp_path):
    old = os.umask(0o277)  # would leave the owner unable to write the temporary file
    try:
        write_atomically(tmp_path / "list.xlsx", b"rows")
    finally:
        os.umask(old)
    assert (tmp_path / "list.xlsx").stat().st_mode & 0o777 == 0o600


@posix_only
def test_folders_and_files_made_owner_only(tmp_path, umask_022):
    from models.files import private_folder, restrict_to_owner

    data = private_folder(tmp_path / "Jaring" / "data")
    assert data.stat().st_mode & 0o777 == 0o700
    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    assert private_folder(old).stat().st_mode & 0o777 == 0o700
    database = tmp_path / "jaring.db"
    database.write_bytes(b"SQLite")
    assert database.stat().st_mode & 0o777 == 0o644
    restrict_to_owner(database)
    restrict_to_owner(tmp_path / "jaring.db-wal")  # not there: nothing happens
    assert database.stat().st_mode & 0o777 == 0o600
    old.chmod(0o755)
    restrict_to_owner(old)
    assert old.stat().st_mode & 0o777 == 0o700


@posix_only
def test_a_new_file_is_created_owner_only_and_never_over_another(tmp_path, umask_022):
    from models.files import create_exclusively

    with create_exclusively(tmp_path / "bpjs.xlsx.tmp") as stream:
        stream.write(b"PK")
    assert (tmp_path / "bpjs.xlsx.tmp").stat().st_mode & 0o777 == 0o600
    with pytest.raises(FileExistsError):
        create_exclusively(tmp_path / "bpjs.xlsx.tmp")
    assert (tmp_path / "bpjs.xlsx.tmp").read_bytes() == b"PK"
