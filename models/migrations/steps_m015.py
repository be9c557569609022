"""Migration m015: what an export records before it publishes its files, so that a crash
between the two is finished by the next export instead of forking a device's batch numbers
or sending people to BPJS twice. Registered in order by `models.migrations`; never edit one
that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database


def m015_record_before_publishing(db: Database) -> None:
    """``batches.file_pending``: an officer's batch recorded by an export whose file is not
    written yet (`models.batches`); every batch before this migration was written with its
    record. ``bpjs_files_to_publish``: the BPJS upload files of an export with
    ``--mark-submitted``, whole, from when they are complete until the registrations in
    them are marked ``submitted`` (`models.export_rows`)."""
    db.executescript(
        """
        ALTER TABLE batches ADD COLUMN file_pending INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE bpjs_files_to_publish (
          position INTEGER PRIMARY KEY,
          file_name TEXT NOT NULL,
          folder TEXT NOT NULL,
          temporary_name TEXT NOT NULL,
          rows INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          content BLOB NOT NULL,
          versions TEXT NOT NULL,
          actor TEXT NOT NULL
        );
        """
    )
