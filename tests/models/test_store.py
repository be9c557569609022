"""Storage: migrations, saving with versions and audit, duplicate NIKs, search, the list's
row ids, bulk inserts, cleaning, settings and autosave."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from models import autosave
from models.audit import verify_chain
from models.db import DatabaseError, open_database, select_rows
from models.migrations import STEPS
from models.record_search import fts_query
from models.registration import Registration
from models.settings import Settings, load_settings, save_settings
from models.sqlite_driver import sqlite
from models.store import DuplicateNik, RecordFilter, RegistrationStore, StaleRegistration
from models.store_queries import LIST_COLUMNS

NIK_SITI = "6208014507900001"
NIK_DEWI = "6208014808850002"


def person(name: str = "Siti Aminah", nik: str = NIK_SITI, **changes) -> Registration:
    values = {
        "nik": nik,
        "full_name": name,
        "birth_place": "Sukamara",
        "birth_date": date(1990, 7, 5),
        "sex": "P",
        "mother_name": "Fatimah",
        "address": "Jl. Tjilik Riwut No. 12",
        "village_code": "62.08.01.2001",
        "occupation": "Petani",
        "target_group": "petani",
        "monthly_income": 1_000_000,
        "consent": True,
    }
    values.update(changes)
    return Registration(**values)


@pytest.fixture
def store(db) -> RegistrationStore:
    return RegistrationStore(db)


def audit_actions(db) -> list[tuple[str, str, int]]:
    return [
        tuple(row)
        for row in db.execute(
            "SELECT action, registration_id, version FROM audit_log ORDER BY seq"
        ).fetchall()
    ]


def raw(db, registration_id: str) -> dict:
    (row,) = select_rows(db, "SELECT * FROM registrations WHERE id = ?", [registration_id])
    return row


# --- opening and migrations -------------------------------------------------------------


def test_migrations_from_an_empty_file_create_every_table(tmp_path):
    path = tmp_path / "new.db"
    assert not path.exists()
    db = open_database(path)
    try:
        tables = set(db.table_names())
        assert {
            "registrations", "registrations_fts", "audit_log", "settings", "autosave",
            "identity", "devices",
        } <= tables  # fmt: skip
        applied = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
        assert applied == [
            "m001_registrations",
            "m002_search",
            "m003_audit_log",
            "m004_settings_and_autosave",
            "m005_identity_and_trust",
            "m006_batches_and_merge",
            "m007_duplicate_lookups",
            "m008_bulk_merge",
            "m009_sync",
            "m010_dashboard",
            "m011_officer_versions",
            "m012_dashboard_days",
            "m013_nik_and_id_search",
            "m014_transport_work_and_previous_kpj",
            "m015_record_before_publishing",
            "m016_programme_year",
            "m018_kpj_card_handover",
        ]
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
    finally:
        db.close()


def test_reopening_applies_nothing_twice_and_keeps_the_data(tmp_path):
    path = tmp_path / "again.db"
    db = open_database(path)
    saved = RegistrationStore(db).save(person(), "budi")
    db.close()
    db = open_database(path)
    try:
        count = db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
        assert count == len(STEPS)
        assert RegistrationStore(db).get(saved.id) == saved
        assert verify_chain(db).ok
    finally:
        db.close()
    db = open_database(path)
    try:
        assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(STEPS)
    finally:
        db.close()


def test_journal_mode_is_wal(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="folder does not exist"):
        open_database(tmp_path / "nowhere" / "jaring.db")


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(DatabaseError, match=r"notes\.db"):
        open_database(path)


# --- saving -------------------------------------------------------------------------------


def test_save_inserts_version_1(store, db):
    saved = store.save(person(), "budi")
    assert saved.version == 1
    assert saved.created_at and saved.updated_at == saved.created_at
    assert saved.created_by == "budi"
    assert store.get(saved.id) == saved
    assert store.count() == 1
    assert audit_actions(db) == [("insert", saved.id, 1)]


def test_stored_registration_reads_back_equal(store):
    reg = person(
        kk="6208010101200001", rt="001", rw="002", phone="081234567890",
        email="siti@example.com", program_jht=True, funding_source="csr",
        csr_company="PT Sawit", contribution_months=6, heir_name="Ahmad",
        heir_relation="suami_istri", heir_phone="081298765432", status="ready",
        kpj="12345678901", warnings_confirmed=["nik.sex_mismatch"], device_id="dev-1",
    )  # fmt: skip
    saved = store.save(reg, "budi")
    assert store.get(saved.id) == saved
    assert dataclasses.replace(saved, version=0, created_at="", updated_at="", created_by="") == reg


def test_update_bumps_the_version_and_keeps_created(store, db):
    first = store.save(person(), "budi")
    second = store.save(first.copy(full_name="Siti Aminah Rahayu"), "ani")
    assert second.version == 2
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert second.created_by == "budi"
    assert second.updated_at >= first.updated_at
    assert store.get(first.id).full_name == "Siti Aminah Rahayu"
    assert store.count() == 1
    assert audit_actions(db) == [("insert", first.id, 1), ("update", first.id, 2)]
    third = store.save(second, "ani")
    assert third.version == 3


def test_saving_an_old_version_is_stale(store, db):
    first = store.save(person(), "budi")
    store.save(first.copy(address="Jl. Baru"), "budi")
    with pytest.raises(StaleRegistration):
        store.save(first.copy(address="Jl. Lama"), "ani")
    kept = store.get(first.id)
    assert (kept.version, kept.address) == (2, "Jl. Baru")
    assert len(audit_actions(db)) == 2


def test_saving_a_new_object_with_an_existing_id_is_stale(store):
    first = store.save(person(), "budi")
    with pytest.raises(StaleRegistration):
        store.save(person(id=first.id), "budi")


def test_drafts_save_even_when_invalid(store):
    empty = store.save(Registration(), "budi")
    assert empty.status == "draft"
    assert store.get(empty.id) == empty
    broken = store.save(Registration(nik="12", phone="abc", birth_date=date(2090, 1, 1)), "budi")
    assert store.get(broken.id).nik == "12"
    assert store.count(RecordFilter(status="draft")) == 2


# --- deleting -----------------------------------------------------------------------------


def test_delete_is_a_tombstone(store, db):
    siti = store.save(person(), "budi")
    store.save(person("Dewi Lestari", NIK_DEWI), "budi")
    assert store.count() == 2
    assert [r["id"] for r in store.search("siti")] == [siti.id]

    deleted = store.delete(siti.id, "ani")

    assert deleted.deleted is True
    assert deleted.version == 2
    assert store.count() == 1
    assert raw(db, siti.id)["deleted"] == 1
    assert store.get(siti.id).deleted is True
    assert db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == 2
    assert store.search("siti") == []
    assert siti.id not in {
        r["id"] for r in store.rows_by_rowid(list(store.list_rowids(RecordFilter()))).values()
    }
    assert audit_actions(db)[-1] == ("delete", siti.id, 2)
    assert db.execute("SELECT actor FROM audit_log ORDER BY seq DESC").fetchone()[0] == "ani"


def test_deleting_twice_changes_nothing_more(store, db):
    siti = store.save(person(), "budi")
    store.delete(siti.id, "ani")
    again = store.delete(siti.id, "ani")
    assert again.version == 2
    assert len(audit_actions(db)) == 2


def test_deleting_an_unknown_id(store):
    with pytest.raises(KeyError):
        store.delete("no-such-id", "ani")


# --- duplicate NIKs -----------------------------------------------------------------------


def test_two_live_ready_records_cannot_share_a_nik(store, db):
    siti = store.save(person(status="ready"), "budi")
    with pytest.raises(DuplicateNik) as caught:
        store.save(person("Siti A.", "6208 0145 0790 0001", status="ready"), "ani")
    assert caught.value.nik == NIK_SITI
    assert [(h.id, h.full_name, h.status) for h in caught.value.holders] == [
        (siti.id, "Siti Aminah", "ready")
    ]
    assert store.count() == 1
    assert audit_actions(db) == [("insert", siti.id, 1)]
    assert verify_chain(db).ok


def test_promoting_a_draft_to_a_held_nik_is_refused(store):
    store.save(person(status="ready"), "budi")
    draft = store.save(person("Siti A."), "ani")
    assert draft.status == "draft"
    with pytest.raises(DuplicateNik):
        store.save(draft.copy(status="ready"), "ani")
    assert store.get(draft.id).status == "draft"


@pytest.mark.parametrize("status", ["exported", "received", "submitted", "registered", "rejected"])
def test_every_non_draft_status_holds_its_nik(store, status):
    store.save(person(status=status), "budi")
    with pytest.raises(DuplicateNik):
        store.save(person("Siti A.", status="ready"), "ani")


def test_two_drafts_may_share_a_nik(store):
    one = store.save(person(), "budi")
    two = store.save(person("Siti A."), "ani")
    assert store.count() == 2
    assert {h.id for h in store.nik_holders(NIK_SITI)} == {one.id, two.id}
    assert [h.id for h in store.nik_holders(NIK_SITI, one.id)] == [two.id]


def test_a_draft_may_share_a_nik_with_a_ready_record(store):
    store.save(person(status="ready"), "budi")
    store.save(person("Siti A."), "ani")
    assert store.count() == 2


def test_after_deleting_the_nik_can_be_reused(store):
    old = store.save(person(status="ready"), "budi")
    store.delete(old.id, "budi")
    new = store.save(person("Siti Aminah", status="ready"), "budi")
    assert store.count() == 1
    assert [h.id for h in store.nik_holders(NIK_SITI)] == [new.id]


def test_nik_holders(store):
    siti = store.save(person(status="ready"), "budi")
    store.save(person("Dewi Lestari", NIK_DEWI), "budi")
    assert [h.id for h in store.nik_holders("6208.0145.0790.0001")] == [siti.id]
    assert store.nik_holders(NIK_SITI, siti.id) == []
    assert store.nik_holders("6208010101010001") == []


def test_empty_niks_never_collide(store):
    store.save(person(nik="", status="ready"), "budi")
    store.save(person("Dewi Lestari", nik="", status="ready"), "budi")
    assert store.count() == 2


# --- cleaning -----------------------------------------------------------------------------


def test_what_people_type_is_cleaned_on_save(store, db):
    saved = store.save(
        person(
            nik="6208 0145 0790 0001",
            kk="6208-0101-0120-0001",
            full_name="  Siti   Aminah ",
            mother_name=" Fatimah  Zahra ",
            birth_place=" Sukamara ",
            address="  Jl. Tjilik Riwut  ",
            phone="+62 812-3456-7890",
            heir_phone="62 813 4567 8901",
            email=" siti@example.com ",
            kpj="123 4567 8901",
        ),
        "budi",
    )
    row = raw(db, saved.id)
    assert row["nik"] == NIK_SITI
    assert row["kk"] == "6208010101200001"
    assert row["full_name"] == "Siti Aminah"
    assert row["mother_name"] == "Fatimah Zahra"
    assert row["birth_place"] == "Sukamara"
    assert row["address"] == "Jl. Tjilik Riwut"
    assert row["phone"] == "081234567890"
    assert row["heir_phone"] == "081345678901"
    assert row["email"] == "siti@example.com"
    assert row["kpj"] == "12345678901"
    assert saved.phone == "081234567890"


# --- search -------------------------------------------------------------------------------


@pytest.fixture
def people(store):
    """Four live people and one deleted one."""
    made = {
        "siti": store.save(person("Siti Aminah", NIK_SITI, address="Jl. Tjilik Riwut No. 12"), "b"),
        "dewi": store.save(person("Dewi Lestari", NIK_DEWI, address="Desa Pudu RT 3"), "b"),
        "dede": store.save(
            person(
                "Dédé Suryani",
                "6208025003920003",
                address="Kuala Jelai",
                village_code="62.08.02.1001",
                status="ready",
                monthly_income=3_000_000,
            ),
            "b",
        ),
        "andi": store.save(
            person(
                "ANDI Pratama",
                "3273011708800123",
                sex="L",
                address="Natai Sedawak",
                village_code="62.08.01.2002",
                status="ready",
                monthly_income=500_000,
            ),
            "b",
        ),
    }
    gone = store.save(person("Sitiawati", "6208015101700004", address="Riwut"), "b")
    store.delete(gone.id, "b")
    made["gone"] = gone
    return made


def found(store, text) -> set[str]:
    return {r["full_name"] for r in store.search(text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("siti", {"Siti Aminah"}),
        ("Sit", {"Siti Aminah"}),
        ("aminah", {"Siti Aminah"}),
        ("SITI AMI", {"Siti Aminah"}),
        ("siti dewi", set()),  # every word must match
        ("andi", {"ANDI Pratama"}),
        ("Andi", {"ANDI Pratama"}),
        ("dede", {"Dédé Suryani"}),
        ("dédé", {"Dédé Suryani"}),
        ("DEDE SUR", {"Dédé Suryani"}),
        ("620801", {"Siti Aminah", "Dewi Lestari"}),
        ("6208014507", {"Siti Aminah"}),
        ("3273", {"ANDI Pratama"}),
        (NIK_SITI, {"Siti Aminah"}),
        ("riwut", {"Siti Aminah"}),  # address word; the deleted Sitiawati is not found
        ("tjilik", {"Siti Aminah"}),
        ("pudu", {"Dewi Lestari"}),
        ("jelai", {"Dédé Suryani"}),
        ("zzz", set()),
        ("", set()),
        ("  ", set()),
        ('"', set()),
        ("siti*", {"Siti Aminah"}),
        ("siti OR dewi", set()),  # FTS syntax is taken as words, never as operators
    ],
)
def test_search(store, people, text, names):
    assert found(store, text) == names


def test_search_rows_carry_the_list_columns(store, people):
    [row] = store.search("dewi")
    assert set(row) == set(LIST_COLUMNS)
    assert row["id"] == people["dewi"].id
    assert row["kecamatan_code"] == "62.08.01"


def test_search_follows_updates(store, people):
    store.save(people["dewi"].copy(full_name="Dewi Kartika"), "b")
    assert found(store, "lestari") == set()
    assert found(store, "kartika") == {"Dewi Kartika"}


def test_search_limit(store, people):
    assert len(store.search("6208", limit=1)) == 1


def test_fts_query():
    assert fts_query("Siti  Ami") == '"Siti"* AND "Ami"*'
    assert fts_query(" -*\"' ") == ""


# --- the list: row ids, filters, order ----------------------------------------------------


def names_of(store, record_filter) -> list[str]:
    rowids = list(store.list_rowids(record_filter))
    rows = store.rows_by_rowid(rowids)
    return [rows[r]["full_name"] for r in rowids]


def test_list_rowids_default_is_newest_first(store, people):
    assert names_of(store, RecordFilter()) == [
        "ANDI Pratama", "Dédé Suryani", "Dewi Lestari", "Siti Aminah",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("record_filter", "names"),
    [
        (RecordFilter(status="ready"), {"Dédé Suryani", "ANDI Pratama"}),
        (RecordFilter(status="draft"), {"Siti Aminah", "Dewi Lestari"}),
        (RecordFilter(status="rejected"), set()),
        (RecordFilter(kecamatan_code="62.08.01"), {"Siti Aminah", "Dewi Lestari", "ANDI Pratama"}),
        (RecordFilter(kecamatan_code="62.08.02"), {"Dédé Suryani"}),
        (RecordFilter(village_code="62.08.01.2001"), {"Siti Aminah", "Dewi Lestari"}),
        (RecordFilter(village_code="62.08.01.2002"), {"ANDI Pratama"}),
        (RecordFilter(kecamatan_code="62.08.01", village_code="62.08.01.2002"), {"ANDI Pratama"}),
        (RecordFilter(text="siti"), {"Siti Aminah"}),
        (RecordFilter(text="riwut"), {"Siti Aminah"}),
        (RecordFilter(text="6208"), {"Siti Aminah", "Dewi Lestari", "Dédé Suryani"}),
        (RecordFilter(text="6208", status="ready"), {"Dédé Suryani"}),
        (RecordFilter(text="6208", kecamatan_code="62.08.01"), {"Siti Aminah", "Dewi Lestari"}),
    ],
)
def test_list_rowids_filters(store, people, record_filter, names):
    assert set(names_of(store, record_filter)) == names
    assert store.count(record_filter) == len(names)


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        ("full_name", ["ANDI Pratama", "Dewi Lestari", "Dédé Suryani", "Siti Aminah"]),
        ("monthly_income", ["ANDI Pratama", "Siti Aminah", "Dewi Lestari", "Dédé Suryani"]),
        ("nik", ["ANDI Pratama", "Siti Aminah", "Dewi Lestari", "Dédé Suryani"]),
        ("village_code", ["Siti Aminah", "Dewi Lestari", "ANDI Pratama", "Dédé Suryani"]),
        ("sex", ["ANDI Pratama", "Siti Aminah", "Dewi Lestari", "Dédé Suryani"]),
        ("updated_at", ["Siti Aminah", "Dewi Lestari", "Dédé Suryani", "ANDI Pratama"]),
    ],
)
def test_list_rowids_sorts_both_ways(store, people, column, ascending):
    """Ties are broken by rowid in the same direction, so the two orders mirror each other."""
    up = names_of(store, RecordFilter(sort_column=column, descending=False))
    down = names_of(store, RecordFilter(sort_column=column, descending=True))
    assert up == ascending
    assert down == list(reversed(ascending))


def test_unknown_sort_column_falls_back_to_updated_at(store, people, db):
    evil = RecordFilter(sort_column="full_name; DROP TABLE registrations", descending=False)
    assert names_of(store, evil) == names_of(store, RecordFilter(descending=False))
    assert "registrations" in db.table_names()


def test_rows_by_rowid(store, people):
    rowids = list(store.list_rowids(RecordFilter(sort_column="full_name", descending=False)))
    rows = store.rows_by_rowid(rowids[1:3])
    assert set(rows) == set(rowids[1:3])
    row = rows[rowids[2]]
    assert set(row) == set(LIST_COLUMNS)
    assert row["rowid"] == rowids[2]
    assert row["full_name"] == "Dédé Suryani"
    assert row["kecamatan_code"] == "62.08.02"
    assert row["version"] == 1
    assert store.rows_by_rowid([]) == {}
    assert store.rows_by_rowid([999_999]) == {}


def test_list_rowids_is_compact(store, people):
    rowids = store.list_rowids(RecordFilter())
    assert rowids.typecode == "q"
    assert len(rowids) == 4


# --- bulk insert --------------------------------------------------------------------------


def test_insert_many(store, db):
    regs = [
        person(
            f"Orang {i}", f"620801050790{i:04d}", status="ready", phone="+62 812 0000 000" + str(i)
        )
        for i in range(1, 6)
    ]
    assert store.insert_many(regs, "demo") == 5
    assert store.count() == 5
    stored = store.get(regs[0].id)
    assert (stored.version, stored.created_by, stored.phone) == (1, "demo", "081200000001")
    assert [a[0] for a in audit_actions(db)] == ["insert"] * 5
    assert verify_chain(db).ok


def test_insert_many_is_all_or_nothing(store, db):
    regs = [
        person("Satu", "6208010507900001", status="ready"),
        person("Dua", "6208010507900002", status="ready"),
        person("Tiga", "6208010507900001", status="ready"),  # same NIK as Satu
    ]
    with pytest.raises((DuplicateNik, sqlite.IntegrityError)):
        store.insert_many(regs, "demo")
    assert store.count() == 0
    assert db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == 0
    assert audit_actions(db) == []
    assert store.search("dua") == []


def test_insert_many_clashing_with_a_stored_nik_inserts_nothing(store, db):
    store.save(person(status="ready"), "budi")
    with pytest.raises((DuplicateNik, sqlite.IntegrityError)):
        store.insert_many([person("Baru", NIK_DEWI, status="ready"), person(status="ready")], "d")
    assert store.count() == 1
    assert len(audit_actions(db)) == 1


def test_insert_many_drafts_may_share_a_nik(store):
    assert store.insert_many([person("Satu"), person("Dua")], "demo") == 2


def test_insert_many_of_nothing_inserts_nothing(store, db):
    assert store.insert_many([], "demo") == 0
    assert store.count() == 0
    assert audit_actions(db) == []


# --- settings and autosave ----------------------------------------------------------------


def test_settings_defaults_on_a_new_database(db):
    assert load_settings(db) == Settings()
    assert load_settings(db).regency_code == "62.08"
    assert load_settings(db).target == 9863
    assert load_settings(db).configured is False


def test_settings_round_trip(db):
    settings = Settings(
        regency_code="64.09", officer_name="Ani Wulandari", target=15000,
        age_min=18, age_max=65, language="en", configured=True,
    )  # fmt: skip
    saved = save_settings(db, settings)
    assert str(uuid.UUID(saved.device_id)) == saved.device_id  # a new UUID for this database
    assert saved == dataclasses.replace(settings, device_id=saved.device_id)
    assert load_settings(db) == saved
    changed = save_settings(db, dataclasses.replace(saved, officer_name="Budi"))
    assert changed.device_id == saved.device_id
    assert load_settings(db).officer_name == "Budi"
    # Beside the settings, the version that last wrote the schema (models.db.WRITTEN_BY).
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key != 'written_by_version'").fetchone()[
        0
    ] == len(dataclasses.fields(Settings))


def test_configured_db_fixture(configured_db):
    settings = load_settings(configured_db)
    assert (settings.officer_name, settings.configured) == ("Budi Santoso", True)


def test_unknown_stored_settings_are_ignored(db):
    db.execute("INSERT INTO settings (key, value) VALUES ('retired_option', '1')")
    assert load_settings(db) == Settings()


def test_autosave_store_load_clear(db):
    assert autosave.load(db) is None
    form = {"full_name": "Dédé Suryani", "nik": "6208", "birth_date": "1992-03-10"}
    autosave.store(db, form)
    assert autosave.load(db) == form
    autosave.store(db, {"full_name": "Dédé"})
    assert autosave.load(db) == {"full_name": "Dédé"}
    assert db.execute("SELECT COUNT(*) FROM autosave").fetchone()[0] == 1
    autosave.store(db, {"other": True}, slot="other")
    autosave.clear(db)
    assert autosave.load(db) is None
    assert autosave.load(db, slot="other") == {"other": True}


def test_autosave_survives_reopening(tmp_path):
    path = tmp_path / "crash.db"
    db = open_database(path)
    autosave.store(db, {"full_name": "Siti"})
    db.close()
    db = open_database(path)
    try:
        assert autosave.load(db) == {"full_name": "Siti"}
    finally:
        db.close()


def test_autosave_is_not_a_registration(db):
    autosave.store(db, {"full_name": "Siti"})
    assert RegistrationStore(db).count() == 0
    assert audit_actions(db) == []


def test_restore_undoes_a_delete_unless_the_nik_was_taken(db):
    store = RegistrationStore(db)
    first = store.save(
        Registration(nik="6208014507900001", full_name="Siti", status="ready"), "budi"
    )
    store.delete(first.id, "budi")
    restored = store.restore(first.id, "budi")
    assert not restored.deleted
    assert store.count() == 1
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions == ["insert", "delete", "restore"]
    store.delete(first.id, "budi")
    store.save(Registration(nik="6208014507900001", full_name="Siti A", status="ready"), "ani")
    with pytest.raises(DuplicateNik):
        store.restore(first.id, "budi")
    assert store.get(first.id).deleted


@pytest.mark.parametrize(
    ("status", "officer_device", "expected"),
    [
        ("exported", False, "ready"),
        ("received", False, "received"),  # at the district its own word stays
        ("received", True, "ready"),  # on a laptop the living record must leave again
        ("registered", True, "ready"),
        ("draft", True, "draft"),
    ],
)
def test_a_restored_registration_gets_the_status_an_edit_would(
    db, status, officer_device, expected
):
    store = RegistrationStore(db)
    reg = store.save(Registration(nik="6208014507900001", full_name="Siti", status=status), "b")
    store.delete(reg.id, "b")
    assert store.restore(reg.id, "b", officer_device=officer_device).status == expected


def test_a_bulk_insert_indexes_for_search_once_and_fails_whole(db):
    from models.db import write_transaction
    from models.store import insert_rows

    store = RegistrationStore(db)
    store.insert_many([person("Rahmawati", id="a"), person(nik="", id="b")], "budi")
    assert [r["id"] for r in store.search("rahmaw")] == ["a"]
    db.execute("INSERT INTO registrations_fts (registrations_fts) VALUES ('integrity-check')")
    with pytest.raises(RuntimeError):
        insert_rows(db, [person(id="c").to_row()])  # outside a transaction
    with pytest.raises(sqlite.IntegrityError), write_transaction(db):
        insert_rows(db, [person("Dewi", nik="", id="d").to_row(), person(id="a").to_row()])
    assert store.get("d") is None and store.search("dewi") == []
    assert db.execute("SELECT COUNT(*) FROM search_index_paused").fetchone()[0] == 0
    # The trigger indexes single saves again once the bulk insert is over.
    store.insert_many([person("Yohana", nik="", id="e")], "budi")
    assert [r["id"] for r in store.search("yohana")] == ["e"]


def test_the_registrations_of_a_filter_come_whole_and_in_the_lists_order(db):
    from models.store import RecordFilter

    store = RegistrationStore(db)
    store.insert_many(
        [person("Citra", nik="", id="c"), person("Ani", nik="", id="a"),
         person("Budi", nik="", id="b", village_code="62.08.02.1001")],
        "budi",
    )  # fmt: skip
    by_name = RecordFilter(sort_column="full_name", descending=False)
    assert [r.id for r in store.registrations_matching(by_name)] == ["a", "b", "c"]
    one_desa = RecordFilter(village_code="62.08.02.1001")
    (budi,) = store.registrations_matching(one_desa)
    assert budi.full_name == "Budi" and budi.birth_date == date(1990, 7, 5)


def test_a_bulk_status_change_is_audited_and_refuses_a_stale_row(db):
    from models.db import write_transaction
    from models.store import change_rows

    store = RegistrationStore(db)
    store.insert_many([person(nik="", id="a"), person(nik="", id="b")], "budi")
    rows = select_rows(db, "SELECT * FROM registrations WHERE id IN ('a', 'b') ORDER BY id")
    a, b = ({k: v for k, v in row.items() if k != "kecamatan_code"} for row in rows)
    with write_transaction(db):
        assert change_rows(db, [(a, {"status": "exported"})], "export", "budi") == 1
    assert (store.get("a").status, store.get("a").version) == ("exported", 2)
    with pytest.raises(RuntimeError), write_transaction(db):  # ``a`` is now at version 2
        change_rows(db, [(b, {"status": "exported"}), (a, {"status": "ready"})], "x", "budi")
    assert (store.get("b").status, store.get("b").version) == ("draft", 1)
    assert verify_chain(db).ok
