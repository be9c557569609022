"""Numbered schema migrations, applied in order when a database is opened
(`models.db.open_database`).

Never edit a migration that has shipped: add the next number, at the end of `STEPS`, in the
newest steps module. The order is this tuple's, not the order modules are imported in.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from models.migrations.steps_m001_m006 import (
    m001_registrations,
    m002_search,
    m003_audit_log,
    m004_settings_and_autosave,
    m005_identity_and_trust,
    m006_batches_and_merge,
)
from models.migrations.steps_m007_m013 import (
    m007_duplicate_lookups,
    m008_bulk_merge,
    m009_sync,
    m010_dashboard,
    m011_officer_versions,
    m012_dashboard_days,
    m013_nik_and_id_search,
)
from models.migrations.steps_m014 import m014_transport_work_and_previous_kpj
from models.migrations.steps_m015 import m015_record_before_publishing
from models.migrations.steps_m016 import m016_programme_year
from models.migrations.steps_m018 import m018_kpj_card_handover

STEPS = (
    m001_registrations,
    m002_search,
    m003_audit_log,
    m004_settings_and_autosave,
    m005_identity_and_trust,
    m006_batches_and_merge,
    m007_duplicate_lookups,
    m008_bulk_merge,
    m009_sync,
    m010_dashboard,
    m011_officer_versions,
    m012_dashboard_days,
    m013_nik_and_id_search,
    m014_transport_work_and_previous_kpj,
    m015_record_before_publishing,
    m016_programme_year,
    m018_kpj_card_handover,
)

migrations = Migrations("jaring")
for step in STEPS:
    migrations()(step)
