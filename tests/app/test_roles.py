"""The one role check and the one actor name every use case and page relies on
(`models.identity.require_role`, `models.identity.actor_name`)."""

import dataclasses

import pytest

from exchange.receipts import ReceiptError
from models.identity import IdentityError, actor_name, identity_as, require_role
from models.settings import load_settings, save_settings


def test_a_role_is_required_with_the_callers_reason(sites, db):
    district, officers, _ = sites
    budi = officers["budi"]
    assert require_role(district, "district", "why").role == "district"
    assert identity_as(budi, "district") is None and identity_as(budi, "officer").name == "Budi"
    for database, role in ((budi, "district"), (district, "officer"), (db, "officer")):
        with pytest.raises(IdentityError) as refused:
            require_role(database, role, "only over there")
        assert (refused.value.code, str(refused.value)) == (f"not_{role}", "only over there")
    with pytest.raises(ReceiptError) as receipt:
        require_role(budi, "district", "only the district signs", error=ReceiptError)
    assert receipt.value.code == "not_district"


def test_the_actor_is_the_settings_officer_then_the_identity(sites, db):
    district, officers, _ = sites
    budi = officers["budi"]
    assert (actor_name(db), actor_name(district), actor_name(budi)) == ("", "Disnaker", "Budi")
    save_settings(budi, dataclasses.replace(load_settings(budi), officer_name="Budi Santoso"))
    assert actor_name(budi) == "Budi Santoso"
